import { randomBytes } from 'node:crypto';
import type { Participant } from '../enrolment/participant.js';
import { initialRandomizationState, SEED_BYTES, type Assignment, type RandomizationState } from '../randomization/index.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { dispensings, notifications, type participants, randomizations, type randomizationSeeds, type randomizationStates, unblindings, type Row } from './schema/index.js';

export interface RandomizationRecord {
  readonly participantId: string;
  readonly code: string;
  readonly siteId: string;
  readonly sequence: number;
  readonly stratum: string;
  readonly stratumIndex: number;
  readonly block: number | null;
  readonly armId: string;
  readonly kitNumber: string;
  readonly dispensedAt: string | null;
}

/** The study's secret seed, created (32 bytes from the CSPRNG) the first time it is needed. */
export async function studySeed(q: Queryable, studyId: string): Promise<Uint8Array> {
  // Not through AuditedTx: the audit trail must never hold the secret.
  await q.query('INSERT INTO randomization_seeds (study_id, seed) VALUES ($1, $2) ON CONFLICT (study_id) DO NOTHING', [studyId, randomBytes(SEED_BYTES)]);
  const [row] = await q.query<Pick<Row<typeof randomizationSeeds>, 'seed'>>('SELECT seed FROM randomization_seeds WHERE study_id = $1', [studyId]);
  return new Uint8Array((row as { seed: Uint8Array }).seed);
}

/** The study's allocation state, locked until the transaction ends (concurrent randomizations queue here). */
export async function lockedRandomizationState(q: Queryable, studyId: string): Promise<RandomizationState> {
  await q.query('INSERT INTO randomization_states (study_id, state) VALUES ($1, $2) ON CONFLICT (study_id) DO NOTHING', [studyId, JSON.stringify(initialRandomizationState)]);
  const [row] = await q.query<Pick<Row<typeof randomizationStates>, 'state'>>('SELECT state FROM randomization_states WHERE study_id = $1 FOR UPDATE', [studyId]);
  return (row as { state: RandomizationState }).state;
}

/** The highest sequence number the study's allocations hold (0 for none): above the state's count only after an import. */
export async function lastAllocatedSequence(q: Queryable, studyId: string): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT coalesce(max(sequence), 0)::int AS n FROM randomizations WHERE study_id = $1', [studyId]);
  return row?.n ?? 0;
}

/** Store the study's allocation state after an allocation. */
export async function saveRandomizationState(q: Queryable, studyId: string, state: RandomizationState): Promise<void> {
  // Not audited: the counts per arm would tell a reader of the audit trail the allocation.
  await q.query('UPDATE randomization_states SET state = $2 WHERE study_id = $1', [studyId, JSON.stringify(state)]);
}

/** One allocation: the participant's slot of the sequence, stratum, block, arm and kit. */
export interface NewRandomization {
  readonly participantId: string;
  readonly studyId: string;
  readonly assignment: Pick<Assignment, 'sequence' | 'stratum' | 'stratumIndex' | 'block' | 'armId'>;
  readonly kitNumber: string;
  /** When it was drawn: now, unless an import carries the source's time. */
  readonly randomizedAt?: Date;
}

export async function insertRandomization(w: AuditedTx, r: NewRandomization): Promise<void> {
  const a = r.assignment;
  await w.insert(randomizations, {
    participant_id: r.participantId,
    study_id: r.studyId,
    sequence: a.sequence,
    stratum: a.stratum,
    stratum_index: a.stratumIndex,
    block: a.block,
    arm_id: a.armId,
    kit_number: r.kitNumber,
    randomized_at: r.randomizedAt ?? w.ctx.at,
  });
}

type RecordRow = Row<typeof randomizations> & Pick<Row<typeof participants>, 'code' | 'site_id'> & { dispensed_at: Row<typeof dispensings>['dispensed_at'] | null };

/** Every allocation of a study in randomization order, with its dispensing. */
export async function listRandomizations(q: Queryable, studyId: string): Promise<RandomizationRecord[]> {
  const rows = await q.query<RecordRow>(
    `SELECT r.*, p.code, p.site_id, d.dispensed_at FROM randomizations r JOIN participants p ON p.id = r.participant_id
       LEFT JOIN dispensings d ON d.participant_id = r.participant_id AND d.kit_number = r.kit_number
      WHERE r.study_id = $1 ORDER BY r.sequence`,
    [studyId],
  );
  return rows.map((r) => ({
    participantId: r.participant_id,
    code: r.code,
    siteId: r.site_id,
    sequence: r.sequence,
    stratum: r.stratum,
    stratumIndex: r.stratum_index,
    block: r.block,
    armId: r.arm_id,
    kitNumber: r.kit_number,
    dispensedAt: r.dispensed_at ? new Date(r.dispensed_at).toISOString() : null,
  }));
}

export async function isDispensed(q: Queryable, participantId: string, kitNumber: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM dispensings WHERE participant_id = $1 AND kit_number = $2', [participantId, kitNumber])).length > 0;
}

/** Record that the transaction's actor dispensed the kit now. */
export async function insertDispensing(w: AuditedTx, participantId: string, kitNumber: string): Promise<void> {
  await w.insert(dispensings, { participant_id: participantId, kit_number: kitNumber, dispensed_by: w.ctx.actor, dispensed_at: w.ctx.at });
}

/** The code broken for one participant by the transaction's actor, and the notice to the study's unblinded contacts. */
export async function insertUnblinding(w: AuditedTx, p: Participant, username: string, reason: string): Promise<void> {
  await w.insert(unblindings, { participant_id: p.id, user_id: w.ctx.actor, reason, unblinded_at: w.ctx.at });
  await w.insert(notifications, {
    study_id: p.studyId,
    kind: 'emergency-unblinding',
    participant_id: p.id,
    text: `${username} broke the code for participant ${p.code}: ${reason}`,
    created_by: w.ctx.actor,
    created_at: w.ctx.at,
  });
}

export async function hasUnblinded(q: Queryable, userId: string, participantId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM unblindings WHERE user_id = $1 AND participant_id = $2 LIMIT 1', [userId, participantId])).length > 0;
}

export interface Notification {
  readonly id: string;
  readonly kind: string;
  readonly participantId: string | null;
  readonly text: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A study's notifications about participants of `sites` ('all': every site, and those about no participant). */
export async function listNotifications(q: Queryable, studyId: string, sites: 'all' | readonly string[]): Promise<Notification[]> {
  const rows = await q.query<Row<typeof notifications>>(
    `SELECT n.* FROM notifications n LEFT JOIN participants p ON p.id = n.participant_id
     WHERE n.study_id = $1 AND ($2::text[] IS NULL OR p.site_id = ANY($2::text[])) ORDER BY n.created_at, n.id`,
    [studyId, sites === 'all' ? null : [...sites]],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, participantId: r.participant_id, text: r.text, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }));
}
