import { AppError } from '../errors/app-error.js';
import type { Participant } from '../enrolment/participant.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { insertDispensing, isDispensed } from '../store/randomization.js';
import type { Actor } from './actor.js';
import { randomizationStoreErrors } from '../store/randomization-errors.js';

/** Record that the pharmacist dispensed the participant's allocated kit, once. */
export function dispenseKit(db: Db, who: Actor, p: Participant, kitNumber: string): Promise<{ participantId: string; kitNumber: string; dispensedAt: string }> {
  return audited(db, { ...who, studyId: p.studyId }, async (w) => {
    if (p.kitNumber === null) throw new AppError(randomizationStoreErrors.NOT_YET_RANDOMIZED, `Participant ${p.code} has no kit: they are not randomized yet.`);
    if (kitNumber !== p.kitNumber) throw new AppError(randomizationStoreErrors.WRONG_KIT, `Kit ${kitNumber} is not the kit allocated to participant ${p.code}.`, 'kitNumber');
    if (await isDispensed(w.tx, p.id, kitNumber)) throw new AppError(randomizationStoreErrors.ALREADY_DISPENSED, `Kit ${kitNumber} of participant ${p.code} was already dispensed.`, 'kitNumber');
    await insertDispensing(w, p.id, kitNumber);
    return { participantId: p.id, kitNumber, dispensedAt: who.at.toISOString() };
  });
}
