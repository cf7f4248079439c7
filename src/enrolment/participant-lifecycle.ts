import { AppError } from '../errors/app-error.js';
import { auditErrors } from '../audit/errors.js';
import { storeErrors } from '../store/errors.js';

/**
 * A participant's path through the trial. Pure: the caller passes what the rule needs.
 * screening → eligible | ineligible → consented → enrolled → randomized → on-treatment → completed,
 * and withdrawn (with a reason) from any active state.
 */
export const participantStatuses = ['screening', 'eligible', 'ineligible', 'consented', 'enrolled', 'randomized', 'on-treatment', 'completed', 'withdrawn'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

const forward: Readonly<Record<ParticipantStatus, readonly ParticipantStatus[]>> = {
  screening: ['eligible', 'ineligible'],
  eligible: ['consented'],
  ineligible: [],
  consented: ['enrolled'],
  enrolled: ['randomized', 'on-treatment'],
  randomized: ['on-treatment'],
  'on-treatment': ['completed'],
  completed: [],
  withdrawn: [],
};

/** States from which a participant can still withdraw (every state that is not final). */
export const activeStatuses: readonly ParticipantStatus[] = participantStatuses.filter((s) => forward[s].length > 0);

export interface TransitionContext {
  /** Whether the study allocates by randomization (then enrolled → on-treatment needs randomized first). */
  readonly randomized: boolean;
  /** Whether the participant has an arm (set by randomization, or the single arm of an open study). */
  readonly hasArm: boolean;
  readonly reason?: string | undefined;
}

/** Check a transition; throws a 409 AppError naming both states when it is not allowed. */
export function checkTransition(from: ParticipantStatus, to: ParticipantStatus, ctx: TransitionContext): void {
  const refuse = (why: string) => {
    throw new AppError(storeErrors.TRANSITION_NOT_ALLOWED, `A participant cannot go from ${from} to ${to}: ${why}.`, 'to');
  };
  if (to === 'withdrawn') {
    if (!activeStatuses.includes(from)) refuse(`${from} is a final status`);
    if (!ctx.reason?.trim()) throw new AppError(auditErrors.REASON_REQUIRED, 'Withdrawing a participant needs a reason in field "reason".', 'reason');
    return;
  }
  if (!forward[from].includes(to)) {
    const next = [...forward[from], ...(activeStatuses.includes(from) ? ['withdrawn'] : [])];
    refuse(next.length ? `the next status can only be ${next.join(' or ')}` : `${from} is a final status`);
  }
  if (to === 'randomized' && !ctx.randomized) refuse('the study does not randomize');
  if (to === 'randomized' && !ctx.hasArm) refuse('randomization assigns the arm; use the randomization endpoint');
  if (from === 'enrolled' && to === 'on-treatment' && ctx.randomized) refuse('a randomized study must randomize the participant first');
}
