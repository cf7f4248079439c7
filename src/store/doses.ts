import type { RecordedDose } from '../dosing/participant-calendar.js';
import type { DatedLab } from '../safety/dose-holds.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { doses, type Row } from './schema/index.js';

type DoseRow = Row<typeof doses>;

const toDose = (r: DoseRow): RecordedDose => ({ day: r.day, date: r.dose_date, status: r.status, reason: r.reason });

/** Rows of `rows` grouped by participant, every id of `ids` present (empty when it has none). */
export function byParticipant<T>(ids: readonly string[], rows: readonly T[], idOf: (r: T) => string): Map<string, T[]> {
  const m = new Map(ids.map((id) => [id, [] as T[]]));
  for (const r of rows) m.get(idOf(r))?.push(r);
  return m;
}

/** The recorded doses of each participant, by study day. */
export async function listDoses(q: Queryable, ids: readonly string[]): Promise<Map<string, RecordedDose[]>> {
  const rows = await q.query<DoseRow>('SELECT * FROM doses WHERE participant_id = ANY($1::uuid[]) ORDER BY day', [ids]);
  return new Map([...byParticipant(ids, rows, (r) => r.participant_id)].map(([id, rs]) => [id, rs.map(toDose)]));
}

/** Each participant's lab results by visit date, as the dose-hold rules read them. */
export async function listDatedLabs(q: Queryable, ids: readonly string[]): Promise<Map<string, DatedLab[]>> {
  const rows = await q.query<DatedLab & { participant_id: string }>(
    `SELECT o.participant_id, v.visit_date AS date, o.key AS analyte, o.value_num AS value, o.unit FROM observations o JOIN visits v ON v.id = o.visit_row_id
      WHERE o.participant_id = ANY($1::uuid[]) AND o.kind = 'lab' ORDER BY v.visit_date, o.key`,
    [ids],
  );
  return byParticipant(ids, rows, (r) => r.participant_id);
}

/** Record a dose on its day, or correct the one recorded there (a changed value needs `changeReason`). */
export async function saveDose(w: AuditedTx, participantId: string, d: RecordedDose, changeReason: string | undefined): Promise<RecordedDose> {
  const values = { dose_date: d.date, status: d.status, reason: d.reason };
  const [existing] = await w.tx.query<{ id: string }>('SELECT id FROM doses WHERE participant_id = $1 AND day = $2', [participantId, d.day]);
  if (!existing) return toDose(await w.insert(doses, { participant_id: participantId, day: d.day, ...values }));
  return toDose(await w.update(doses, { id: existing.id }, values, changeReason));
}
