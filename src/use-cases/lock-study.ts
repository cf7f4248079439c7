import { AppError } from '../errors/app-error.js';
import { audited, type WriteContext } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { studyLock, type StudyLock } from '../store/lock.js';
import { studies } from '../store/schema/index.js';
import { storeErrors } from '../store/errors.js';
import { lockErrors } from '../store/lock-errors.js';

/** Lock the study's database, audited with the reason; a second lock is refused. */
export async function lockStudy(db: Db, ctx: Omit<WriteContext, 'studyId'>, studyId: string, reason: string): Promise<StudyLock> {
  return audited(db, { ...ctx, studyId, lockWrite: true }, async (w) => {
    const current = await studyLock(w.tx, studyId);
    if (!current) throw new AppError(storeErrors.NOT_FOUND, `No study "${studyId}" exists.`, 'studyId');
    if (current.locked) throw new AppError(lockErrors.ALREADY_LOCKED, `Study ${studyId} was already locked at ${current.lockedAt}.`, 'studyId');
    await w.update(studies, { id: studyId }, { locked_at: ctx.at, locked_by: ctx.actor, lock_reason: reason }, reason);
    return (await studyLock(w.tx, studyId)) as StudyLock;
  });
}
