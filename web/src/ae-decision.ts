import type { AdverseEventDecision, Relatedness } from './api.js';

/** The confirm form as filled in: empty selects are choices not made. */
export interface ConfirmDraft {
  readonly serious: boolean;
  readonly seriousCriteria: readonly string[];
  readonly relatedness: Relatedness | '';
  readonly actionTaken: string;
  readonly outcome: string;
  readonly reason: string;
}

/**
 * What confirming sends. Criteria ticked and then "serious" unticked are left out (a non-serious event
 * has none); a choice not made is not sent, so the server names what a confirmed event still needs.
 */
export function confirmBody(d: ConfirmDraft): AdverseEventDecision {
  return {
    status: 'confirmed',
    reason: d.reason.trim(),
    serious: d.serious,
    seriousCriteria: d.serious ? [...d.seriousCriteria] : [],
    ...(d.relatedness ? { relatedness: d.relatedness } : {}),
    ...(d.actionTaken ? { actionTaken: d.actionTaken } : {}),
    ...(d.outcome ? { outcome: d.outcome } : {}),
  };
}
