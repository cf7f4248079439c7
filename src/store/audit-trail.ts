import { recordFromRow, type AuditRow } from '../audit/verify-audit.js';
import type { AuditRecord } from '../audit/audit-record.js';
import { chainOf } from '../audit/audit-record.js';
import type { Queryable } from './db.js';

export interface AuditTrailFilter {
  /** A table name, e.g. `participants`, `observations`. */
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  /** Records before this seq only: the `next` of the previous page. */
  readonly before?: number | undefined;
  readonly limit: number;
}

/** An audit record with the display name of its actor (null when the actor is no user, e.g. `system`). */
export type AuditTrailRecord = AuditRecord & { readonly actorName: string | null };

/** A page of a study's audit trail, newest first, and the `before` that fetches the next page (null at the end). */
export async function studyAuditTrail(q: Queryable, studyId: string, f: AuditTrailFilter): Promise<{ records: AuditTrailRecord[]; next: number | null }> {
  const where = ['(a.chain = $1 OR (a.chain IS NULL AND a.study_id = $2))'];
  const params: unknown[] = [chainOf(studyId), studyId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.entity !== undefined) add('a.entity = ?', f.entity);
  if (f.entityId !== undefined) add('a.entity_id = ?', f.entityId);
  if (f.before !== undefined) add('a.seq < ?', f.before);
  params.push(f.limit + 1);
  const rows = await q.query<AuditRow & { actor_name: string | null }>(
    `SELECT a.*, u.display_name AS actor_name FROM audit a LEFT JOIN users u ON u.id::text = a.actor
      WHERE ${where.join(' AND ')} ORDER BY a.seq DESC LIMIT $${params.length}`,
    params,
  );
  const records = rows.slice(0, f.limit).map((r) => ({ ...recordFromRow(r), actorName: r.actor_name }));
  return { records, next: rows.length > f.limit ? (records[records.length - 1]?.seq ?? null) : null };
}
