import { authenticate } from '../auth/accounts.js';
import { AppError } from '../errors/app-error.js';
import type { Participant } from '../enrolment/participant.js';
import { contentHash, hasContent, showSignature, SIGNATURE_MEANING, signedContent, signedRecordOf, type ShownSignature } from '../signatures/signature.js';
import { audited } from '../store/audited-tx.js';
import type { Db, Queryable } from '../store/db.js';
import { participantData } from '../store/export-pages.js';
import { insertSignature, listSignatures } from '../store/signatures.js';
import type { Actor } from './actor.js';
import { authErrors } from '../auth/errors.js';
import { signatureErrors } from '../signatures/errors.js';
import { storeErrors } from '../store/errors.js';

export interface Signer extends Actor {
  readonly username: string;
  readonly displayName: string;
}

/** The participant's data now; a participant always has it (the row exists). */
async function dataOf(q: Queryable, p: Participant) {
  const d = await participantData(q, p.studyId, p.id);
  if (!d) throw new AppError(storeErrors.NOT_FOUND, `No participant "${p.id}" exists.`, 'id');
  return d;
}

/**
 * Sign a visit (visitId) or the casebook (null) as "reviewed and approved": the signer re-enters the
 * password (21 CFR 11.200: each signing by a non-continuous session uses both components), and the
 * signature keeps the hash of what was signed, in one audited transaction with the record read.
 */
export async function signRecord(db: Db, who: Signer, participant: Participant, visitId: string | null, password: string): Promise<ShownSignature> {
  const again = await authenticate(db, who.username, password);
  if (again.userId !== who.actor) throw new AppError(authErrors.BAD_CREDENTIALS, 'The username or password is wrong.', 'password');
  return audited(db, { actor: who.actor, at: who.at, studyId: participant.studyId }, async (w) => {
    const record = signedRecordOf(visitId);
    const d = await dataOf(w.tx, participant);
    if (!hasContent(d, record)) throw new AppError(signatureErrors.NOTHING_TO_SIGN, `Visit ${visitId} of participant ${participant.code} has no saved data to sign.`, 'visitId');
    const hash = contentHash(signedContent(d, record));
    const standing = (await listSignatures(w.tx, participant.id)).find((s) => s.visitId === visitId && s.contentHash === hash && s.signerId === who.actor);
    if (standing)
      throw new AppError(signatureErrors.ALREADY_SIGNED, `You signed this ${visitId === null ? 'casebook' : `visit ${visitId}`} on ${standing.signedAt} and it has not changed since.`, 'visitId');
    const signature = {
      studyId: participant.studyId,
      participantId: participant.id,
      visitId,
      signerId: who.actor,
      signerName: who.displayName,
      meaning: SIGNATURE_MEANING,
      signedAt: who.at,
      contentHash: hash,
    };
    const id = await insertSignature(w, signature);
    return showSignature({ ...signature, id, signerUsername: who.username, signedAt: who.at.toISOString() }, d);
  });
}

/** The participant's signatures as shown with the record, each valid or invalidated by a later change. */
export async function participantSignatures(q: Queryable, participant: Participant): Promise<ShownSignature[]> {
  const signatures = await listSignatures(q, participant.id);
  if (signatures.length === 0) return [];
  const d = await dataOf(q, participant);
  return signatures.map((s) => showSignature(s, d));
}
