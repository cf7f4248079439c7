import { consentVersionInForce } from '../enrolment/consent.js';
import type { Participant } from '../enrolment/participant.js';
import { transitionChanges, type TransitionRequest } from '../enrolment/transition.js';
import type { Protocol } from '../protocol/schema.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import { insertConsent, requiredReconsentVersion } from '../store/consents.js';
import type { Db } from '../store/db.js';
import { insertEnrolment, updateParticipant } from '../store/participants.js';
import type { Actor } from './actor.js';

/**
 * Move a participant to the next status inside a transaction, with what goes with the step: the
 * enrolment, or the consent record under the consent document version in force.
 */
export async function transitionParticipantIn(w: AuditedTx, p: Participant, protocol: Protocol, req: TransitionRequest): Promise<Participant> {
  const changes = transitionChanges(p, protocol, req);
  if (changes.enrolledOn !== null) await insertEnrolment(w, p.id, changes.enrolledOn);
  if (req.to === 'consented') {
    const formVersion = consentVersionInForce(await requiredReconsentVersion(w.tx, p.studyId), protocol.version);
    await insertConsent(w, p.id, { formVersion, signedOn: req.date });
  }
  return updateParticipant(w, p.id, changes.fields, changes.reason);
}

/** Move a participant to the next status (see transitionParticipantIn), audited. */
export function transitionParticipant(db: Db, who: Actor, p: Participant, protocol: Protocol, req: TransitionRequest): Promise<Participant> {
  return audited(db, { ...who, studyId: p.studyId }, (w) => transitionParticipantIn(w, p, protocol, req));
}
