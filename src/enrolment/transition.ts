import type { Protocol } from '../protocol/schema.js';
import type { Participant } from './participant.js';
import { checkTransition, type ParticipantStatus } from './participant-lifecycle.js';

export interface TransitionRequest {
  readonly to: ParticipantStatus;
  readonly reason?: string | undefined;
  /** The date the step happened (enrolment date, first dose date), YYYY-MM-DD. */
  readonly date: string;
}

/** What a transition changes: the participant's fields, and the enrolment it starts (if any). */
export interface TransitionChanges {
  readonly fields: Partial<Pick<Participant, 'status' | 'statusReason' | 'startDate' | 'armId'>>;
  readonly enrolledOn: string | null;
  /** The reason the audit trail records: the user's, or the step in words. */
  readonly reason: string;
}

/**
 * Check the step and say what goes with it: the enrolment date, the treatment start date (and the
 * single arm of a non-randomized study), the withdrawal reason.
 */
export function transitionChanges(p: Participant, protocol: Protocol, req: TransitionRequest): TransitionChanges {
  const randomized = protocol.design.allocation === 'randomized';
  const singleArm = !randomized && protocol.arms.length === 1 ? protocol.arms[0]?.id : undefined;
  checkTransition(p.status, req.to, { randomized, hasArm: p.armId !== null, reason: req.reason });
  const fields: { -readonly [K in keyof TransitionChanges['fields']]: TransitionChanges['fields'][K] } = { status: req.to };
  if (req.to === 'withdrawn') fields.statusReason = req.reason ?? null;
  if (req.to === 'on-treatment') {
    fields.startDate = req.date;
    if (p.armId === null && singleArm) fields.armId = singleArm;
  }
  return { fields, enrolledOn: req.to === 'enrolled' ? req.date : null, reason: req.reason?.trim() || `status ${p.status} → ${req.to}` };
}
