import type { ParticipantStatus } from './api.js';

/** The main path a participant walks; `ineligible` and `withdrawn` leave it. */
export const pathStages = ['screening', 'eligible', 'consented', 'enrolled', 'randomized', 'on-treatment', 'completed'] as const satisfies readonly ParticipantStatus[];

export interface FunnelStep {
  readonly stage: (typeof pathStages)[number];
  /** Participants whose current status is this stage or a later one on the path. */
  readonly reached: number;
}

/**
 * The screening funnel from the current-status counts: everyone screened reached `screening`;
 * a participant now `enrolled` also passed `eligible` and `consented`. Withdrawn participants are
 * counted as screened only, since their current status does not say how far they got.
 */
export function screeningFunnel(byStatus: Readonly<Record<string, number>>): readonly FunnelStep[] {
  const count = (s: string) => byStatus[s] ?? 0;
  return pathStages.map((stage, i) => {
    const later = pathStages.slice(i).reduce((sum, s) => sum + count(s), 0);
    const offPath = i === 0 ? count('ineligible') + count('withdrawn') : 0;
    return { stage, reached: later + offPath };
  });
}
