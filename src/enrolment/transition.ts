import { AppError } from '../errors/app-error.js';
import type { Protocol } from '../protocol/schema.js';
import type { Participant } from './participant.js';
import { checkStepDate } from './participant-dates.js';
import { checkTransition, type ParticipantStatus } from './participant-lifecycle.js';
import { auditErrors } from '../audit/errors.js';
import { enrolmentErrors } from './errors.js';

export interface TransitionRequest {
  readonly to: ParticipantStatus;
  readonly reason?: string | undefined;
  /** The date the step happened (enrolment date, first dose date), YYYY-MM-DD. */
  readonly date: string;
  /** Today, YYYY-MM-DD: no step happens later. */
  readonly today: string;
  /**
   * What decides eligible / ineligible: a recorded screening, or an investigator's override (which
   * needs a reason). Absent: the step is refused.
   */
  readonly eligibilityBy?: 'screening' | 'override' | undefined;
}

/** What a transition changes: the participant's fields, and the enrolment it starts (if any). */
export interface TransitionChanges {
  readonly fields: Partial<Pick<Participant, 'status' | 'statusReason' | 'statusOn' | 'startDate' | 'armId'>>;
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
  if (req.to === 'eligible' || req.to === 'ineligible') checkEligibilitySource(p, req);
  checkStepDate(p, req.date, req.today);
  const fields: { -readonly [K in keyof TransitionChanges['fields']]: TransitionChanges['fields'][K] } = { status: req.to, statusOn: req.date };
  if (req.to === 'withdrawn') fields.statusReason = req.reason ?? null;
  if (req.to === 'on-treatment') {
    fields.startDate = req.date;
    if (p.armId === null && singleArm) fields.armId = singleArm;
  }
  return { fields, enrolledOn: req.to === 'enrolled' ? req.date : null, reason: req.reason?.trim() || `status ${p.status} → ${req.to}` };
}

/** Eligibility is decided by a screening, or overridden by an investigator who says why. */
function checkEligibilitySource(p: Participant, req: TransitionRequest): void {
  if (req.eligibilityBy === 'screening') return;
  if (req.eligibilityBy === undefined) {
    throw new AppError(
      enrolmentErrors.ELIGIBILITY_NEEDS_SCREENING,
      `Participant ${p.code} becomes ${req.to} by recording a screening (POST /api/participants/${p.id}/screening), or by an investigator's override with a reason.`,
      'to',
    );
  }
  if (!req.reason?.trim()) throw new AppError(auditErrors.REASON_REQUIRED, `An investigator's override to ${req.to} needs a reason in field "reason".`, 'reason');
}
