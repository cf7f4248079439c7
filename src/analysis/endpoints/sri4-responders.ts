import type { Outcome, Protocol } from '../../protocol/schema.js';
import { sri4 } from '../../instruments/index.js';
import { fisherTest } from '../stats/fisher.js';
import { riskDifference } from '../stats/risk-difference.js';
import { armOf } from './analysis-sets.js';
import { attempt, referenceArm, type EndpointTest } from './endpoint-test.js';
import type { AnalysisObservation, AnalysisParticipant, AnalysisView } from './types.js';

export interface ResponderCount {
  readonly n: number;
  readonly responders: number;
  /** responders / n; null when n = 0. */
  readonly rate: number | null;
  /** Participants counted as non-responders because an SRI-4 input was missing. */
  readonly missing: number;
}

/** SRI-4 responder rates at the outcome's last visit versus its first; `byArm` and `tests` only in the by-arm view. */
export interface ResponderAnalysis {
  readonly definition: 'SRI-4';
  readonly fromVisit: string;
  readonly toVisit: string;
  readonly missingRule: string;
  readonly pooled: ResponderCount;
  readonly byArm?: readonly (ResponderCount & { readonly armId: string })[];
  readonly tests?: readonly EndpointTest[];
}

const MISSING_RULE = 'A participant without SLEDAI-2K or PGA at either visit, or without the new BILAG counts at the last, is a non-responder.';

/**
 * SRI-4 applies to an SLEDAI-2K outcome whose first and last visits also record the `pga` instrument
 * (the PGA and the new BILAG A / B counts); otherwise there is nothing to classify and the result is null.
 */
export function sri4Applies(protocol: Protocol, outcome: Outcome): { readonly first: string; readonly last: string } | null {
  const first = outcome.visits[0];
  const last = outcome.visits[outcome.visits.length - 1];
  if (outcome.instrument !== 'sledai-2k' || first === undefined || last === undefined || first === last) return null;
  const records = (id: string) => protocol.visits.some((v) => v.id === id && v.assessments.includes('pga'));
  return records(first) && records(last) ? { first, last } : null;
}

/** Each participant's SRI-4 status: true responder, false non-responder, 'missing' (analysed as non-responder). */
export function classifySri4(participants: readonly AnalysisParticipant[], observations: readonly AnalysisObservation[], first: string, last: string): Map<string, boolean | 'missing'> {
  const value = new Map(observations.map((o) => [`${o.participantId}|${o.visitId}|${o.kind}|${o.key}`, o.value]));
  const get = (id: string, visit: string, kind: AnalysisObservation['kind'], key: string) => value.get(`${id}|${visit}|${kind}|${key}`);
  return new Map(
    participants.map((p) => {
      const input = {
        baselineSledai: get(p.id, first, 'score', 'sledai-2k'),
        followUpSledai: get(p.id, last, 'score', 'sledai-2k'),
        baselinePga: get(p.id, first, 'score', 'pga'),
        followUpPga: get(p.id, last, 'score', 'pga'),
        newBilagA: get(p.id, last, 'item', 'pga.newBilagA'),
        newBilagB: get(p.id, last, 'item', 'pga.newBilagB'),
      };
      const complete = Object.values(input).every((v) => v !== undefined);
      return [p.id, complete ? sri4(input as { [K in keyof typeof input]: number }).responder : 'missing'] as const;
    }),
  );
}

function count(statuses: readonly (boolean | 'missing')[]): ResponderCount {
  const responders = statuses.filter((s) => s === true).length;
  return { n: statuses.length, responders, rate: statuses.length > 0 ? responders / statuses.length : null, missing: statuses.filter((s) => s === 'missing').length };
}

/**
 * SRI-4 responder rates in one analysis set, pooled or by arm; by arm with two arms, Fisher's exact
 * test on the 2×2 table (rows: `other`, `reference` arm; columns: responder, non-responder) and the
 * risk difference other − reference with its continuity-corrected Wald interval (R's prop.test).
 */
export function analyseSri4(
  protocol: Protocol,
  outcome: Outcome,
  participants: readonly AnalysisParticipant[],
  observations: readonly AnalysisObservation[],
  view: AnalysisView,
): ResponderAnalysis | null {
  const visits = sri4Applies(protocol, outcome);
  if (visits === null) return null;
  const status = classifySri4(participants, observations, visits.first, visits.last);
  const base = { definition: 'SRI-4' as const, fromVisit: visits.first, toVisit: visits.last, missingRule: MISSING_RULE, pooled: count([...status.values()]) };
  if (view.kind === 'pooled') return base;
  const arm = new Map(participants.map((p) => [p.id, armOf(protocol, p)!]));
  const arms = protocol.arms.map((a) => a.id).filter((a) => [...arm.values()].includes(a));
  const inArm = (a: string) => participants.filter((p) => arm.get(p.id) === a).map((p) => status.get(p.id)!);
  const byArm = arms.map((armId) => ({ armId, ...count(inArm(armId)) }));
  if (arms.length < 2) return { ...base, byArm, tests: [] };
  const ref = referenceArm(protocol, arms);
  const other = arms.find((a) => a !== ref)!;
  const [x, r] = [other, ref].map((a) => byArm.find((c) => c.armId === a)!);
  const contrast = `${other} - ${ref}`;
  return {
    ...base,
    byArm,
    tests: [
      attempt('fisher', () => ({ kind: 'fisher', contrast, result: fisherTest([[x!.responders, x!.n - x!.responders], [r!.responders, r!.n - r!.responders]]) })),
      attempt('risk-difference', () => ({ kind: 'risk-difference', contrast, result: riskDifference([x!.responders, r!.responders], [x!.n, r!.n]) })),
    ],
  };
}
