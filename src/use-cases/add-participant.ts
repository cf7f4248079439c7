import { isoDay } from '../dates/iso-date.js';
import type { Participant } from '../enrolment/participant.js';
import { checkBirthDate } from '../enrolment/participant-dates.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { insertParticipant, type NewParticipant } from '../store/participants.js';
import { assertStudyLive } from '../store/studies.js';
import type { Actor } from './actor.js';

/** Add a participant in screening at one of the study's sites; codes are unique within the study. */
export function addParticipant(db: Db, who: Actor, p: NewParticipant): Promise<Participant> {
  checkBirthDate(p.birthDate, isoDay(who.at));
  return audited(db, { ...who, studyId: p.studyId }, async (w) => {
    await assertStudyLive(w.tx, p.studyId);
    return insertParticipant(w, p);
  });
}
