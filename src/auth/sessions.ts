import type { Db } from '../store/db.js';
import { loadPrincipal } from './accounts.js';
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

export async function principalFromSession(db: Db, sid: string, now: Date): Promise<Principal | undefined> {
  const [s] = await db.query<{ user_id: string }>('SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2', [sha256(sid), now]);
  return s ? loadPrincipal(db, s.user_id) : undefined;
}

export async function endSession(db: Db, sid: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(sid)]);
}
