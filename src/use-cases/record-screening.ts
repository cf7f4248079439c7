import { isoDay } from '../dates/iso-date.js';
import { AppError } from '../errors/app-error.js';
import { checkStatedAge } from '../enrolment/participant-dates.js';
import type { EligibilityResult } from '../eligibility/evaluate.js';
import type { Participant } from '../enrolment/participant.js';
import type { ParticipantStatus } from '../enrolment/participant-lifecycle.js';
import type { Protocol } from '../protocol/schema.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { insertScreeningRecord, type NewScreeningRecord, type ScreeningRecord } from '../store/screening-records.js';
import type { Actor } from './actor.js';
import { transitionParticipantIn } from './transition-participant.js';
import { storeErrors } from '../store/errors.js';

/**
 * Record a screening decision and move the participant to eligible or ineligible with it; an
 * incomplete screening leaves them in screening until the missing facts are known. A stated age
 * that contradicts the registered birth date is refused (checkStatedAge).
 */
export function recordScreening(
  db: Db,
  who: Actor,
  p: Participant,
  protocol: Protocol,
  s: Omit<NewScreeningRecord, 'participantId' | 'screenedBy' | 'recordedAt'> & { result: EligibilityResult },
): Promise<{ record: ScreeningRecord; status: ParticipantStatus }> {
  if (p.status !== 'screening') {
    throw new AppError(storeErrors.TRANSITION_NOT_ALLOWED, `Participant ${p.code} is ${p.status}, not in screening, so cannot be screened again.`, 'id');
  }
  checkStatedAge(p, s.facts['age'], s.screenedOn);
  return audited(db, { ...who, studyId: p.studyId }, async (w) => {
    const record = await insertScreeningRecord(w, { ...s, participantId: p.id, screenedBy: who.actor, recordedAt: who.at });
    if (s.result.status === 'incomplete') return { record, status: p.status };
    const moved = await transitionParticipantIn(w, p, protocol, { to: s.result.status, reason: record.explanation.summary, date: s.screenedOn, today: isoDay(who.at), eligibilityBy: 'screening' });
    return { record, status: moved.status };
  });
}
