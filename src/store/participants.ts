import { AppError } from '../errors/app-error.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { enrolments, participants, type NewRow, type Row } from './schema/index.js';
import type { Participant } from '../enrolment/participant.js';
import { storeErrors } from './errors.js';
import { heldProtocols, studyStateColumns, studyStateOf, type StudyState, type StudyStateRow } from './study-states.js';

/** A participant row with its enrolment date (null before enrolment). */
type ParticipantRow = Omit<Row<typeof participants>, 'created_at'> & { enrolled_on: Row<typeof enrolments>['enrolled_on'] | null };

const toParticipant = (r: ParticipantRow): Participant => ({
  id: r.id,
  studyId: r.study_id,
  siteId: r.site_id,
  code: r.code,
  sex: r.sex,
  birthDate: r.birth_date,
  status: r.status,
  statusReason: r.status_reason,
  statusOn: r.status_on,
  armId: r.arm_id,
  kitNumber: r.kit_number,
  enrolledOn: r.enrolled_on,
  startDate: r.start_date,
});

/** The columns a Participant is made of (not the row's creation time, which no reader uses: a timestamp costs a parse per row). */
const columns = 'p.id, p.study_id, p.site_id, p.code, p.sex, p.birth_date, p.status, p.status_reason, p.status_on, p.arm_id, p.kit_number, p.start_date, e.enrolled_on';
const select = `SELECT ${columns} FROM participants p LEFT JOIN enrolments e ON e.participant_id = p.id`;

/** Participants of a study, limited to `sites` unless it is 'all'. */
export async function listParticipants(q: Queryable, studyId: string, sites: 'all' | readonly string[]): Promise<Participant[]> {
  const rows =
    sites === 'all'
      ? await q.query<ParticipantRow>(`${select} WHERE p.study_id = $1 ORDER BY p.code`, [studyId])
      : await q.query<ParticipantRow>(`${select} WHERE p.study_id = $1 AND p.site_id = ANY($2::text[]) ORDER BY p.code`, [studyId, [...sites]]);
  return rows.map(toParticipant);
}

/** The participants of a study among `ids`, limited to `sites` unless it is 'all' (those gone or elsewhere are absent). */
export async function participantsAmong(q: Queryable, studyId: string, sites: 'all' | readonly string[], ids: readonly string[]): Promise<Participant[]> {
  if (ids.length === 0) return [];
  const rows =
    sites === 'all'
      ? await q.query<ParticipantRow>(`${select} WHERE p.study_id = $1 AND p.id = ANY($2::uuid[])`, [studyId, [...ids]])
      : await q.query<ParticipantRow>(`${select} WHERE p.study_id = $1 AND p.id = ANY($2::uuid[]) AND p.site_id = ANY($3::text[])`, [studyId, [...ids], [...sites]]);
  return rows.map(toParticipant);
}

// Ids are uuids; anything else cannot name a participant (and must not reach the uuid cast).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findParticipant(q: Queryable, id: string): Promise<Participant | undefined> {
  if (!UUID.test(id)) return undefined;
  const [r] = await q.query<ParticipantRow>(`${select} WHERE p.id = $1`, [id]);
  return r && toParticipant(r);
}

/** A participant with its study's state, and whether the user broke its code, as one read saw them. */
export interface ParticipantState {
  readonly participant: Participant;
  readonly state: StudyState;
  /** Whether the user has unblinded this participant (an emergency unblinding, randomization.ts). */
  readonly unblindedBy: boolean;
}

/** findParticipant, its study's state (findStudyState) and the user's unblinding of it, in one query. */
export async function findParticipantState(q: Queryable, id: string, userId: string): Promise<ParticipantState | undefined> {
  if (!UUID.test(id)) return undefined;
  const { held, param } = heldProtocols(q);
  const [r] = await q.query<ParticipantRow & StudyStateRow & { unblinded_by: boolean }>(
    `SELECT ${columns}, ${studyStateColumns('$3')},
            EXISTS (SELECT 1 FROM unblindings u WHERE u.user_id = $2 AND u.participant_id = p.id) AS unblinded_by
       FROM participants p LEFT JOIN enrolments e ON e.participant_id = p.id JOIN studies s ON s.id = p.study_id WHERE p.id = $1`,
    [id, userId, param],
  );
  return r && { participant: toParticipant(r), state: studyStateOf(q, r, held), unblindedBy: r.unblinded_by };
}

export interface NewParticipant {
  readonly studyId: string;
  readonly siteId: string;
  readonly code: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
}

export async function insertParticipant(w: AuditedTx, p: NewParticipant): Promise<Participant> {
  const taken = await w.tx.query('SELECT 1 FROM participants WHERE study_id = $1 AND code = $2', [p.studyId, p.code]);
  if (taken.length) throw new AppError(storeErrors.ALREADY_EXISTS, `Participant code "${p.code}" is already used in study ${p.studyId}.`, 'code');
  const r = await w.insert(participants, {
    study_id: p.studyId,
    site_id: p.siteId,
    code: p.code,
    sex: p.sex,
    birth_date: p.birthDate,
    status: 'screening',
  });
  return toParticipant({ ...r, enrolled_on: null });
}

/** Participant fields → columns; only the fields given. */
const participantColumns = (f: Partial<Participant>): Partial<NewRow<typeof participants>> => ({
  status: f.status,
  status_reason: f.statusReason,
  status_on: f.statusOn,
  start_date: f.startDate,
  arm_id: f.armId,
  kit_number: f.kitNumber,
});

/** Change the participant's fields (status, arm, start…), audited with `reason`; the participant after. */
export async function updateParticipant(w: AuditedTx, id: string, fields: Partial<Participant>, reason: string): Promise<Participant> {
  await w.update(participants, { id }, participantColumns(fields), reason);
  return (await findParticipant(w.tx, id)) as Participant;
}

export async function insertEnrolment(w: AuditedTx, participantId: string, enrolledOn: string): Promise<void> {
  await w.insert(enrolments, { participant_id: participantId, enrolled_on: enrolledOn });
}

/** Lock the participant's row until the transaction ends (two randomizations of one participant queue here). */
export async function lockParticipant(q: Queryable, id: string): Promise<void> {
  await q.query('SELECT id FROM participants WHERE id = $1 FOR UPDATE', [id]);
}
