import { isoDay } from '../dates/iso-date.js';
import { AppError } from '../errors/app-error.js';
import type { Participant } from '../enrolment/participant.js';
import type { Protocol } from '../protocol/schema.js';
import { designFromProtocol, kitFor, nextAssignment, type Covariates } from '../randomization/index.js';
import { kitPoolSize } from '../randomization/kits.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { findParticipant, lockParticipant, updateParticipant } from '../store/participants.js';
import { assertStudyLive } from '../store/studies.js';
import { insertRandomization, lastAllocatedSequence, lockedRandomizationState, saveRandomizationState, studySeed } from '../store/randomization.js';
import type { Actor } from './actor.js';
import { storeErrors } from '../store/errors.js';
import { randomizationStoreErrors } from '../store/randomization-errors.js';

/**
 * Randomize an enrolled participant: the next slot of the study's sequence, its kit, the participant's
 * status (dated the day of randomization), arm and kit, all in one audited transaction. Concurrent randomizations queue on the study's
 * allocation state; a participant is never randomized twice.
 */
export function randomizeParticipant(db: Db, who: Actor, studyId: string, participantId: string, protocol: Protocol, covariates: Covariates): Promise<Participant> {
  return audited(db, { ...who, studyId }, async (w) => {
    await lockParticipant(w.tx, participantId);
    const p = await findParticipant(w.tx, participantId);
    if (!p) throw new AppError(storeErrors.NOT_FOUND, `No participant "${participantId}" exists.`, 'id');
    if (p.armId !== null || p.kitNumber !== null) throw new AppError(randomizationStoreErrors.ALREADY_RANDOMIZED, `Participant ${p.code} is already randomized.`);
    await assertStudyLive(w.tx, p.studyId);
    if (p.status !== 'enrolled') throw new AppError(randomizationStoreErrors.NOT_ENROLLED, `Participant ${p.code} is ${p.status}, and only an enrolled participant can be randomized.`);
    const design = designFromProtocol(protocol);
    const seed = await studySeed(w.tx, p.studyId);
    const next = nextAssignment(design, seed, await lockedRandomizationState(w.tx, p.studyId), { ...covariates, site: p.siteId });
    const a = next.assignment;
    // Allocations imported from another database were drawn from its list, not from this one's state.
    const last = await lastAllocatedSequence(w.tx, p.studyId);
    if (last >= a.sequence)
      throw new AppError(
        randomizationStoreErrors.SEQUENCE_ELSEWHERE,
        `Study ${p.studyId}'s allocations up to slot ${last} were imported from another database, whose allocation list stayed there: randomize ${p.code} in the source database (here, slot ${a.sequence} would be drawn a second time).`,
      );
    const kitNumber = kitFor(design.arms, seed, kitPoolSize(protocol, design.arms), a.armId, a.armOrdinal);
    await insertRandomization(w, { participantId: p.id, studyId: p.studyId, assignment: a, kitNumber });
    await saveRandomizationState(w.tx, p.studyId, next.state);
    return updateParticipant(w, p.id, { status: 'randomized', statusOn: isoDay(w.ctx.at), armId: a.armId, kitNumber }, `status ${p.status} → randomized`);
  });
}
