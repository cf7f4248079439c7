import type { Signature } from '../signatures/signature.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { signatures } from './schema/index.js';

export type NewSignature = Omit<Signature, 'id' | 'signerUsername' | 'signedAt'> & { readonly studyId: string; readonly signedAt: Date };

/** Record a signature, audited like every write. */
export async function insertSignature(w: AuditedTx, s: NewSignature): Promise<string> {
  const row = await w.insert(signatures, {
    study_id: s.studyId,
    participant_id: s.participantId,
    visit_id: s.visitId,
    signer_id: s.signerId,
    signer_name: s.signerName,
    meaning: s.meaning,
    signed_at: s.signedAt,
    content_hash: s.contentHash,
  });
  return row.id;
}

interface SignatureRow {
  id: string;
  participant_id: string;
  visit_id: string | null;
  signer_id: string;
  username: string;
  signer_name: string;
  meaning: string;
  signed_at: Date | string;
  content_hash: string;
}

const toSignature = (r: SignatureRow): Signature => ({
  id: r.id,
  participantId: r.participant_id,
  visitId: r.visit_id,
  signerId: r.signer_id,
  signerUsername: r.username,
  signerName: r.signer_name,
  meaning: r.meaning,
  signedAt: new Date(r.signed_at).toISOString(),
  contentHash: r.content_hash,
});

const select = `SELECT s.*, u.username, p.code FROM signatures s JOIN users u ON u.id = s.signer_id JOIN participants p ON p.id = s.participant_id`;

/** The participant's signatures in the order they were made. */
export async function listSignatures(q: Queryable, participantId: string): Promise<Signature[]> {
  return (await q.query<SignatureRow>(`${select} WHERE s.participant_id = $1 ORDER BY s.ordinal`, [participantId])).map(toSignature);
}

/** Every signature of a study by participant code, oldest first (the ODM export). */
export async function studySignatures(q: Queryable, studyId: string): Promise<Map<string, Signature[]>> {
  const rows = await q.query<SignatureRow & { code: string }>(`${select} WHERE s.study_id = $1 ORDER BY s.ordinal`, [studyId]);
  const out = new Map<string, Signature[]>();
  for (const r of rows) (out.get(r.code) ?? out.set(r.code, []).get(r.code)!).push(toSignature(r));
  return out;
}
