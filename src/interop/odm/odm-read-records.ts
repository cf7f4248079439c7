import { parseIsoDay } from '../../dates/iso-date.js';
import { participantStatuses } from '../../enrolment/participant-lifecycle.js';
import { AppError } from '../../errors/app-error.js';
import { aeStatuses, relatednessLevels } from '../../safety/adverse-event.js';
import { interopErrors } from '../errors.js';
import type { AdverseEventRecord, DoseRecord, ParticipantRecords, RandomizationRecordData, StatusStep } from './odm-records.js';
import type { XmlElement } from './xml-tree.js';

/** A fault in the il2trials extension, naming the element, its subject and line. */
function invalid(el: XmlElement, subject: string, problem: string): AppError {
  return new AppError(interopErrors.ODM_INVALID, `ODM <${el.name}> of SubjectData SubjectKey="${subject}" (line ${el.line}): ${problem}.`, `SubjectData[${subject}] › ${el.name}`);
}

/** Reads one element's attributes, each checked, so a fault names the attribute. */
function reader(el: XmlElement, subject: string) {
  const raw = (name: string, required: boolean): string | null => {
    const v = el.attrs[name];
    if (v === undefined || v === '') {
      if (required) throw invalid(el, subject, `the required attribute ${name} is missing`);
      return null;
    }
    return v;
  };
  const r = {
    text: (name: string) => raw(name, true)!,
    optional: (name: string) => raw(name, false),
    date: (name: string, required = true) => {
      const v = raw(name, required);
      if (v !== null && parseIsoDay(v) === undefined) throw invalid(el, subject, `${name} "${v}" is not a date (YYYY-MM-DD)`);
      return v;
    },
    int: (name: string, required = true, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) => {
      const v = raw(name, required);
      if (v === null) return null;
      if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) throw invalid(el, subject, `${name} "${v}" is not a whole number from ${min} to ${max}`);
      return Number(v);
    },
    oneOf: <T extends string>(name: string, allowed: readonly T[], required = true): T | null => {
      const v = raw(name, required);
      if (v !== null && !(allowed as readonly string[]).includes(v)) throw invalid(el, subject, `${name} must be ${allowed.join(' or ')}, not "${v}"`);
      return v as T | null;
    },
  };
  return r;
}

const yesNo = ['Yes', 'No'] as const;

function readRandomization(el: XmlElement, subject: string): RandomizationRecordData {
  const r = reader(el, subject);
  const at = r.optional('RandomizedAt');
  if (at !== null && Number.isNaN(Date.parse(at))) throw invalid(el, subject, `RandomizedAt "${at}" is not a date and time`);
  const stratum = el.attrs.Stratum ?? null;
  if ((at === null) !== (stratum === null)) throw invalid(el, subject, 'RandomizedAt and Stratum come together (the allocation record) or not at all');
  const armId = r.optional('ArmID');
  const sequence = r.int('Sequence', false, 0);
  const stratumIndex = r.int('StratumIndex', sequence !== null, 0);
  const block = r.int('Block', false, 0);
  if (armId === null && (sequence !== null || stratumIndex !== null || block !== null)) throw invalid(el, subject, 'a blinded randomization (no ArmID) must not carry Sequence, StratumIndex or Block');
  if (armId !== null && at !== null && sequence === null) throw invalid(el, subject, 'an unblinded allocation record needs its Sequence and StratumIndex');
  return {
    armId,
    kitNumber: r.optional('KitNumber'),
    allocation: at === null ? null : { randomizedAt: new Date(at).toISOString(), stratum: stratum!, sequence: sequence === null ? null : { sequence, stratumIndex: stratumIndex!, block } },
  };
}

function readDose(el: XmlElement, subject: string): DoseRecord {
  const writes = el.children.filter((c) => c.name === 'il2:DoseWrite');
  if (writes.length === 0) throw invalid(el, subject, 'a Dose needs at least one il2:DoseWrite');
  return {
    day: reader(el, subject).int('Day')!,
    writes: writes.map((w, i) => {
      const r = reader(w, subject);
      const changeReason = r.optional('ChangeReason');
      if (i > 0 && changeReason === null) throw invalid(w, subject, 'a correction of a dose (a DoseWrite after the first) needs its ChangeReason');
      return { date: r.date('Date')!, status: r.oneOf('Status', ['given', 'held'] as const)!, reason: r.optional('Reason'), changeReason: i === 0 ? null : changeReason };
    }),
  };
}

/** The statuses an adverse event is exported with: a user's, or `withdrawn` by a CTCAE regrade. */
const aeRecordStatuses = [...aeStatuses, 'withdrawn'] as const;

function readAdverseEvent(el: XmlElement, subject: string): AdverseEventRecord {
  const r = reader(el, subject);
  return {
    status: r.oneOf('Status', aeRecordStatuses)!,
    term: r.text('Term'),
    onsetDate: r.date('OnsetDate')!,
    endDate: r.date('EndDate', false),
    grade: r.int('Grade', true, 0, 5)!,
    serious: r.oneOf('Serious', yesNo) === 'Yes',
    seriousCriteria: (r.optional('SeriousCriteria') ?? '').split(/\s+/).filter(Boolean),
    relatedness: r.oneOf('Relatedness', relatednessLevels, false),
    actionTaken: r.optional('ActionTaken'),
    outcome: r.optional('Outcome'),
    fromLab: r.oneOf('FromLab', yesNo, false) === 'Yes',
  };
}

const known = new Set(['il2:StatusStep', 'il2:Consent', 'il2:Randomization', 'il2:Dose', 'il2:AdverseEvent']);

/** A SubjectData's il2:Records (null: the file has none), each attribute checked; a fault names the element, the subject and the line. */
export function readParticipantRecordsXml(subjectData: XmlElement, subject: string): { status: string; records: ParticipantRecords } | null {
  const all = subjectData.children.filter((c) => c.name === 'il2:Records');
  if (all.length === 0) return null;
  if (all.length > 1) throw invalid(all[1]!, subject, 'a subject has one il2:Records element');
  const el = all[0]!;
  for (const c of el.children) if (!known.has(c.name)) throw invalid(c, subject, `${c.name} is not an element of il2:Records`);
  const of = (name: string) => el.children.filter((c) => c.name === name);
  const randomizations = of('il2:Randomization');
  if (randomizations.length > 1) throw invalid(randomizations[1]!, subject, 'a participant is randomized once');
  const steps: StatusStep[] = of('il2:StatusStep').map((s) => {
    const r = reader(s, subject);
    return { to: r.oneOf('To', participantStatuses)!, on: r.date('On')!, reason: r.optional('Reason') };
  });
  return {
    status: reader(el, subject).oneOf('Status', participantStatuses)!,
    records: {
      steps,
      consents: of('il2:Consent').map((c) => {
        const r = reader(c, subject);
        return { formVersion: r.text('FormVersion'), signedOn: r.date('SignedOn')! };
      }),
      randomization: randomizations[0] ? readRandomization(randomizations[0], subject) : null,
      doses: of('il2:Dose').map((d) => readDose(d, subject)),
      adverseEvents: of('il2:AdverseEvent').map((a) => readAdverseEvent(a, subject)),
    },
  };
}
