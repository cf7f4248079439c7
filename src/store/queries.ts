import type { DataQuery, QueryListing, QueryStatus } from '../data-queries/data-query.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { queries, type Row } from './schema/index.js';

type QueryRow = Row<typeof queries>;

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const toQuery = (r: QueryRow): DataQuery => ({
  id: r.id,
  studyId: r.study_id,
  siteId: r.site_id,
  participantId: r.participant_id,
  visitId: r.visit_id,
  field: r.field,
  text: r.text,
  status: r.status,
  raisedBy: r.raised_by,
  raisedAt: iso(r.raised_at) as string,
  answer: r.answer,
  answeredBy: r.answered_by,
  answeredAt: iso(r.answered_at),
  closedBy: r.closed_by,
  closedAt: iso(r.closed_at),
});

/** What a new query names: the participant's field (of one visit, or none) and the question. */
export type NewQuery = Pick<DataQuery, 'studyId' | 'siteId' | 'participantId' | 'visitId' | 'field' | 'text'>;

/** A new open query, raised by the transaction's actor now. */
export async function insertQuery(w: AuditedTx, q: NewQuery): Promise<DataQuery> {
  return toQuery(
    await w.insert(queries, {
      study_id: q.studyId,
      site_id: q.siteId,
      participant_id: q.participantId,
      entity: q.visitId === null ? 'participant' : 'visit',
      entity_id: q.visitId ?? q.participantId,
      visit_id: q.visitId,
      field: q.field,
      text: q.text,
      status: 'open',
      raised_by: w.ctx.actor,
      raised_at: w.ctx.at,
    }),
  );
}

/** The query's answer or closing, with the reason the audit trail shows. */
export async function updateQuery(
  w: AuditedTx,
  id: string,
  patch: Partial<Pick<QueryRow, 'status' | 'answer' | 'answered_by' | 'answered_at' | 'closed_by' | 'closed_at'>>,
  reason: string,
): Promise<DataQuery> {
  return toQuery(await w.update(queries, { id }, patch, reason));
}

export async function findQuery(q: Queryable, id: string): Promise<DataQuery | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [r] = await q.query<QueryRow>('SELECT * FROM queries WHERE id = $1', [id]);
  return r && toQuery(r);
}

/** The study's queries at `sites`, oldest first, optionally of one status. */
export async function listQueries(q: Queryable, studyId: string, sites: 'all' | readonly string[], status?: QueryStatus): Promise<QueryListing[]> {
  const rows = await q.query<QueryRow & { participant_code: string; raised_by_name: string; answered_by_name: string | null; closed_by_name: string | null }>(
    `SELECT q.*, p.code AS participant_code, r.display_name AS raised_by_name, a.display_name AS answered_by_name, c.display_name AS closed_by_name
       FROM queries q JOIN participants p ON p.id = q.participant_id JOIN users r ON r.id = q.raised_by
       LEFT JOIN users a ON a.id = q.answered_by LEFT JOIN users c ON c.id = q.closed_by
      WHERE q.study_id = $1 AND ($2::text[] IS NULL OR q.site_id = ANY($2::text[])) AND ($3::text IS NULL OR q.status = $3)
      ORDER BY q.raised_at, q.id`,
    [studyId, sites === 'all' ? null : [...sites], status ?? null],
  );
  return rows.map((r) => ({
    ...toQuery(r),
    participantCode: r.participant_code,
    raisedByName: r.raised_by_name,
    answeredByName: r.answered_by_name,
    closedByName: r.closed_by_name,
  }));
}
