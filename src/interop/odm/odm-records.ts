import type { Queryable } from '../../store/db.js';
import { byParticipant } from '../../store/doses.js';
import type { AdverseEvent } from '../../safety/adverse-event.js';

/**
 * What a participant's casebook holds besides its values, as the ODM export carries it in the
 * il2trials extension (il2:Records) and the import replays it: the status steps, consents, the
 * randomization, the doses with their corrections and the adverse events.
 */
export interface ParticipantRecords {
  /** Every status step after registration, oldest first. */
  readonly steps: readonly StatusStep[];
  /** Every consent signed, oldest first. */
  readonly consents: readonly { readonly formVersion: string; readonly signedOn: string }[];
  readonly randomization: RandomizationRecordData | null;
  readonly doses: readonly DoseRecord[];
  readonly adverseEvents: readonly AdverseEventRecord[];
}

export interface StatusStep {
  readonly to: string;
  readonly on: string;
  /** The reason the audit trail records (a withdrawal's, an eligibility override's, else the step in words, `status a → b`). */
  readonly reason: string | null;
}

/**
 * A randomization: the allocation record (absent when the arm was set without one, as the demo
 * cohorts do), and the arm (absent from a blinded export).
 */
export interface RandomizationRecordData {
  readonly armId: string | null;
  readonly kitNumber: string | null;
  readonly allocation: {
    readonly randomizedAt: string;
    readonly stratum: string;
    /** The place in the sequence: absent from a blinded export. */
    readonly sequence: { readonly sequence: number; readonly stratumIndex: number; readonly block: number | null } | null;
  } | null;
}

/** One write of a dose (the first its entry, the later ones its corrections, each with its reason). */
export interface DoseWrite {
  readonly date: string;
  readonly status: 'given' | 'held';
  readonly reason: string | null;
  readonly changeReason: string | null;
}

export interface DoseRecord {
  readonly day: number;
  readonly writes: readonly DoseWrite[];
}

/** An adverse event as the file carries it: status and relatedness as read, checked when replayed. */
export interface AdverseEventRecord extends Pick<AdverseEvent, 'term' | 'onsetDate' | 'endDate' | 'grade' | 'serious' | 'seriousCriteria' | 'actionTaken' | 'outcome'> {
  readonly status: string;
  readonly relatedness: string | null;
  /** Proposed by a graded lab result: the import finds it made again by the lab's entry. */
  readonly fromLab: boolean;
}

const day = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
type Change = { field: string; old?: unknown; new: unknown };

/** The records of a page of participants (by code), read from the store and its audit trail. */
export async function readParticipantRecords(q: Queryable, studyId: string, codes: readonly string[]): Promise<Map<string, ParticipantRecords>> {
  const people = await q.query<{ id: string; code: string; arm_id: string | null; kit_number: string | null }>(
    'SELECT id, code, arm_id, kit_number FROM participants WHERE study_id = $1 AND code = ANY($2)',
    [studyId, [...codes]],
  );
  const ids = people.map((p) => p.id);
  const out = new Map<
    string,
    { steps: StatusStep[]; consents: ParticipantRecords['consents'][number][]; randomization: RandomizationRecordData | null; doses: DoseRecord[]; adverseEvents: AdverseEventRecord[] }
  >(ids.map((id) => [id, { steps: [], consents: [], randomization: null, doses: [], adverseEvents: [] }]));
  const statusAudit = await q.query<{ entity_id: string; action: string; reason: string | null; changes: Change[] }>(
    "SELECT entity_id, action, reason, changes FROM audit WHERE entity = 'participants' AND action IN ('insert', 'update') AND entity_id = ANY($1) ORDER BY seq",
    [ids],
  );
  // An update lists only the fields it changed: a step on the day of the one before carries no status_on.
  const lastOn = new Map<string, string>();
  for (const r of statusAudit) {
    const on = day(r.changes.find((c) => c.field === 'status_on')?.new) ?? lastOn.get(r.entity_id);
    if (on !== undefined) lastOn.set(r.entity_id, on);
    const to = r.changes.find((c) => c.field === 'status');
    if (r.action !== 'update' || !to) continue;
    out.get(r.entity_id)?.steps.push({ to: String(to.new), on: on ?? '', reason: r.reason });
  }
  for (const r of await q.query<{ pid: string; form_version: string; signed_on: unknown }>(
    "SELECT participant_id AS pid, form_version, to_char(signed_on, 'YYYY-MM-DD') AS signed_on FROM consents WHERE participant_id = ANY($1) ORDER BY signed_on, recorded_at",
    [ids],
  ))
    out.get(r.pid)?.consents.push({ formVersion: r.form_version, signedOn: day(r.signed_on)! });
  const rows = new Map(
    (
      await q.query<{ pid: string; sequence: number; stratum: string; stratum_index: number; block: number | null; randomized_at: Date | string }>(
        'SELECT participant_id AS pid, sequence, stratum, stratum_index, block, randomized_at FROM randomizations WHERE participant_id = ANY($1)',
        [ids],
      )
    ).map((r) => [r.pid, r]),
  );
  for (const p of people) {
    const row = rows.get(p.id);
    const record = out.get(p.id)!;
    // A participant stepped to randomized, or with an allocation record (a single-arm study's arm, set at treatment start, is no randomization).
    if (!row && !record.steps.some((s) => s.to === 'randomized')) continue;
    record.randomization = {
      armId: p.arm_id,
      kitNumber: p.kit_number,
      allocation: row
        ? { randomizedAt: new Date(row.randomized_at).toISOString(), stratum: row.stratum, sequence: { sequence: row.sequence, stratumIndex: row.stratum_index, block: row.block } }
        : null,
    };
  }
  const doses = await q.query<{ pid: string; id: string; day: number }>('SELECT participant_id AS pid, id, day FROM doses WHERE participant_id = ANY($1) ORDER BY day', [ids]);
  const doseAudit = await q.query<{ entity_id: string; reason: string | null; changes: Change[] }>(
    "SELECT entity_id, reason, changes FROM audit WHERE entity = 'doses' AND action IN ('insert', 'update') AND entity_id = ANY($1) ORDER BY seq",
    [doses.map((d) => d.id)],
  );
  const auditOf = byParticipant(
    doses.map((d) => d.id),
    doseAudit,
    (a) => a.entity_id,
  );
  for (const d of doses) {
    const writes: DoseWrite[] = [];
    let state: Omit<DoseWrite, 'changeReason'> = { date: '', status: 'given', reason: null };
    for (const a of auditOf.get(d.id) ?? []) {
      const get = (f: string) => a.changes.find((c) => c.field === f);
      state = {
        date: get('dose_date') ? day(get('dose_date')!.new)! : state.date,
        status: get('status') ? (get('status')!.new as DoseWrite['status']) : state.status,
        reason: get('reason') ? ((get('reason')!.new as string | null) ?? null) : state.reason,
      };
      writes.push({ ...state, changeReason: writes.length === 0 ? null : a.reason });
    }
    out.get(d.pid)!.doses.push({ day: d.day, writes });
  }
  for (const r of await q.query<Omit<AdverseEventRecord, 'fromLab' | 'onsetDate' | 'endDate'> & { pid: string; onset: unknown; resolved: unknown; from_lab: boolean }>(
    `SELECT participant_id AS pid, status, term, to_char(onset_date, 'YYYY-MM-DD') AS onset, to_char(resolved_date, 'YYYY-MM-DD') AS resolved, grade, serious, serious_criteria AS "seriousCriteria",
            relatedness, action_taken AS "actionTaken", outcome, source_observation_id IS NOT NULL AS from_lab
       FROM adverse_events WHERE participant_id = ANY($1) ORDER BY onset_date, term, id`,
    [ids],
  )) {
    const { pid, onset, resolved, from_lab, ...ae } = r;
    out.get(pid)!.adverseEvents.push({ ...ae, onsetDate: day(onset)!, endDate: day(resolved), fromLab: from_lab });
  }
  return new Map(people.map((p) => [p.code, out.get(p.id)!]));
}
