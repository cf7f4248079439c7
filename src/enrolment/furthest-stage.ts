import type { Participant } from './participant.js';
import type { ParticipantStatus } from './participant-lifecycle.js';

/** The main path a participant walks; `ineligible` and `withdrawn` leave it. */
export const pathStages = ['screening', 'eligible', 'consented', 'enrolled', 'randomized', 'on-treatment', 'completed'] as const satisfies readonly ParticipantStatus[];
export type PathStage = (typeof pathStages)[number];

/**
 * The furthest stage of the path a participant reached. A participant who left it is placed by
 * what their record still shows: an ineligible one was screened; a withdrawn one reached
 * on-treatment if they had a day 1, randomized if they hold a kit, enrolled if they have an
 * enrolment date (so a funnel's "enrolled" counts exactly those with an enrolment date).
 */
export function furthestStage(p: Pick<Participant, 'status' | 'enrolledOn' | 'startDate' | 'kitNumber'>): PathStage {
  if ((pathStages as readonly string[]).includes(p.status)) return p.status as PathStage;
  if (p.status === 'ineligible') return 'screening';
  if (p.startDate !== null) return 'on-treatment';
  if (p.kitNumber !== null) return 'randomized';
  return p.enrolledOn !== null ? 'enrolled' : 'screening';
}

/** How many participants reached each stage or a later one. */
export function funnelCounts(ps: readonly Pick<Participant, 'status' | 'enrolledOn' | 'startDate' | 'kitNumber'>[]): Record<PathStage, number> {
  const at = ps.map((p) => pathStages.indexOf(furthestStage(p)));
  return Object.fromEntries(pathStages.map((s, i) => [s, at.filter((j) => j >= i).length])) as Record<PathStage, number>;
}
