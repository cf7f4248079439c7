import { studyDay } from '../../dates/iso-date.js';
import type { Protocol } from '../../protocol/schema.js';
import type { DatasetCell } from '../dataset-json/dataset-column.js';
import { doseAmounts } from '../exposure/dose-amounts.js';
import { roundTo } from '../../forms/expression/functions.js';
import { formItemsByKey, type StudyForm } from '../form-metadata/form-metadata.js';
import type { Blinding } from './blinding.js';
import type { ParticipantData } from './participant-data.js';
import { actionTerm, countryCode, dispositionTerm, doseUnitTerm, labTest, outcomeTerm, relatednessTerm, routeTerm, seriousFlag, sexTerm } from './terminology.js';
import { visitNumber } from './trial-design-records.js';

/** What every participant's records are made in: the study, its forms and what the reader may see. */
export interface SubjectContext {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly forms: readonly StudyForm[];
  readonly blinding: Blinding;
}

export type SubjectDomain = 'DM' | 'EX' | 'AE' | 'DS' | 'SV' | 'LB' | 'QS';
export type SubjectRecords = Readonly<Record<SubjectDomain, DatasetCell[][]>>;

const yn = (b: boolean) => (b ? 'Y' : 'N');
/** --DY relative to RFSTDTC; null before treatment started (SDTMIG 3.4 §4.4.4). */
const dy = (ref: string | null, date: string | null) => (ref && date ? studyDay(ref, date) : null);
/** Birthdays passed between two ISO dates (a 29 February birthday counts on 1 March in common years). */
export const completedYears = (from: string, to: string) => Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);
const last = <T>(xs: readonly T[]) => xs[xs.length - 1];

/** Every SDTM record of one participant, variables in the order of the domain specs (subject-domains.ts). */
export function subjectRecords(ctx: SubjectContext, d: ParticipantData): SubjectRecords {
  const { studyId, protocol: p } = ctx;
  const usubjid = `${studyId}-${d.code}`;
  const id = (domain: string) => [studyId, domain, usubjid];
  const ref = d.startDate;
  const given = d.doses.filter((x) => x.status === 'given');
  const visitNum = (v: string | null) => (v === null ? null : visitNumber(p, v));
  const visitName = (v: string | null) => p.visits.find((x) => x.id === v)?.name ?? null;

  const lastDate =
    [last(given)?.date, last(d.visits)?.date]
      .filter((x): x is string => Boolean(x))
      .sort()
      .pop() ?? null;
  const ageFrom = ref ?? d.enrolledOn ?? d.consentedOn;
  // Whole years completed at the reference start (or enrolment/consent when treatment never started).
  const age = ageFrom ? completedYears(d.birthDate, ageFrom) : null;
  const arm = d.armId !== null && (d.status === 'randomized' || ref !== null) ? ctx.blinding.armOf(p, d.armId) : null;
  const notAssigned = d.status === 'ineligible' ? 'SCREEN FAILURE' : 'NOT ASSIGNED';
  const site = p.sites.find((s) => s.id === d.siteId);
  const DM = [
    [
      ...id('DM'),
      d.code,
      ref,
      ref ? lastDate : null,
      given[0]?.date ?? null,
      last(given)?.date ?? null,
      d.consentedOn,
      d.siteId,
      d.birthDate,
      age,
      age === null ? null : 'YEARS',
      sexTerm[d.sex],
      arm?.code ?? null,
      arm?.label ?? null,
      given.length > 0 ? (arm?.code ?? null) : null,
      given.length > 0 ? (arm?.label ?? null) : null,
      arm === null ? notAssigned : given.length === 0 ? 'ASSIGNED, NOT TREATED' : null,
      (site?.country && countryCode[site.country]) ?? null,
    ],
  ];

  const amounts = doseAmounts(
    p,
    d.armId,
    d.startDate,
    d.doses.filter((x) => x.status === 'held'),
  );
  const showDose = ctx.blinding.dosesShown(p);
  const route = d.armId ? p.arms.find((a) => a.id === d.armId)?.interventions[0]?.route : undefined;
  const EX = given.map((x, i) => {
    const a = amounts.get(x.day);
    return [
      ...id('EX'),
      i + 1,
      d.armId ? ctx.blinding.treatmentOf(p, d.armId) : null,
      showDose ? (a?.amount ?? null) : null,
      showDose && a ? (doseUnitTerm[a.unit] ?? a.unit) : null,
      route ? routeTerm[route] : null,
      x.date,
      x.date,
      dy(ref, x.date),
      dy(ref, x.date),
    ];
  });

  const AE = d.adverseEvents
    .filter((a) => a.status === 'confirmed')
    .map((a, i) => {
      const flag = (v: string) => (a.serious ? yn(a.seriousCriteria.some((c) => seriousFlag[c] === v)) : null);
      return [
        ...id('AE'),
        i + 1,
        a.term,
        null,
        yn(a.serious),
        a.actionTaken ? (actionTerm[a.actionTaken] ?? null) : null,
        a.relatedness ? (relatednessTerm[a.relatedness] ?? null) : null,
        a.outcome ? (outcomeTerm[a.outcome] ?? null) : null,
        flag('AESCONG'),
        flag('AESDISAB'),
        flag('AESDTH'),
        flag('AESHOSP'),
        flag('AESLIFE'),
        flag('AESMIE'),
        String(a.grade),
        a.onsetDate,
        a.resolvedDate,
        dy(ref, a.onsetDate),
        dy(ref, a.resolvedDate),
      ];
    });

  const dsEvents: [string, string, string, string | null][] = [];
  if (d.consentedOn) dsEvents.push(['INFORMED CONSENT OBTAINED', 'INFORMED CONSENT OBTAINED', 'PROTOCOL MILESTONE', d.consentedOn]);
  if (d.randomizedOn) dsEvents.push(['RANDOMIZED', 'RANDOMIZED', 'PROTOCOL MILESTONE', d.randomizedOn]);
  // The eCRF records why, not when, a participant completed or left: DSSTDTC stays empty rather than guessed.
  if (['completed', 'withdrawn', 'ineligible'].includes(d.status)) {
    dsEvents.push([d.statusReason ?? d.status.toUpperCase(), dispositionTerm(d.status, d.statusReason), 'DISPOSITION EVENT', null]);
  }
  const DS = dsEvents.map(([term, decod, cat, date], i) => [...id('DS'), i + 1, term, decod, cat, date, dy(ref, date)]);

  const SV = d.visits.filter((v) => v.status === 'done').map((v) => [...id('SV'), visitNum(v.visitId), visitName(v.visitId), v.date, v.date, dy(ref, v.date), dy(ref, v.date)]);

  const LB = d.observations
    .filter((o) => o.kind === 'lab')
    .map((o, i) => {
      const t = labTest[o.key] ?? {
        code: o.key
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '')
          .slice(0, 8),
        test: o.key,
      };
      const value = o.valueNum ?? o.valueText;
      return [
        ...id('LB'),
        i + 1,
        t.code,
        t.test,
        value === null ? null : String(value),
        o.unit,
        value === null ? null : String(value),
        o.valueNum,
        o.unit,
        o.grade !== null && o.grade > 0 ? o.gradeTerm : null,
        o.grade === null ? null : String(o.grade),
        visitNum(o.visitId),
        visitName(o.visitId),
        o.date,
        dy(ref, o.date),
      ];
    });

  const items = formItemsByKey(ctx.forms);
  // In the order the form asks: by visit, then the form's item order (total last).
  const order = new Map(ctx.forms.flatMap((f, fi) => f.items.map((it, ii) => [it.key, fi * 1000 + ii] as const)));
  // Instrument items and totals, and defined forms' values (stored as 'other' under `form.item`).
  const answers = d.observations.filter((o) => (o.kind === 'item' || o.kind === 'score' || o.kind === 'other') && items.has(o.key));
  answers.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.visitId ?? '').localeCompare(b.visitId ?? '') || order.get(a.key)! - order.get(b.key)!);
  const QS = answers.map((o, i) => {
    const { form, item } = items.get(o.key)!;
    const value = o.valueNum ?? o.valueText;
    const text = value === null ? null : String(value);
    // A value entered in another unit of its item, standardized to the item's first unit.
    const factor = o.unit === null ? undefined : item.toCanonical?.[o.unit];
    const std = o.valueNum !== null && factor !== undefined ? roundTo(o.valueNum * factor, 10) : o.valueNum;
    return [
      ...id('QS'),
      i + 1,
      item.testCode,
      item.test,
      form.name.toUpperCase().slice(0, 40),
      text,
      std === o.valueNum ? text : String(std),
      std,
      visitNum(o.visitId),
      visitName(o.visitId),
      o.date,
      dy(ref, o.date),
    ];
  });

  return { DM, EX, AE, DS, SV, LB, QS };
}
