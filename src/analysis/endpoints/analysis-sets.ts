import type { Protocol } from '../../protocol/schema.js';
import type { AnalysisData, AnalysisParticipant } from './types.js';

export type AnalysisSetId = 'itt' | 'per-protocol' | 'safety';

/** Per-protocol dose compliance: at least 80 % of the doses scheduled up to the cut-off given (a common convention; ICH E9 leaves the threshold to the protocol). */
export const PER_PROTOCOL_MIN_COMPLIANCE = 0.8;

export const isRandomized = (protocol: Protocol): boolean => protocol.design.allocation === 'randomized';

/** The arm a participant is analysed in: the allocated arm, or the only arm of a single-arm study. */
export function armOf(protocol: Protocol, p: AnalysisParticipant): string | null {
  if (p.armId !== null) return p.armId;
  return !isRandomized(protocol) && protocol.arms.length === 1 ? protocol.arms[0]!.id : null;
}

/** The first primary outcome computed from an instrument, and the visit it is judged at: its first responder visit, else its last visit. */
export function primaryEndpoint(protocol: Protocol): { readonly instrument: string; readonly visitId: string } | null {
  const o = protocol.outcomes.find((x) => x.kind === 'primary' && x.instrument !== undefined && x.instrument !== 'adverse-events' && x.visits.length > 0);
  return o ? { instrument: o.instrument!, visitId: o.responder?.visits[0] ?? o.visits[o.visits.length - 1]! } : null;
}

/**
 * The analysis sets (ICH E9 §5.2):
 * - intention-to-treat: every randomized participant (every enrolled one in a single-arm study), in the allocated arm;
 * - safety: every participant who received at least one dose;
 * - per-protocol: the ITT participants without a major deviation, defined here as ≥ 80 % of the
 *   doses scheduled up to the cut-off given AND a value of the primary endpoint at its visit.
 */
export function analysisSets(data: AnalysisData): Readonly<Record<AnalysisSetId, readonly AnalysisParticipant[]>> {
  const { protocol, participants } = data;
  const itt = participants.filter((p) => p.enrolledOn !== null && armOf(protocol, p) !== null);
  const primary = primaryEndpoint(protocol);
  const hasPrimary = new Set(data.observations.filter((o) => primary !== null && o.kind === 'score' && o.key === primary.instrument && o.visitId === primary.visitId).map((o) => o.participantId));
  const compliant = (p: AnalysisParticipant) => p.dosesScheduled > 0 && p.dosesGiven / p.dosesScheduled >= PER_PROTOCOL_MIN_COMPLIANCE;
  return {
    itt,
    'per-protocol': itt.filter((p) => compliant(p) && hasPrimary.has(p.id)),
    safety: participants.filter((p) => p.dosesGiven >= 1 && armOf(protocol, p) !== null),
  };
}
