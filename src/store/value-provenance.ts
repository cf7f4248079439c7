import type { AuditedTx } from './audited-tx.js';
import type { ImportedSignatureRecord } from '../interop/odm/odm-signatures.js';
import type { Queryable } from './db.js';
import { importedSignatures, importedUsers, valueProvenance, type NewRow } from './schema/index.js';

/** The observations of one visit of a participant, by `kind/key`. */
export async function visitObservationIds(w: AuditedTx, participantId: string, visitId: string): Promise<Map<string, string>> {
  const rows = await w.tx.query<{ id: string; kind: string; key: string }>(
    'SELECT o.id, o.kind, o.key FROM observations o JOIN visits v ON v.id = o.visit_row_id WHERE v.participant_id = $1 AND v.visit_id = $2',
    [participantId, visitId],
  );
  return new Map(rows.map((r) => [`${r.kind}/${r.key}`, r.id]));
}

export async function insertProvenance(w: AuditedTx, rows: readonly NewRow<typeof valueProvenance>[]): Promise<void> {
  for (const r of rows) await w.insert(valueProvenance, r);
}

/** Keep the users an imported file names; one already kept for the study (same OID) is left as it is. */
export async function keepImportedUsers(w: AuditedTx, studyId: string, users: readonly { readonly oid: string; readonly login: string; readonly name: string }[]): Promise<void> {
  const kept = new Set((await w.tx.query<{ oid: string }>('SELECT oid FROM imported_users WHERE study_id = $1', [studyId])).map((r) => r.oid));
  for (const u of users) if (!kept.has(u.oid)) await w.insert(importedUsers, { study_id: studyId, oid: u.oid, login: u.login, display_name: u.name });
}

export async function insertImportedSignature(w: AuditedTx, studyId: string, participantId: string, fileOid: string, s: ImportedSignatureRecord): Promise<void> {
  await w.insert(importedSignatures, {
    study_id: studyId,
    participant_id: participantId,
    visit_id: s.visitId,
    user_oid: s.userOid,
    location_oid: s.locationOid,
    signature_oid: s.signatureOid,
    date_time_stamp: s.dateTimeStamp,
    content_hash: s.contentHash,
    file_oid: fileOid,
    imported_at: w.ctx.at,
  });
}

/** Every imported signature record of a study by participant code, in the order imported (the ODM export). */
export async function studyImportedSignatures(q: Queryable, studyId: string): Promise<Map<string, ImportedSignatureRecord[]>> {
  const rows = await q.query<ImportedSignatureRecord & { code: string }>(
    `SELECT p.code, s.visit_id AS "visitId", s.user_oid AS "userOid", s.location_oid AS "locationOid", s.signature_oid AS "signatureOid",
            s.date_time_stamp AS "dateTimeStamp", s.content_hash AS "contentHash"
       FROM imported_signatures s JOIN participants p ON p.id = s.participant_id WHERE s.study_id = $1 ORDER BY s.imported_at, s.date_time_stamp, s.id`,
    [studyId],
  );
  const out = new Map<string, ImportedSignatureRecord[]>();
  for (const { code, ...r } of rows) (out.get(code) ?? out.set(code, []).get(code)!).push(r);
  return out;
}
