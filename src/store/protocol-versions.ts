import type { ProtocolChange } from '../protocol/amendments/protocol-diff.js';
import type { Queryable } from './db.js';
import type { Row } from './schema/index.js';
import type { protocolVersions } from './schema/index.js';

/** One amendment as the study's history shows it: from which version to which, when, why, what changed. */
export interface ProtocolVersionEntry {
  readonly fromVersion: string | null;
  readonly version: string;
  readonly effectiveDate: string;
  readonly reason: string;
  readonly changes: readonly ProtocolChange[];
  readonly reconsentVersion: string | null;
  readonly recordedAt: string;
}

/** A study's amendments, oldest first. */
export async function listProtocolVersions(q: Queryable, studyId: string): Promise<ProtocolVersionEntry[]> {
  const rows = await q.query<Row<typeof protocolVersions>>('SELECT * FROM protocol_versions WHERE study_id = $1 ORDER BY created_at, version', [studyId]);
  return rows.map((r) => ({
    fromVersion: r.from_version,
    version: r.version,
    effectiveDate: r.effective_date,
    reason: r.reason,
    changes: r.changes as ProtocolChange[],
    reconsentVersion: r.reconsent_version,
    recordedAt: r.created_at.toISOString(),
  }));
}
