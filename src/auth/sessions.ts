import type { Db } from '../store/db.js';
import { principalColumns, toPrincipal } from './accounts.js';
import { randomSecret, sha256 } from './passwords.js';
import type { Principal } from './principal.js';

/** A session lasts a working day; after that the user logs in again. */
export const sessionHours = 12;

/** Start a session; returns the secret for the `sid` cookie (only its hash is stored). Expired sessions are purged on the way. */
export async function createSession(db: Db, userId: string, now: Date): Promise<string> {
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  const sid = randomSecret();
  const expires = new Date(now.getTime() + sessionHours * 3600_000);
  await db.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256(sid), userId, now, expires]);
  return sid;
}

/** The signed-in user of a live session, with their roles, in one query (every request asks it). */
export async function principalFromSession(db: Db, sid: string, now: Date): Promise<Principal | undefined> {
  const [u] = await db.query<Parameters<typeof toPrincipal>[0]>(
    `SELECT ${principalColumns} FROM sessions s JOIN users u ON u.id = s.user_id AND NOT u.disabled WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [sha256(sid), now],
  );
  return u && toPrincipal(u);
}

export async function endSession(db: Db, sid: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(sid)]);
}
