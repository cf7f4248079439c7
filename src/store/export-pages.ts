import type { AdverseEventData, ObservationData, ParticipantData, ValueAudit } from '../interop/sdtm/participant-data.js';
import type { Db, Queryable } from './db.js';

/**
 * A study's participants with all their data, a page at a time in participant-code order, for the
 * streaming exports: memory holds one page, whatever the study's size. Every page is read in one
 * repeatable-read transaction, so the pages agree with each other while sites keep entering data.
 */
export function forEachParticipantPage(
  db: Db,
  studyId: string,
  pageSize: number,
  /** `tx`: the page's transaction, to read more of the same snapshot (PGlite has one connection: a query outside it would wait for it). */
  onPage: (page: readonly ParticipantData[], tx: Queryable) => Promise<void>,
  options: { readonly audit?: boolean } = {},
): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    let after = '';
    for (;;) {
      const page = await readPage(tx, studyId, after, pageSize, options.audit ?? false);
      if (page.length === 0) return;
      await onPage(page, tx);
      after = page[page.length - 1]!.code;
    }
  });
}

const day = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${as}`;

interface PRow {
  id: string;
  code: string;
  site_id: string;
  sex: 'female' | 'male';
  birth_date: string;
  status: string;
  status_reason: string | null;
  consented_on: string | null;
  enrolled_on: string | null;
  randomized_on: string | null;
  start_date: string | null;
  arm_id: string | null;
  kit_number: string | null;
}

/** One participant's data as an export page holds it: what an electronic signature covers (src/signatures). */
export async function participantData(q: Queryable, studyId: string, participantId: string): Promise<ParticipantData | undefined> {
  return (await readPage(q, studyId, '', 1, false, participantId))[0];
}

async function readPage(q: Queryable, studyId: string, after: string, size: number, withAudit: boolean, only: string | null = null): Promise<ParticipantData[]> {
  const people = await q.query<PRow>(
    `SELECT p.id, p.code, p.site_id, p.sex, ${day('p.birth_date', 'birth_date')}, p.status, p.status_reason,
            (SELECT ${day('min(c.signed_on)', 'x')} FROM consents c WHERE c.participant_id = p.id) AS consented_on,
            ${day('e.enrolled_on', 'enrolled_on')}, ${day("(r.randomized_at AT TIME ZONE 'UTC')::date", 'randomized_on')},
            ${day('p.start_date', 'start_date')}, p.arm_id, p.kit_number
       FROM participants p LEFT JOIN enrolments e ON e.participant_id = p.id LEFT JOIN randomizations r ON r.participant_id = p.id
      WHERE p.study_id = $1 AND p.code > $2 AND ($4::text IS NULL OR p.id::text = $4) ORDER BY p.code LIMIT $3`,
    [studyId, after, size, only],
  );
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const byId = <T extends { pid: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.pid) ?? m.set(r.pid, []).get(r.pid)!).push(r);
    return m;
  };
  const visits = byId(
    await q.query<{ pid: string; visitId: string; date: string; status: string }>(
      `SELECT participant_id AS pid, visit_id AS "visitId", ${day('visit_date', 'date')}, status FROM visits WHERE participant_id = ANY($1) ORDER BY visit_date, visit_id`,
      [ids],
    ),
  );
  const observations = byId(
    await q.query<ObservationData & { pid: string }>(
      `SELECT o.participant_id AS pid, o.id, v.visit_id AS "visitId", ${day('v.visit_date', 'date')}, o.kind, o.key, o.value_num AS "valueNum", o.value_text AS "valueText",
              o.unit, o.grade, o.grade_term AS "gradeTerm"
         FROM observations o LEFT JOIN visits v ON v.id = o.visit_row_id WHERE o.participant_id = ANY($1) ORDER BY v.visit_date, v.visit_id, o.kind, o.key`,
      [ids],
    ),
  );
  if (withAudit) await attachAudit(q, [...observations.values()].flat());
  const doses = byId(
    await q.query<{ pid: string; day: number; date: string; status: 'given' | 'held'; reason: string | null }>(
      `SELECT participant_id AS pid, day, ${day('dose_date', 'date')}, status, reason FROM doses WHERE participant_id = ANY($1) ORDER BY day`,
      [ids],
    ),
  );
  const aes = byId(
    await q.query<AdverseEventData & { pid: string }>(
      `SELECT participant_id AS pid, status, term, ${day('onset_date', '"onsetDate"')}, ${day('resolved_date', '"resolvedDate"')}, grade, serious,
              serious_criteria AS "seriousCriteria", relatedness, action_taken AS "actionTaken", outcome
         FROM adverse_events WHERE participant_id = ANY($1) ORDER BY onset_date, term, id`,
      [ids],
    ),
  );
  const strip = <T extends { pid: string }>(rows: T[] | undefined): Omit<T, 'pid'>[] => (rows ?? []).map(({ pid: _pid, ...rest }) => rest);
  return people.map((p) => ({
    code: p.code,
    siteId: p.site_id,
    sex: p.sex,
    birthDate: p.birth_date,
    status: p.status,
    statusReason: p.status_reason,
    consentedOn: p.consented_on,
    enrolledOn: p.enrolled_on,
    randomizedOn: p.randomized_on,
    startDate: p.start_date,
    armId: p.arm_id,
    kitNumber: p.kit_number,
    visits: strip(visits.get(p.id)),
    observations: strip(observations.get(p.id)),
    doses: strip(doses.get(p.id)),
    adverseEvents: strip(aes.get(p.id)),
  }));
}

/**
 * Each value's audit records (who, when, why, the value written), oldest first, from the audit trail.
 * A value imported from an ODM file starts with the source's AuditRecords (value_provenance), then
 * the changes made here after the import; the import's own records are the provenance's copy.
 */
async function attachAudit(q: Queryable, observations: (ObservationData & { audit?: readonly ValueAudit[] })[]): Promise<void> {
  const ids = observations.map((o) => o.id);
  const rows = await q.query<{
    entity_id: string;
    seq: string | number;
    at: Date | string;
    actor: string;
    action: ValueAudit['action'];
    reason: string | null;
    changes: { field: string; new: unknown }[];
  }>("SELECT entity_id, seq, at, actor, action, reason, changes FROM audit WHERE entity = 'observations' AND entity_id = ANY($1) ORDER BY seq", [ids]);
  const provenance = await q.query<{
    observation_id: string;
    position: number;
    transaction_type: 'Insert' | 'Update' | null;
    value: string;
    user_oid: string;
    location_oid: string;
    date_time_stamp: string;
    reason_for_change: string | null;
    source_id: string | null;
    imported_at: Date | string;
  }>('SELECT * FROM value_provenance WHERE observation_id = ANY($1) ORDER BY observation_id, position', [ids]);
  const byObs = new Map<string, ValueAudit[]>();
  const importedAt = new Map<string, number>();
  for (const r of provenance) {
    importedAt.set(r.observation_id, new Date(r.imported_at).getTime());
    const action = r.transaction_type === 'Update' || (r.transaction_type === null && r.position > 0) ? 'update' : 'insert';
    const entry: ValueAudit = {
      seq: r.position,
      at: r.date_time_stamp,
      actor: r.user_oid,
      action,
      reason: r.reason_for_change,
      value: r.value,
      source: { userOid: r.user_oid, locationOid: r.location_oid, sourceId: r.source_id },
    };
    (byObs.get(r.observation_id) ?? byObs.set(r.observation_id, []).get(r.observation_id)!).push(entry);
  }
  for (const r of rows) {
    const imported = importedAt.get(r.entity_id);
    if (imported !== undefined && new Date(r.at).getTime() <= imported) continue;
    const changed = (f: string) => r.changes.find((c) => c.field === f);
    const value = (changed('value_num') ?? changed('value_text'))?.new;
    const entry: ValueAudit = {
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      reason: r.reason,
      value: typeof value === 'number' || typeof value === 'string' ? value : null,
    };
    (byObs.get(r.entity_id) ?? byObs.set(r.entity_id, []).get(r.entity_id)!).push(entry);
  }
  for (const o of observations) o.audit = byObs.get(o.id) ?? [];
}
