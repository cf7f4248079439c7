import type { Consent } from '../enrolment/consent.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { consents } from './schema/index.js';

export async function insertConsent(w: AuditedTx, participantId: string, c: Consent): Promise<void> {
  await w.insert(consents, { participant_id: participantId, form_version: c.formVersion, signed_on: c.signedOn });
}

/** Each participant's latest consent (by date signed, then by when recorded); absent: none recorded. */
export async function latestConsents(q: Queryable, participantIds: readonly string[]): Promise<Map<string, Consent>> {
  const rows = await q.query<{ participant_id: string; form_version: string; signed_on: string }>(
    `SELECT DISTINCT ON (participant_id) participant_id, form_version, signed_on
       FROM consents WHERE participant_id = ANY($1::uuid[]) ORDER BY participant_id, signed_on DESC, recorded_at DESC`,
    [[...participantIds]],
  );
  return new Map(rows.map((r) => [r.participant_id, { formVersion: r.form_version, signedOn: r.signed_on }]));
}

/** A participant's consents, oldest first. */
export async function listConsents(q: Queryable, participantId: string): Promise<Consent[]> {
  const rows = await q.query<{ form_version: string; signed_on: string }>(`SELECT form_version, signed_on FROM consents WHERE participant_id = $1 ORDER BY signed_on, recorded_at`, [participantId]);
  return rows.map((r) => ({ formVersion: r.form_version, signedOn: r.signed_on }));
}

/** The consent version the study's latest re-consent amendment requires; null when none has. */
export async function requiredReconsentVersion(q: Queryable, studyId: string): Promise<string | null> {
  const [r] = await q.query<{ reconsent_version: string }>('SELECT reconsent_version FROM protocol_versions WHERE study_id = $1 AND reconsent_version IS NOT NULL ORDER BY created_at DESC LIMIT 1', [
    studyId,
  ]);
  return r?.reconsent_version ?? null;
}
