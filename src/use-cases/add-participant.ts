import { isoDay } from '../dates/iso-date.js';
import type { Participant } from '../enrolment/participant.js';
import { checkBirthDate } from '../enrolment/participant-dates.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { insertParticipant, type NewParticipant } from '../store/participants.js';
import { assertStudyLive } from '../store/studies.js';
import type { Actor } from './actor.js';

/** Add a participant in screening at one of the study's sites; codes are unique within the study. */
export function addParticipant(db: Db, who: Actor, p: NewParticipant): Promise<Participant> {
  checkBirthDate(p.birthDate, isoDay(who.at));
  return audited(db, { ...who, studyId: p.studyId }, (w) => addParticipantIn(w, p));
}

/** Add a participant (see addParticipant) inside a transaction that does more (an ODM import). */
export async function addParticipantIn(w: AuditedTx, p: NewParticipant): Promise<Participant> {
  checkBirthDate(p.birthDate, isoDay(w.ctx.at));
  await assertStudyLive(w.tx, p.studyId);
  return insertParticipant(w, p);
}
