import type { Protocol } from '../../protocol/schema.js';
import { armOf, isRandomized } from '../endpoints/analysis-sets.js';
import type { AnalysisParticipant, AnalysisView } from '../endpoints/types.js';

export interface ConsortFlow {
  readonly screened: number;
  readonly ineligible: number;
  readonly consented: number;
  readonly enrolled: number;
  readonly randomized: number;
  /** Randomized participants per arm; by-arm view only. */
  readonly randomizedByArm?: readonly { readonly armId: string; readonly n: number }[];
  readonly onTreatment: number;
  readonly completed: number;
  readonly withdrawn: number;
  readonly withdrawalReasons: readonly { readonly reason: string; readonly n: number }[];
}

const pastConsent = new Set<AnalysisParticipant['status']>(['consented', 'enrolled', 'randomized', 'on-treatment', 'completed']);

/**
 * The CONSORT 2010 participant flow. Statuses are current ones, so a participant counts in every box
 * they passed: consented = consented now or enrolled since (a withdrawal before enrolment is not
 * counted as consented); "on treatment" = started treatment (has a start date); withdrawn = enrolled
 * then withdrawn, with the recorded reasons.
 */
export function consortFlow(protocol: Protocol, participants: readonly AnalysisParticipant[], view: AnalysisView): ConsortFlow {
  const enrolled = participants.filter((p) => p.enrolledOn !== null);
  const randomized = isRandomized(protocol) ? enrolled.filter((p) => p.armId !== null) : [];
  const withdrawn = enrolled.filter((p) => p.status === 'withdrawn');
  const reasons = new Map<string, number>();
  for (const p of withdrawn) reasons.set(p.statusReason ?? 'not recorded', (reasons.get(p.statusReason ?? 'not recorded') ?? 0) + 1);
  return {
    screened: participants.length,
    ineligible: participants.filter((p) => p.status === 'ineligible').length,
    consented: participants.filter((p) => pastConsent.has(p.status) || p.enrolledOn !== null).length,
    enrolled: enrolled.length,
    randomized: randomized.length,
    ...(view.kind === 'by-arm' && isRandomized(protocol) ? { randomizedByArm: protocol.arms.map((a) => ({ armId: a.id, n: randomized.filter((p) => armOf(protocol, p) === a.id).length })) } : {}),
    onTreatment: enrolled.filter((p) => p.startDate !== null).length,
    completed: enrolled.filter((p) => p.status === 'completed').length,
    withdrawn: withdrawn.length,
    withdrawalReasons: [...reasons].map(([reason, n]) => ({ reason, n })).sort((a, b) => b.n - a.n || a.reason.localeCompare(b.reason)),
  };
}
