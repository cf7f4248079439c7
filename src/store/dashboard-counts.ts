import type { Queryable } from './db.js';

/** The participants' visits that are accounted for: with saved data, or marked missed ("participant/visit"). */
export async function accountedVisits(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ participant_id: string; visit_id: string }>(
    `SELECT v.participant_id, v.visit_id FROM visits v WHERE v.participant_id = ANY($1::uuid[])
       AND (v.status = 'missed' OR EXISTS (SELECT 1 FROM observations o WHERE o.visit_row_id = v.id))`,
    [ids],
  );
  return new Set(rows.map((v) => `${v.participant_id}/${v.visit_id}`));
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
