import { AppError } from '../errors/app-error.js';
import type { Participant } from '../enrolment/participant.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { insertUnblinding } from '../store/randomization.js';
import type { Actor } from './actor.js';
import { randomizationStoreErrors } from '../store/randomization-errors.js';

/** Break the code for one participant for one user (emergency unblinding), and tell the study's unblinded contacts. */
export function unblindParticipant(db: Db, who: Actor, p: Participant, username: string, reason: string): Promise<void> {
  return audited(db, { ...who, studyId: p.studyId }, async (w) => {
    if (p.armId === null) throw new AppError(randomizationStoreErrors.NOT_YET_RANDOMIZED, `Participant ${p.code} has no allocation to reveal: they are not randomized yet.`);
    await insertUnblinding(w, p, username, reason);
  });
}
