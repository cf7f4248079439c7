import { chainOf } from '../audit/audit-record.js';
import type { Queryable } from './db.js';

/** The participants' visits that are accounted for (with saved data, or marked missed): visit ids by participant, in id order. */
export async function accountedVisits(q: Queryable, ids: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await q.query<{ participant_id: string; visit_id: string }>(
    `SELECT v.participant_id, v.visit_id FROM visits v WHERE v.participant_id = ANY($1::uuid[])
       AND (v.status = 'missed' OR EXISTS (SELECT 1 FROM observations o WHERE o.visit_row_id = v.id)) ORDER BY v.visit_id`,
    [ids],
  );
  const byParticipant = new Map<string, string[]>();
  for (const v of rows) {
    const list = byParticipant.get(v.participant_id);
    if (list) list.push(v.visit_id);
    else byParticipant.set(v.participant_id, [v.visit_id]);
  }
  return byParticipant;
}

/** How many of the participants' data queries are open. */
export async function openQueryCount(q: Queryable, ids: readonly string[]): Promise<number> {
  const [row] = await q.query<{ n: number }>("SELECT count(*)::int AS n FROM queries WHERE status = 'open' AND participant_id = ANY($1::uuid[])", [ids]);
  return row?.n ?? 0;
}

/** The participants' confirmed adverse events counted by CTCAE grade ("1" … "5"). */
export async function confirmedAdverseEventsByGrade(q: Queryable, ids: readonly string[]): Promise<Record<string, number>> {
  const rows = await q.query<{ grade: number; n: number }>(
    // Proposed (from a graded lab, not yet confirmed) and dismissed events are not adverse events yet.
    "SELECT grade, count(*)::int AS n FROM adverse_events WHERE participant_id = ANY($1::uuid[]) AND status = 'confirmed' GROUP BY grade ORDER BY grade",
    [ids],
  );
  return Object.fromEntries(rows.map((g) => [String(g.grade), g.n]));
}

/**
 * The last audit sequence number of the study's chain (0 before any): every write to a study's data
 * appends to its chain in the writing transaction (audited-tx.ts), under the chain's lock held to
 * commit, so the number grows with each committed write, in any process, and a value read before a
 * study's data shows every write up to it.
 */
export async function studyWriteMark(q: Queryable, studyId: string): Promise<number> {
  const [row] = await q.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM audit WHERE chain = $1', [chainOf(studyId)]);
  return row?.seq ?? 0;
}

/** The participants of the study whose data changed after the write mark `since` (participant_changes, written with the audit records). */
export async function participantsChangedSince(q: Queryable, studyId: string, since: number): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT participant_id AS id FROM participant_changes WHERE chain = $1 AND seq > $2', [chainOf(studyId), since])).map((r) => r.id);
}
