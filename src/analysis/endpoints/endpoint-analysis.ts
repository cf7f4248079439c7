import type { Estimand, Outcome, Protocol } from '../../protocol/schema.js';
import { studyForm } from '../../forms/study-forms.js';
import { fitAncova } from '../models/ancova.js';
import { fitMmrm } from '../models/mmrm.js';
import { signedRankTest } from '../stats/signed-rank.js';
import { pairedTTest, twoSampleTTest } from '../stats/t-test.js';
import { armOf, type AnalysisSetId } from './analysis-sets.js';
import type { ResponderAnalysis } from './responders.js';
import { attempt, referenceArm, type EndpointTest } from './endpoint-test.js';
import { ordinalTests } from './ordinal-analysis.js';
import { slopeTests } from './slope-analysis.js';
import { summarise } from './summary.js';
import type { AnalysisObservation, AnalysisParticipant, AnalysisView, Summary } from './types.js';

export type ArmSummary = Summary & { readonly armId: string };

/** Summaries at one visit: `pooled` always; `byArm` only in the by-arm view (absent, not empty, otherwise). */
export interface VisitSummary {
  readonly visitId: string;
  readonly week: number;
  readonly pooled: Summary;
  readonly byArm?: readonly ArmSummary[];
}

export interface MeasureAnalysis {
  /** The instrument (scores) or the immune subset (panels). */
  readonly key: string;
  readonly visits: readonly VisitSummary[];
  /** Change from the outcome's first visit to its last (the primary time point). */
  readonly change: { readonly fromVisit: string; readonly toVisit: string; readonly pooled: Summary; readonly byArm?: readonly ArmSummary[] } | null;
  /** Inferential tests; only in the by-arm view (after lock, for an unblinded viewer). */
  readonly tests?: readonly EndpointTest[];
}

export interface EndpointAnalysis {
  readonly outcomeId: string;
  readonly outcomeKind: Outcome['kind'];
  readonly measure: string;
  readonly instrument: string;
  readonly analysisSet: AnalysisSetId;
  /** What the outcome estimates (ICH E9(R1)), as the protocol states it. */
  readonly estimand?: Estimand;
  readonly measures: readonly MeasureAnalysis[];
  /** Responder rates at each responder visit, for an outcome with a responder definition. */
  readonly responders?: readonly ResponderAnalysis[];
}

/** Study week of a visit, with study day 1 as week 0. */
export const visitWeek = (protocol: Protocol, visitId: string): number => ((protocol.visits.find((v) => v.id === visitId)?.day ?? 1) - 1) / 7;

interface Context {
  readonly protocol: Protocol;
  readonly outcome: Outcome;
  readonly participants: readonly AnalysisParticipant[];
  readonly view: AnalysisView;
}

function analyseMeasure(ctx: Context, key: string, obs: readonly AnalysisObservation[]): MeasureAnalysis {
  const { protocol, outcome, participants, view } = ctx;
  const arm = new Map(participants.map((p) => [p.id, armOf(protocol, p)!]));
  const arms = protocol.arms.map((a) => a.id).filter((a) => [...arm.values()].includes(a));
  const value = new Map(obs.filter((o) => arm.has(o.participantId)).map((o) => [`${o.participantId}|${o.visitId}`, o.value]));
  const at = (visitId: string) => participants.flatMap((p) => (value.has(`${p.id}|${visitId}`) ? [{ id: p.id, arm: arm.get(p.id)!, value: value.get(`${p.id}|${visitId}`)! }] : []));
  const split = (rows: readonly { arm: string; value: number }[]) => ({
    pooled: summarise(rows.map((r) => r.value)),
    ...(view.kind === 'by-arm' ? { byArm: arms.map((a) => ({ armId: a, ...summarise(rows.filter((r) => r.arm === a).map((r) => r.value)) })) } : {}),
  });
  const visits = outcome.visits.map((visitId) => ({ visitId, week: visitWeek(protocol, visitId), ...split(at(visitId)) }));
  const [first, ...later] = outcome.visits;
  const last = later[later.length - 1];
  if (first === undefined || last === undefined) return { key, visits, change: null };
  const baseline = new Map(at(first).map((r) => [r.id, r.value]));
  const paired = at(last).flatMap((r) => (baseline.has(r.id) ? [{ ...r, baseline: baseline.get(r.id)!, change: r.value - baseline.get(r.id)! }] : []));
  const change = { fromVisit: first, toVisit: last, ...split(paired.map((r) => ({ arm: r.arm, value: r.change }))) };
  if (view.kind === 'pooled') return { key, visits, change };

  const tests: EndpointTest[] = [];
  if (arms.length >= 2) {
    const ref = referenceArm(protocol, arms);
    const other = arms.find((a) => a !== ref)!;
    tests.push(
      attempt('welch', () => ({
        kind: 'welch',
        contrast: `${other} - ${ref}`,
        result: twoSampleTTest(
          paired.filter((r) => r.arm === other).map((r) => r.change),
          paired.filter((r) => r.arm === ref).map((r) => r.change),
          { equalVariance: false },
        ),
      })),
      attempt('ancova', () => ({ kind: 'ancova', contrasts: fitAncova(paired, { referenceArm: ref }).contrasts })),
    );
    if (later.length >= 2) {
      const rows = later.flatMap((v) => at(v).flatMap((r) => (baseline.has(r.id) ? [{ id: r.id, arm: r.arm, visit: v, value: r.value - baseline.get(r.id)!, baseline: baseline.get(r.id)! }] : [])));
      tests.push(
        attempt('mmrm', () => {
          const fit = fitMmrm(rows, { referenceArm: ref, visits: later, ...outcome.mmrm });
          return { kind: 'mmrm', df: fit.df, covariance: { requested: fit.variance.requested, used: fit.variance.structure }, lsMeans: fit.lsMeans, contrasts: fit.contrasts };
        }),
      );
    }
  } else if (outcome.ordinal) {
    const final = new Map(at(last).map((r) => [r.id, r.value]));
    tests.push(...ordinalTests([...baseline].map(([id, b]) => ({ id, baseline: b, value: final.get(id) ?? null }))));
  } else {
    const post = paired.map((r) => r.value);
    const pre = paired.map((r) => r.baseline);
    tests.push(
      attempt('paired-t', () => ({ kind: 'paired-t', result: pairedTTest(post, pre) })),
      attempt('signed-rank', () => ({ kind: 'signed-rank', result: signedRankTest(post, pre) })),
    );
    if (outcome.slope !== undefined) {
      const rows = outcome.visits.flatMap((v) => at(v).map((r) => ({ id: r.id, week: visitWeek(protocol, v), value: r.value })));
      tests.push(...slopeTests(rows, visitWeek(protocol, outcome.slope.knotVisit), visitWeek(protocol, first)));
    }
  }
  return { key, visits, change, tests };
}

/** Instruments whose values are scores stored under the instrument's id; adverse events are tabulated elsewhere. */
const notAScore = new Set(['adverse-events', 'immune-panel']);

/**
 * The measures of an outcome whose instrument is a defined form without a score (NfL in serum and CSF):
 * each top-level number item, as `form.item` observations; undefined for any other instrument.
 */
function unscoredFormItems(protocol: Protocol, instrument: string): string[] | undefined {
  const form = studyForm(protocol, instrument);
  if (!form || form.scoring) return undefined;
  const numeric = (i: { type: string }) => i.type === 'integer' || i.type === 'decimal';
  const items = form.items.flatMap((e) => (e.type === 'group' ? (e.repeating ? [] : e.items.filter(numeric)) : numeric(e) ? [e] : []));
  return items.map((i) => `${form.id}.${i.id}`);
}

/** The analysis of one outcome in one analysis set; null when the outcome has no instrument to compute it from. */
export function analyseOutcome(
  protocol: Protocol,
  outcome: Outcome,
  analysisSet: AnalysisSetId,
  participants: readonly AnalysisParticipant[],
  observations: readonly AnalysisObservation[],
  view: AnalysisView,
): EndpointAnalysis | null {
  const instrument = outcome.instrument;
  if (instrument === undefined || instrument === 'adverse-events' || outcome.visits.length === 0) return null;
  const ctx: Context = { protocol, outcome, participants, view };
  const formItems = unscoredFormItems(protocol, instrument);
  const keys =
    instrument === 'immune-panel' ? [...new Set(observations.filter((o) => o.kind === 'immune-panel').map((o) => o.key))].sort() : notAScore.has(instrument) ? [] : (formItems ?? [instrument]);
  const kind = instrument === 'immune-panel' ? 'immune-panel' : formItems ? 'item' : 'score';
  return {
    outcomeId: outcome.id,
    outcomeKind: outcome.kind,
    measure: outcome.measure,
    instrument,
    analysisSet,
    ...(outcome.estimand ? { estimand: outcome.estimand } : {}),
    measures: keys.map((k) =>
      analyseMeasure(
        ctx,
        k,
        observations.filter((o) => o.kind === kind && o.key === k),
      ),
    ),
  };
}
