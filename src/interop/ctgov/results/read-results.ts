import { AppError } from '../../../errors/app-error.js';
import { ctgovErrors } from '../errors.js';

/**
 * The results section of a ClinicalTrials.gov API v2 record, read into counts per group: participant
 * flow, baseline characteristics, outcome measures with their analyses, adverse events (serious and
 * other, by term, affected / at risk per group). Field names are the API's (resultsSection.*Module).
 * Every groupId must be one its module defines; numbers the API writes as strings are read as numbers.
 */
export interface ResultsGroup {
  readonly id: string;
  readonly title: string;
}
export interface FlowMilestone {
  readonly period: string;
  readonly type: string;
  readonly counts: Readonly<Record<string, number>>;
}
export interface BaselineMeasure {
  readonly title: string;
  readonly paramType: string;
  readonly values: readonly { readonly category: string; readonly groupId: string; readonly value: string; readonly spread?: string }[];
}
export interface OutcomeAnalysis {
  readonly groupIds: readonly string[];
  readonly statisticalMethod?: string;
  readonly pValue?: string;
  readonly paramType?: string;
  readonly paramValue?: number;
  readonly ci?: { readonly pct: number; readonly sides: string; readonly lower?: number; readonly upper?: number };
}
export interface OutcomeResult {
  readonly type: string;
  readonly title: string;
  readonly paramType?: string;
  readonly timeFrame?: string;
  readonly denoms: Readonly<Record<string, number>>;
  readonly values: readonly { readonly category: string; readonly groupId: string; readonly value: string; readonly spread?: string; readonly lower?: string; readonly upper?: string }[];
  readonly analyses: readonly OutcomeAnalysis[];
}
export interface AdverseEventTerm {
  readonly term: string;
  readonly organSystem?: string;
  readonly stats: Readonly<Record<string, { readonly affected: number; readonly atRisk: number }>>;
}
export interface RecordResults {
  readonly flow: { readonly groups: readonly ResultsGroup[]; readonly milestones: readonly FlowMilestone[] };
  readonly baseline: { readonly groups: readonly ResultsGroup[]; readonly denoms: Readonly<Record<string, number>>; readonly measures: readonly BaselineMeasure[] };
  readonly outcomes: { readonly measures: readonly OutcomeResult[] };
  readonly adverseEvents: {
    readonly groups: readonly (ResultsGroup & { readonly seriousAffected?: number; readonly seriousAtRisk?: number; readonly otherAffected?: number; readonly otherAtRisk?: number })[];
    readonly serious: readonly AdverseEventTerm[];
    readonly other: readonly AdverseEventTerm[];
  };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const num = (v: unknown, field: string): number => {
  const n = typeof v === 'number' ? v : Number(str(v));
  if (!Number.isFinite(n)) throw new AppError(ctgovErrors.RESULTS_MALFORMED, `${field} is not a number (${String(v)}).`, field);
  return n;
};
const optNum = (v: unknown): number | undefined => (str(v) === undefined || !Number.isFinite(Number(str(v))) ? undefined : Number(str(v)));

function groupsOf(list: unknown, field: string): ResultsGroup[] {
  return arr(list).map((g, i) => {
    const id = str(g.id);
    if (!id) throw new AppError(ctgovErrors.RESULTS_MALFORMED, `${field}[${i}] has no id.`, `${field}[${i}].id`);
    return { id, title: str(g.title) ?? id };
  });
}

function counts(list: unknown, key: string, ids: ReadonlySet<string>, field: string): Record<string, number> {
  const out: Record<string, number> = {};
  arr(list).forEach((c, i) => {
    const g = str(c.groupId) ?? '';
    if (!ids.has(g)) throw new AppError(ctgovErrors.RESULTS_MALFORMED, `${field}[${i}] refers to group "${g}", which its module does not define.`, `${field}[${i}].groupId`);
    out[g] = num(c[key], `${field}[${i}].${key}`);
  });
  return out;
}

/** The results section of a record (throws naming the field when a module is malformed; absent modules read as empty). */
/** The measurements of a baseline or outcome measure, flattened over its classes and categories (a category's title, else its class's). */
function measurementsOf(classes: unknown) {
  return arr(classes).flatMap((c) =>
    arr(c.categories).flatMap((cat) =>
      arr(cat.measurements).map((x) => ({
        category: str(cat.title) ?? str(c.title) ?? '',
        groupId: str(x.groupId) ?? '',
        value: str(x.value) ?? '',
        ...(str(x.spread) ? { spread: str(x.spread) as string } : {}),
        ...(str(x.lowerLimit) ? { lower: str(x.lowerLimit) as string } : {}),
        ...(str(x.upperLimit) ? { upper: str(x.upperLimit) as string } : {}),
      })),
    ),
  );
}

export function readRecordResults(record: Json): RecordResults {
  const rs = obj(record.resultsSection);
  const R = 'resultsSection';
  const pf = obj(rs.participantFlowModule);
  const flowGroups = groupsOf(pf.groups, `${R}.participantFlowModule.groups`);
  const flowIds = new Set(flowGroups.map((g) => g.id));
  const milestones = arr(pf.periods).flatMap((p, pi) =>
    arr(p.milestones).map((m, mi) => ({
      period: str(p.title) ?? `Period ${pi + 1}`,
      type: str(m.type) ?? '',
      counts: counts(m.achievements, 'numSubjects', flowIds, `${R}.participantFlowModule.periods[${pi}].milestones[${mi}].achievements`),
    })),
  );
  const bm = obj(rs.baselineCharacteristicsModule);
  const baseGroups = groupsOf(bm.groups, `${R}.baselineCharacteristicsModule.groups`);
  const baseIds = new Set(baseGroups.map((g) => g.id));
  const baseDenoms = counts(arr(bm.denoms)[0]?.counts, 'value', baseIds, `${R}.baselineCharacteristicsModule.denoms[0].counts`);
  const measures = arr(bm.measures).map((m) => ({
    title: str(m.title) ?? '',
    paramType: str(m.paramType) ?? '',
    values: measurementsOf(m.classes),
  }));
  const om = obj(rs.outcomeMeasuresModule);
  const outcomeMeasures = arr(om.outcomeMeasures).map((m, i) => {
    const field = `${R}.outcomeMeasuresModule.outcomeMeasures[${i}]`;
    const ids = new Set(groupsOf(m.groups, `${field}.groups`).map((g) => g.id));
    return {
      type: str(m.type) ?? '',
      title: str(m.title) ?? '',
      ...(str(m.paramType) ? { paramType: str(m.paramType) as string } : {}),
      ...(str(m.timeFrame) ? { timeFrame: str(m.timeFrame) as string } : {}),
      denoms: counts(arr(m.denoms)[0]?.counts, 'value', ids, `${field}.denoms[0].counts`),
      values: measurementsOf(m.classes),
      analyses: arr(m.analyses).map((a) => {
        const pct = optNum(a.ciPctValue);
        const paramValue = optNum(a.paramValue);
        const lower = optNum(a.ciLowerLimit);
        const upper = optNum(a.ciUpperLimit);
        return {
          groupIds: Array.isArray(a.groupIds) ? a.groupIds.map(String) : [],
          ...(str(a.statisticalMethod) ? { statisticalMethod: str(a.statisticalMethod) as string } : {}),
          ...(str(a.pValue) ? { pValue: str(a.pValue) as string } : {}),
          ...(str(a.paramType) ? { paramType: str(a.paramType) as string } : {}),
          ...(paramValue !== undefined ? { paramValue } : {}),
          ...(pct !== undefined ? { ci: { pct, sides: str(a.ciNumSides) ?? '', ...(lower !== undefined ? { lower } : {}), ...(upper !== undefined ? { upper } : {}) } } : {}),
        };
      }),
    };
  });
  const ae = obj(rs.adverseEventsModule);
  const aeGroups = arr(ae.eventGroups).map((g, i) => ({
    ...(groupsOf([g], `${R}.adverseEventsModule.eventGroups[${i}]`)[0] as ResultsGroup),
    ...(optNum(g.seriousNumAffected) !== undefined ? { seriousAffected: optNum(g.seriousNumAffected) as number } : {}),
    ...(optNum(g.seriousNumAtRisk) !== undefined ? { seriousAtRisk: optNum(g.seriousNumAtRisk) as number } : {}),
    ...(optNum(g.otherNumAffected) !== undefined ? { otherAffected: optNum(g.otherNumAffected) as number } : {}),
    ...(optNum(g.otherNumAtRisk) !== undefined ? { otherAtRisk: optNum(g.otherNumAtRisk) as number } : {}),
  }));
  const aeIds = new Set(aeGroups.map((g) => g.id));
  const terms = (list: unknown, name: string): AdverseEventTerm[] =>
    arr(list).map((t, i) => {
      const field = `${R}.adverseEventsModule.${name}[${i}].stats`;
      const stats: Record<string, { affected: number; atRisk: number }> = {};
      arr(t.stats).forEach((s, si) => {
        const g = str(s.groupId) ?? '';
        if (!aeIds.has(g)) throw new AppError(ctgovErrors.RESULTS_MALFORMED, `${field}[${si}] refers to group "${g}", which eventGroups does not define.`, `${field}[${si}].groupId`);
        stats[g] = { affected: num(s.numAffected, `${field}[${si}].numAffected`), atRisk: num(s.numAtRisk, `${field}[${si}].numAtRisk`) };
      });
      return { term: str(t.term) ?? '', ...(str(t.organSystem) ? { organSystem: str(t.organSystem) as string } : {}), stats };
    });
  return {
    flow: { groups: flowGroups, milestones },
    baseline: { groups: baseGroups, denoms: baseDenoms, measures },
    outcomes: { measures: outcomeMeasures },
    adverseEvents: { groups: aeGroups, serious: terms(ae.seriousEvents, 'seriousEvents'), other: terms(ae.otherEvents, 'otherEvents') },
  };
}
