import { randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import type { Protocol } from '../protocol/schema.js';
import {
  designFromProtocol,
  initialRandomizationState,
  kitFor,
  nextAssignment,
  SEED_BYTES,
  type ArmShare,
  type Covariates,
  type RandomizationState,
} from '../randomization/index.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { findParticipant, type Participant } from './participants.js';

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

/**
 * Kits per study: every arm gets at least `enrolment target` kits, so no arm runs out whatever the
 * allocation does: ceil(target / min ratio) · Σratio labels, arm i holding ceil(target / min r)·rᵢ.
 */
export function kitPoolSize(protocol: Pick<Protocol, 'enrolment'>, arms: readonly ArmShare[]): number {
  const min = Math.min(...arms.map((a) => a.ratio));
  return Math.ceil(protocol.enrolment.target / min) * arms.reduce((s, a) => s + a.ratio, 0);
}

/** The study's secret seed, created (32 bytes from the CSPRNG) the first time it is needed. */
export async function studySeed(q: Queryable, studyId: string): Promise<Uint8Array> {
  // Not through AuditedTx: the audit trail must never hold the secret.
  await q.query('INSERT INTO randomization_seeds (study_id, seed) VALUES ($1, $2) ON CONFLICT (study_id) DO NOTHING', [studyId, randomBytes(SEED_BYTES)]);
  const [row] = await q.query<{ seed: Uint8Array }>('SELECT seed FROM randomization_seeds WHERE study_id = $1', [studyId]);
  return new Uint8Array((row as { seed: Uint8Array }).seed);
}

/** The study's allocation state, locked until the transaction ends (concurrent randomizations queue here). */
async function lockedState(q: Queryable, studyId: string): Promise<RandomizationState> {
  await q.query('INSERT INTO randomization_states (study_id, state) VALUES ($1, $2) ON CONFLICT (study_id) DO NOTHING', [studyId, JSON.stringify(initialRandomizationState)]);
  const [row] = await q.query<{ state: RandomizationState }>('SELECT state FROM randomization_states WHERE study_id = $1 FOR UPDATE', [studyId]);
  return (row as { state: RandomizationState }).state;
}

/**
 * Randomize an enrolled participant inside the caller's audited transaction: the next slot of the
 * study's sequence, its kit, the participant's status, arm and kit — all or nothing.
 */
export async function randomizeParticipant(w: AuditedTx, participantId: string, protocol: Protocol, covariates: Covariates): Promise<Participant> {
  await w.tx.query('SELECT id FROM participants WHERE id = $1 FOR UPDATE', [participantId]);
  const p = await findParticipant(w.tx, participantId);
  if (!p) throw new AppError('NotFound', `No participant "${participantId}" exists.`, 404, 'id');
  if (p.armId !== null || p.kitNumber !== null) throw new AppError('AlreadyRandomized', `Participant ${p.code} is already randomized.`, 409);
  if (p.status !== 'enrolled') throw new AppError('NotEnrolled', `Participant ${p.code} is ${p.status}, and only an enrolled participant can be randomized.`, 409);
  const design = designFromProtocol(protocol);
  const seed = await studySeed(w.tx, p.studyId);
  const state = await lockedState(w.tx, p.studyId);
  const next = nextAssignment(design, seed, state, { ...covariates, site: p.siteId });
  const a = next.assignment;
  const kit = kitFor(design.arms, seed, kitPoolSize(protocol, design.arms), a.armId, a.armOrdinal);
  await w.insert('randomizations', {
    participant_id: p.id,
    study_id: p.studyId,
    sequence: a.sequence,
    stratum: a.stratum,
    stratum_index: a.stratumIndex,
    block: a.block,
    arm_id: a.armId,
    kit_number: kit,
    randomized_at: w.ctx.at,
  });
  // Not audited: the counts per arm would tell a reader of the audit trail the allocation.
  await w.tx.query('UPDATE randomization_states SET state = $2 WHERE study_id = $1', [p.studyId, JSON.stringify(next.state)]);
  await w.update('participants', { id: p.id }, { status: 'randomized', arm_id: a.armId, kit_number: kit }, `status ${p.status} → randomized`);
  return (await findParticipant(w.tx, p.id)) as Participant;
}

interface RecordRow {
  participant_id: string;
  code: string;
  site_id: string;
  sequence: number;
  stratum: string;
  stratum_index: number;
  block: number | null;
  arm_id: string;
  kit_number: string;
  dispensed_at: Date | null;
}

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

/** Record that the pharmacist dispensed the participant's kit. */
export async function dispenseKit(w: AuditedTx, p: Participant, kitNumber: string): Promise<{ participantId: string; kitNumber: string; dispensedAt: string }> {
  if (p.kitNumber === null) throw new AppError('NotYetRandomized', `Participant ${p.code} has no kit: they are not randomized yet.`, 409);
  if (kitNumber !== p.kitNumber) throw new AppError('WrongKit', `Kit ${kitNumber} is not the kit allocated to participant ${p.code}.`, 409, 'kitNumber');
  const done = await w.tx.query('SELECT 1 FROM dispensings WHERE participant_id = $1 AND kit_number = $2', [p.id, kitNumber]);
  if (done.length) throw new AppError('AlreadyDispensed', `Kit ${kitNumber} of participant ${p.code} was already dispensed.`, 409, 'kitNumber');
  await w.insert('dispensings', { participant_id: p.id, kit_number: kitNumber, dispensed_by: w.ctx.actor, dispensed_at: w.ctx.at });
  return { participantId: p.id, kitNumber, dispensedAt: w.ctx.at.toISOString() };
}

/** Break the code for one participant for one user, and tell the study's unblinded contacts. */
export async function recordUnblinding(w: AuditedTx, p: Participant, username: string, reason: string): Promise<void> {
  if (p.armId === null) throw new AppError('NotYetRandomized', `Participant ${p.code} has no allocation to reveal: they are not randomized yet.`, 409);
  await w.insert('unblindings', { participant_id: p.id, user_id: w.ctx.actor, reason, unblinded_at: w.ctx.at });
  await w.insert('notifications', {
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

export async function listNotifications(q: Queryable, studyId: string): Promise<Notification[]> {
  const rows = await q.query<{ id: string; kind: string; participant_id: string | null; text: string; created_by: string; created_at: Date }>(
    'SELECT * FROM notifications WHERE study_id = $1 ORDER BY created_at, id',
    [studyId],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, participantId: r.participant_id, text: r.text, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() }));
}
