import { AppError } from '../errors/app-error.js';
import type { Queryable } from './db.js';
import type { studies, Row } from './schema/index.js';
import { lockErrors } from './lock-errors.js';

export interface StudyLock {
  readonly locked: boolean;
  readonly lockedAt: string | null;
  readonly lockedBy: string | null;
  readonly reason: string | null;
}

type LockRow = Pick<Row<typeof studies>, 'locked_at' | 'locked_by' | 'lock_reason'>;

const toLock = (r: LockRow): StudyLock => ({
  locked: r.locked_at !== null,
  lockedAt: r.locked_at === null ? null : r.locked_at.toISOString(),
  lockedBy: r.locked_by,
  reason: r.lock_reason,
});

/** The study's lock state; undefined when the study does not exist. */
export async function studyLock(q: Queryable, studyId: string): Promise<StudyLock | undefined> {
  const [r] = await q.query<LockRow>('SELECT locked_at, locked_by, lock_reason FROM studies WHERE id = $1', [studyId]);
  return r && toLock(r);
}

/**
 * Refuse a write to a locked study. `FOR SHARE` makes writers and the lock (which updates the row)
 * take turns, so no write commits after a lock that it did not see.
 */
export async function assertUnlocked(q: Queryable, studyId: string): Promise<void> {
  const [r] = await q.query<Pick<LockRow, 'locked_at'>>('SELECT locked_at FROM studies WHERE id = $1 FOR SHARE', [studyId]);
  if (r && r.locked_at !== null) throw new AppError(lockErrors.STUDY_LOCKED, `Study ${studyId} is locked: its data can no longer be changed.`, 'studyId');
}
