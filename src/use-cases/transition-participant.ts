import type { Participant } from '../enrolment/participant.js';
import { transitionChanges, type TransitionRequest } from '../enrolment/transition.js';
import type { Protocol } from '../protocol/schema.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { insertEnrolment, updateParticipant } from '../store/participants.js';
import type { Actor } from './actor.js';

/** Move a participant to the next status inside a transaction, with what goes with the step. */
export async function transitionParticipantIn(w: AuditedTx, p: Participant, protocol: Protocol, req: TransitionRequest): Promise<Participant> {
  const changes = transitionChanges(p, protocol, req);
  if (changes.enrolledOn !== null) await insertEnrolment(w, p.id, changes.enrolledOn);
  return updateParticipant(w, p.id, changes.fields, changes.reason);
}

/** Move a participant to the next status (see transitionParticipantIn), audited. */
export function transitionParticipant(db: Db, who: Actor, p: Participant, protocol: Protocol, req: TransitionRequest): Promise<Participant> {
  return audited(db, { ...who, studyId: p.studyId }, (w) => transitionParticipantIn(w, p, protocol, req));
}
