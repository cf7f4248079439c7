import type { Outcome, Protocol } from '../../protocol/schema.js';
import { chiSquareTest } from '../stats/chi-square.js';
import { fisherTest } from '../stats/fisher.js';
import { riskDifference } from '../stats/risk-difference.js';
import { armOf } from './analysis-sets.js';
import { attempt, referenceArm, type EndpointTest } from './endpoint-test.js';
import { classifyResponders, responderDefinitionTable, type ResponderStatus } from './responder-definitions.js';
import { tippingPoint, type TippingPoint } from './tipping-point.js';
import type { AnalysisObservation, AnalysisParticipant, AnalysisView } from './types.js';

export interface ResponderCount {
  readonly n: number;
  readonly responders: number;
  /** responders / n; null when n = 0. */
  readonly rate: number | null;
  /** Participants counted as non-responders because an input was missing. */
  readonly missing: number;
}

/** Responder rates at one visit versus the outcome's first; `byArm`, `tests` and `tippingPoint` only in the by-arm view. */
export interface ResponderAnalysis {
  readonly definition: string;
  readonly fromVisit: string;
  readonly toVisit: string;
  readonly missingRule: string;
  readonly pooled: ResponderCount;
  readonly byArm?: readonly (ResponderCount & { readonly armId: string })[];
  readonly tests?: readonly EndpointTest[];
  /** Sensitivity of Fisher's test to the missing = non-responder rule (two arms with missing participants). */
  readonly tippingPoint?: TippingPoint;
}

function count(statuses: readonly ResponderStatus[]): ResponderCount {
  const responders = statuses.filter((s) => s === true).length;
  return { n: statuses.length, responders, rate: statuses.length > 0 ? responders / statuses.length : null, missing: statuses.filter((s) => s === 'missing').length };
}

/**
 * The outcome's responder end point at each of its responder visits, in one analysis set. By arm with
 * two arms, on the 2×2 table (rows: other, reference arm; columns: responder, non-responder):
 * Fisher's exact test, Pearson's chi-square without continuity correction (as the seed trials
 * report it), and the risk difference other − reference with its continuity-corrected Wald interval
 * (R's prop.test).
 */
export function analyseResponders(
  protocol: Protocol,
  outcome: Outcome,
  participants: readonly AnalysisParticipant[],
  observations: readonly AnalysisObservation[],
  view: AnalysisView,
): ResponderAnalysis[] {
  const first = outcome.visits[0];
  if (outcome.responder === undefined || first === undefined) return [];
  const definition = responderDefinitionTable[outcome.responder.definition];
  return outcome.responder.visits.map((visit) => {
    const status = classifyResponders(definition, participants, observations, first, visit);
    const base = { definition: definition.name, fromVisit: first, toVisit: visit, missingRule: definition.missingRule, pooled: count([...status.values()]) };
    if (view.kind === 'pooled') return base;
    const arm = new Map(participants.map((p) => [p.id, armOf(protocol, p)!]));
    const arms = protocol.arms.map((a) => a.id).filter((a) => [...arm.values()].includes(a));
    const byArm = arms.map((armId) => ({ armId, ...count(participants.filter((p) => arm.get(p.id) === armId).map((p) => status.get(p.id)!)) }));
    if (arms.length < 2) return { ...base, byArm, tests: [] };
    const ref = referenceArm(protocol, arms);
    const other = arms.find((a) => a !== ref)!;
    const x = byArm.find((c) => c.armId === other)!;
    const r = byArm.find((c) => c.armId === ref)!;
    const contrast = `${other} - ${ref}`;
    const table = [
      [x.responders, x.n - x.responders],
      [r.responders, r.n - r.responders],
    ];
    return {
      ...base,
      byArm,
      tests: [
        attempt('fisher', () => ({ kind: 'fisher', contrast, result: fisherTest(table) })),
        attempt('chi-square', () => ({ kind: 'chi-square', contrast, result: chiSquareTest(table, { correct: false }) })),
        attempt('risk-difference', () => ({ kind: 'risk-difference', contrast, result: riskDifference([x.responders, r.responders], [x.n, r.n]) })),
      ],
      ...(x.missing + r.missing > 0 ? { tippingPoint: tippingPoint(x, r) } : {}),
    };
  });
}
