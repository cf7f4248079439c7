import type { Principal } from '../../auth/principal.js';
import { sha256 } from '../../auth/passwords.js';
import { AppError } from '../../errors/app-error.js';
import { audited } from '../../store/audited-tx.js';
import type { Db } from '../../store/db.js';
import { sessions } from '../../store/schema/index.js';
import { storeErrors } from '../../store/errors.js';

export interface OwnSession {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** The session this request came with. */
  readonly current: boolean;
}

/** The user's sessions that have not expired, newest first. */
export async function listOwnSessions(db: Db, me: Principal, now: Date, currentSecret: string | undefined): Promise<OwnSession[]> {
  const rows = await db.query<{ id: string; token_hash: string; created_at: Date; expires_at: Date }>(
    'SELECT id, token_hash, created_at, expires_at FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC, id',
    [me.userId, now],
  );
  const current = currentSecret ? sha256(currentSecret) : undefined;
  return rows.map((r) => ({ id: r.id, createdAt: new Date(r.created_at).toISOString(), expiresAt: new Date(r.expires_at).toISOString(), current: r.token_hash === current }));
}

/** End one of the user's own sessions (signing out another browser), audited; another user's is a 404. */
export async function revokeOwnSession(db: Db, me: Principal, at: Date, sessionId: string): Promise<void> {
  const valid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sessionId);
  await audited(db, { actor: me.userId, at, studyId: null }, async (w) => {
    const mine = valid ? await w.tx.query('SELECT 1 FROM sessions WHERE id = $1 AND user_id = $2', [sessionId, me.userId]) : [];
    if (mine.length === 0) throw new AppError(storeErrors.NOT_FOUND, `You have no session "${sessionId}".`, 'sessionId');
    await w.remove(sessions, { id: sessionId }, 'session revoked by its user');
  });
}
