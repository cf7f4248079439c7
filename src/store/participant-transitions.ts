import type { Protocol } from '../protocol/schema.js';
import type { AuditedTx } from './audited-tx.js';
import { checkTransition, type ParticipantStatus } from './participant-lifecycle.js';
import { findParticipant, type Participant } from './participants.js';

export interface TransitionRequest {
  readonly to: ParticipantStatus;
  readonly reason?: string | undefined;
  /** The date the step happened (enrolment date, first dose date), YYYY-MM-DD. */
  readonly date: string;
}

/**
 * Move a participant to the next status and record what goes with it: the enrolment date,
 * the treatment start date (and the single arm of a non-randomized study), the withdrawal reason.
 */
export async function transitionParticipant(w: AuditedTx, p: Participant, protocol: Protocol, req: TransitionRequest): Promise<Participant> {
  const randomized = protocol.design.allocation === 'randomized';
  const singleArm = !randomized && protocol.arms.length === 1 ? protocol.arms[0]?.id : undefined;
  checkTransition(p.status, req.to, { randomized, hasArm: p.armId !== null, reason: req.reason });
  const patch: Record<string, unknown> = { status: req.to };
  if (req.to === 'withdrawn') patch.status_reason = req.reason;
  if (req.to === 'on-treatment') {
    patch.start_date = req.date;
    if (p.armId === null && singleArm) patch.arm_id = singleArm;
  }
  if (req.to === 'enrolled') await w.insert('enrolments', { participant_id: p.id, enrolled_on: req.date });
  await w.update('participants', { id: p.id }, patch, req.reason?.trim() || `status ${p.status} → ${req.to}`);
  return (await findParticipant(w.tx, p.id)) as Participant;
}
