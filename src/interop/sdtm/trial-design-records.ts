import type { Protocol } from '../../protocol/schema.js';
import type { DatasetCell } from '../dataset-json/dataset-column.js';
import type { Blinding } from './blinding.js';
import { routeTerm, SDTM_IG_VERSION } from './terminology.js';
import { cutToBytes } from './text-limits.js';

/**
 * The trial design datasets from the protocol (SDTMIG 3.4 §7). Elements: screening, treatment (the
 * arm's regimen), follow-up after the last dose. A blinded export describes one arm, "BLINDED", so the
 * arms' treatments are not told apart.
 */

type Rows = DatasetCell[][];
const phaseTerm: Readonly<Record<Protocol['phase'], string>> = {
  phase1: 'PHASE I TRIAL',
  'phase1/phase2': 'PHASE I/II TRIAL',
  phase2: 'PHASE II TRIAL',
  'phase2/phase3': 'PHASE II/III TRIAL',
  phase3: 'PHASE III TRIAL',
  phase4: 'PHASE IV TRIAL',
  'n/a': 'NOT APPLICABLE',
};
// TBLIND (C66735): the masking levels as CDISC names them.
const blindTerm: Readonly<Record<Protocol['design']['masking']['level'], string>> = {
  none: 'OPEN LABEL',
  single: 'SINGLE BLIND',
  double: 'DOUBLE BLIND',
  triple: 'TRIPLE BLIND',
  quadruple: 'QUADRUPLE BLIND',
};

export function taRows(p: Protocol, studyId: string, b: Blinding): Rows {
  return b.arms(p).flatMap((arm) => [
    [studyId, 'TA', arm.code, arm.label, 1, 'SCRN', 'Screening', b.randomized ? `Randomized to ${arm.label}` : '', 'SCREENING'],
    [studyId, 'TA', arm.code, arm.label, 2, 'TRT', 'Study treatment', '', 'TREATMENT'],
    [studyId, 'TA', arm.code, arm.label, 3, 'FU', 'Follow-up', '', 'FOLLOW-UP'],
  ]);
}

export function teRows(p: Protocol, studyId: string): Rows {
  return [
    [studyId, 'TE', 'SCRN', 'Screening', 'Informed consent', 'Start of treatment (study day 1)', null],
    [studyId, 'TE', 'TRT', 'Study treatment', 'First dose (study day 1)', "Last dose of the arm's regimen", null],
    [studyId, 'TE', 'FU', 'Follow-up', 'Day after the last dose', `End of study (study day ${p.design.durationDays})`, null],
  ];
}

/** VISITNUM is the visit's place in the protocol's schedule, 1-based. */
export const visitNumber = (p: Protocol, visitId: string): number | null => {
  const i = p.visits.findIndex((v) => v.id === visitId);
  return i < 0 ? null : i + 1;
};

export function tvRows(p: Protocol, studyId: string): Rows {
  return p.visits.map((v, i) => [
    studyId,
    'TV',
    i + 1,
    v.name,
    v.day,
    `Study day ${v.day}${v.windowBefore ? ` minus ${v.windowBefore} days` : ''}`,
    `Study day ${v.day}${v.windowAfter ? ` plus ${v.windowAfter} days` : ''}`,
  ]);
}

export function tiRows(p: Protocol, studyId: string): Rows {
  const code = (prefix: string, id: string) => `${prefix}${id.split('-')[1]!.padStart(2, '0')}`;
  return [
    ...p.eligibility.inclusion.map((c) => [studyId, 'TI', code('INCL', c.id), cutToBytes(c.text), 'INCLUSION', p.version]),
    ...p.eligibility.exclusion.map((c) => [studyId, 'TI', code('EXCL', c.id), cutToBytes(c.text), 'EXCLUSION', p.version]),
  ];
}

export function tsRows(p: Protocol, studyId: string, b: Blinding): Rows {
  const params: [string, string, string | null][] = [
    ['TITLE', 'Trial Title', p.officialTitle ?? p.title],
    ['TPHASE', 'Trial Phase Classification', phaseTerm[p.phase]],
    ['STYPE', 'Study Type', 'INTERVENTIONAL'],
    ['TBLIND', 'Trial Blinding Schema', blindTerm[p.design.masking.level]],
    ['RANDOM', 'Trial is Randomized', p.design.allocation === 'randomized' ? 'Y' : 'N'],
    ['INTMODEL', 'Intervention Model', p.design.interventionModel.toUpperCase().replace('-', ' ')],
    ['NARMS', 'Planned Number of Arms', String(p.arms.length)],
    ['PLANSUB', 'Planned Number of Subjects', String(p.enrolment.target)],
    ...p.conditions.map((c): [string, string, string] => ['INDIC', 'Trial Disease/Condition Indication', c]),
    ...b.treatments(p).map((t): [string, string, string] => ['TRT', 'Investigational Therapy or Treatment', t]),
    ...[...new Set(p.arms.flatMap((a) => a.interventions.map((i) => routeTerm[i.route])))].map((r): [string, string, string] => ['ROUTE', 'Route of Administration', r]),
    ['SPONSOR', 'Clinical Study Sponsor', p.sponsor ?? null],
    ['REGID', 'Registry Identifier', p.identifiers.registryId ?? null],
    // ISO 8601 durations (SDTMIG 3.4 TS: AGEMIN/AGEMAX).
    ['AGEMIN', 'Planned Minimum Age of Subjects', p.eligibility.minAge ? `P${p.eligibility.minAge.value}${p.eligibility.minAge.unit === 'years' ? 'Y' : 'M'}` : null],
    ['AGEMAX', 'Planned Maximum Age of Subjects', p.eligibility.maxAge ? `P${p.eligibility.maxAge.value}${p.eligibility.maxAge.unit === 'years' ? 'Y' : 'M'}` : null],
    ['SEXPOP', 'Sex of Participants', { all: 'BOTH', female: 'F', male: 'M' }[p.eligibility.sex]],
    ['HLTSUBJI', 'Healthy Subject Indicator', p.eligibility.healthyVolunteers ? 'Y' : 'N'],
    ['SDTIGVER', 'SDTM IG Version', SDTM_IG_VERSION],
  ];
  const seq = new Map<string, number>();
  // A parameter the protocol does not give is a null flavour, not an empty value (SDTMIG 3.4 TS: TSVALNF).
  return params.map(([code, name, value]) => {
    seq.set(code, (seq.get(code) ?? 0) + 1);
    return [studyId, 'TS', seq.get(code)!, code, name, value === null ? null : cutToBytes(value), value === null ? 'NI' : null];
  });
}
