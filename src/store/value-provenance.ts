import type { AuditedTx } from './audited-tx.js';
import { importedUsers, valueProvenance, type NewRow } from './schema/index.js';

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
