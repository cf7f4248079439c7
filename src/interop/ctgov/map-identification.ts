import { AppError } from '../../errors/app-error.js';
import type { ProtocolInput } from '../../protocol/schema.js';
import { ctgovErrors } from './errors.js';
import type { ReportCollector } from './import-report.js';
import type { DateStruct, ProtocolSection } from './record.js';
import { slugOf } from './record-text.js';

type Identification = Pick<ProtocolInput, 'id' | 'version' | 'identifiers' | 'title' | 'officialTitle' | 'phase' | 'conditions' | 'status' | 'sponsor' | 'dates' | 'enrolment'>;

const ID = 'protocolSection.identificationModule';
const STATUS = 'protocolSection.statusModule';

/** API v2 `Status` enum → the protocol's status (ClinicalTrials.gov data element "Overall Recruitment Status"). */
const statuses: Readonly<Record<string, ProtocolInput['status']>> = {
  NOT_YET_RECRUITING: 'not-yet-recruiting',
  RECRUITING: 'recruiting',
  ENROLLING_BY_INVITATION: 'recruiting',
  ACTIVE_NOT_RECRUITING: 'active',
  SUSPENDED: 'active',
  COMPLETED: 'completed',
  TERMINATED: 'terminated',
  WITHDRAWN: 'withdrawn',
  UNKNOWN: 'unknown',
};

/** API v2 `Phase` enum, joined as the record lists them (PHASE1 + PHASE2 is phase 1/2). */
const phases: Readonly<Record<string, ProtocolInput['phase']>> = {
  PHASE1: 'phase1',
  'PHASE1,PHASE2': 'phase1/phase2',
  PHASE2: 'phase2',
  'PHASE2,PHASE3': 'phase2/phase3',
  PHASE3: 'phase3',
  PHASE4: 'phase4',
  NA: 'n/a',
};

const required = (value: string | undefined, field: string, what: string): string => {
  if (value === undefined || value.trim() === '') throw new AppError(ctgovErrors.RECORD_INCOMPLETE, `The record has no ${field} (${what}).`, field);
  return value.trim();
};

/** A v2 date ("2015-09" or "2015-09-17") as an ISO date; a month-only date is the month's first day, reported. */
function isoDate(s: DateStruct | undefined, field: string, protocolField: string, r: ReportCollector): { date: string; kind: 'actual' | 'estimated' } | undefined {
  if (!s?.date) return undefined;
  r.use(`${field}.date`, `${field}.type`);
  const kind = s.type === 'ESTIMATED' || s.type === 'ANTICIPATED' ? 'estimated' : 'actual';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s.date)) return { date: s.date, kind };
  if (/^\d{4}-\d{2}$/.test(s.date)) {
    r.assume(`${field}.date`, protocolField, `The record gives the month only (${s.date}); the draft uses its first day, ${s.date}-01.`);
    return { date: `${s.date}-01`, kind };
  }
  r.add({ kind: 'unmapped', field: `${field}.date`, reason: `"${s.date}" is not a date of the form YYYY-MM or YYYY-MM-DD.` });
  return undefined;
}

/**
 * Identification, status and dates, phase, conditions, sponsor and enrolment. A record without an NCT
 * number (a registry page that does not print it) is identified by its organisation study id, else its
 * title; a missing title or condition is drafted as a placeholder, each reported.
 */
export function mapIdentification(p: ProtocolSection, r: ReportCollector): Identification {
  const idm = p.identificationModule;
  const nctId = idm?.nctId?.trim() || undefined;
  const orgStudyId = idm?.orgStudyIdInfo?.id?.trim() || undefined;
  const briefTitle = idm?.briefTitle?.trim() || undefined;
  const officialTitle = idm?.officialTitle?.trim() || undefined;
  const named = orgStudyId ?? briefTitle ?? officialTitle;
  if (!nctId && !named) required(undefined, `${ID}.nctId`, 'the NCT number, nor an organisation study id or a title to identify the study by');
  r.use(`${ID}.nctId`, `${ID}.briefTitle`, `${ID}.officialTitle`, `${ID}.orgStudyIdInfo.id`);
  const id = nctId ? nctId.toLowerCase() : slugOf(named as string, 'study');
  if (!nctId)
    r.assume(
      `${ID}.nctId`,
      'id',
      `The record has no NCT number; the draft is identified by ${orgStudyId ? `the organisation's study id ${orgStudyId}` : briefTitle ? 'its brief title' : 'its official title'} (protocol id "${id}") and has no registry id until one is entered.`,
    );
  let title = briefTitle ?? officialTitle;
  if (!briefTitle && officialTitle) r.assume(`${ID}.briefTitle`, 'title', 'The record has no brief title; the draft takes its official title.');
  if (!title) {
    title = `Study ${orgStudyId ?? nctId}`;
    r.assume(`${ID}.briefTitle`, 'title', `The record has no title; the draft says "${title}", to replace with the study's title.`);
  }
  const conditions = (p.conditionsModule?.conditions ?? []).map((c) => c.trim()).filter((c) => c !== '');
  r.use('protocolSection.conditionsModule.conditions');
  if (conditions.length === 0) {
    conditions.push('not stated');
    r.assume('protocolSection.conditionsModule.conditions', 'conditions', 'The record lists no condition; the draft says "not stated", to replace with the condition studied.');
  }

  const st = p.statusModule;
  let status: ProtocolInput['status'] = 'unknown';
  if (st?.overallStatus) {
    r.use(`${STATUS}.overallStatus`);
    const mapped = statuses[st.overallStatus];
    if (mapped) status = mapped;
    else r.add({ kind: 'unmapped', field: `${STATUS}.overallStatus`, reason: `status ${st.overallStatus} is an expanded-access status, not one of a trial's; the draft says unknown.` });
    if (st.overallStatus === 'ENROLLING_BY_INVITATION' || st.overallStatus === 'SUSPENDED')
      r.assume(`${STATUS}.overallStatus`, 'status', `The protocol has no status ${st.overallStatus}; the draft says ${status}.`);
  } else r.assume(`${STATUS}.overallStatus`, 'status', 'The record gives no overall status; the draft says unknown.');

  const phaseKey = (p.designModule?.phases ?? []).join(',');
  r.use('protocolSection.designModule.phases');
  let phase = phases[phaseKey];
  if (!phase) {
    phase = phaseKey === 'EARLY_PHASE1' ? 'phase1' : 'n/a';
    r.assume('protocolSection.designModule.phases', 'phase', `The protocol has no phase "${phaseKey || '(none)'}"; the draft says ${phase}.`);
  }

  const count = p.designModule?.enrollmentInfo?.count;
  r.use('protocolSection.designModule.enrollmentInfo.count', 'protocolSection.designModule.enrollmentInfo.type');
  let target = count ?? 0;
  if (!Number.isInteger(target) || target < 1) {
    r.assume('protocolSection.designModule.enrollmentInfo.count', 'enrolment.target', `The record gives no enrolment above 0 (${count ?? 'none'}); the draft says 1 until the sample size is set.`);
    target = 1;
  }
  const enrolKind = p.designModule?.enrollmentInfo?.type === 'ACTUAL' ? 'actual' : 'estimated';
  if (count !== undefined && !p.designModule?.enrollmentInfo?.type)
    r.assume('protocolSection.designModule.enrollmentInfo.type', 'enrolment.kind', `The record does not say whether the enrolment of ${count} is actual or estimated; the draft says estimated.`);

  const sponsor = p.sponsorCollaboratorsModule?.leadSponsor?.name;
  if (sponsor) r.use('protocolSection.sponsorCollaboratorsModule.leadSponsor.name');
  const start = isoDate(st?.startDateStruct, `${STATUS}.startDateStruct`, 'dates.start', r);
  const primaryCompletion = isoDate(st?.primaryCompletionDateStruct, `${STATUS}.primaryCompletionDateStruct`, 'dates.primaryCompletion', r);
  const completion = isoDate(st?.completionDateStruct, `${STATUS}.completionDateStruct`, 'dates.completion', r);
  const firstPosted = isoDate(st?.studyFirstPostDateStruct, `${STATUS}.studyFirstPostDateStruct`, 'dates.firstPosted', r)?.date;
  const lastUpdatePosted = isoDate(st?.lastUpdatePostDateStruct, `${STATUS}.lastUpdatePostDateStruct`, 'dates.lastUpdatePosted', r)?.date;
  return {
    id,
    version: '1',
    identifiers: { ...(nctId ? { registryId: nctId } : {}), ...(orgStudyId ? { orgStudyId } : {}) },
    title,
    ...(officialTitle ? { officialTitle } : {}),
    phase,
    conditions,
    status,
    ...(sponsor ? { sponsor } : {}),
    dates: {
      ...(start ? { start } : {}),
      ...(primaryCompletion ? { primaryCompletion } : {}),
      ...(completion ? { completion } : {}),
      ...(firstPosted ? { firstPosted } : {}),
      ...(lastUpdatePosted ? { lastUpdatePosted } : {}),
    },
    enrolment: { target, kind: enrolKind },
  };
}
