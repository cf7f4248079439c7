import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../auth/accounts.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { Db } from '../../store/db.js';
import { createStudy } from '../../store/studies.js';
import { testDatabases } from '../../store/test-databases.js';
import { buildServer } from '../app.js';
import { testPassword } from '../test-app.js';

const databases = testDatabases();
const t0 = new Date('2025-06-02T09:00:00.000Z');
const system = { actor: 'system', at: t0, studyId: null };

/** A server whose clock the test moves. */
async function setup(db: Db) {
  let clock = t0;
  await createStudy(db, system, getBuiltinProtocol('als-il2'));
  await createStudy(db, system, getBuiltinProtocol('sle-il2'));
  const app = await buildServer({ db, now: () => clock });
  const login = (username: string, password: string, remoteAddress = '10.0.0.1') => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  return { app, login, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
}

describe.each(databases)('sign-in and API tokens on $kind', (database) => {
  it('delays after 3 wrong passwords and locks the account for 15 minutes after 10, even for the right password', async () => {
    const db = await database.fresh();
    const s = await setup(db);
    await createUser(db, system, { username: 'ana', displayName: 'Ana', password: testPassword, roles: [] });
    for (let i = 1; i <= 3; i++) expect((await s.login('ana', 'wrong')).statusCode).toBe(401);
    expect((await s.login('ana', 'wrong')).statusCode).toBe(401); // the 4th: then wait 1 s
    const waiting = await s.login('ana', testPassword);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    expect(waiting.json().error).toEqual({ code: 'AUTH_SIGN_IN_THROTTLED', message: 'Too many failed sign-ins for this account or from this address: try again in 1 second.' });
    s.advance(1000);
    expect((await s.login('ana', testPassword)).statusCode).toBe(200); // success clears the account
    // Ten failures in a row, each after its wait (1, 2, 4, 8, 16, 32 s), lock the account.
    for (let n = 1; n <= 10; n++) {
      expect((await s.login('ana', 'wrong', `10.0.1.${n}`)).statusCode).toBe(401);
      s.advance(n > 3 ? 1000 * 2 ** (n - 4) : 0);
    }
    s.advance(14 * 60_000 - 60_000);
    const locked = await s.login('ana', testPassword, '10.0.2.1');
    expect(locked.statusCode).toBe(429);
    s.advance(15 * 60_000);
    expect((await s.login('ana', testPassword, '10.0.2.1')).statusCode).toBe(200);
  });

  it('throttles an address guessing many names, and 50 parallel guesses at one account are not all answered', async () => {
    const db = await database.fresh();
    const s = await setup(db);
    await createUser(db, system, { username: 'ben', displayName: 'Ben', password: testPassword, roles: [] });
    for (let i = 0; i < 20; i++) expect((await s.login(`user${i}`, 'guess', '10.9.9.9')).statusCode).toBe(401);
    expect((await s.login('user20', 'guess', '10.9.9.9')).statusCode).toBe(401);
    expect((await s.login('ben', testPassword, '10.9.9.9')).statusCode).toBe(429);
    expect((await s.login('ben', testPassword, '10.9.9.8')).statusCode).toBe(200);
    const parallel = await Promise.all(Array.from({ length: 50 }, (_, i) => s.login('ben', `wrong${i}`, `10.8.0.${i}`)));
    const answered = parallel.filter((r) => r.statusCode === 401).length;
    // Only the 3 free failures and the 4th are checked; the rest wait their turn and are refused.
    expect(answered).toBe(4);
    expect(parallel.filter((r) => r.statusCode === 429)).toHaveLength(46);
  });

  it('answers an unknown name as slowly as a wrong password for a known one (a dummy argon2 hash is verified)', async () => {
    const db = await database.fresh();
    const s = await setup(db);
    for (let i = 0; i < 6; i++) await createUser(db, system, { username: `known${i}`, displayName: 'K', password: testPassword, roles: [] });
    const time = async (username: string) => {
      const start = performance.now();
      expect((await s.login(username, 'wrong password', `10.7.0.${username.length}`)).statusCode).toBe(401);
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await time(`known${i}`));
      unknown.push(await time(`nobody${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Before: 2 ms against 15 ms (ratio 0.13). An argon2id verification dominates both now.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.6);
    expect(median(unknown) / median(known)).toBeLessThan(1.6);
  });

  it('issues named, scoped, read-only, expiring tokens that are listed, revocable, cannot mint, and die with their user', async () => {
    const db = await database.fresh();
    const s = await setup(db);
    const site = getBuiltinProtocol('als-il2').sites[0]!.id;
    const roles = [
      { studyId: 'als-il2', siteId: site, role: 'coordinator' as const },
      { studyId: 'sle-il2', siteId: null, role: 'monitor' as const },
    ];
    const userId = await createUser(db, system, { username: 'cy', displayName: 'Cy', password: testPassword, roles });
    const cookie = `sid=${(await s.login('cy', testPassword)).cookies[0]!.value}`;
    const mint = (payload: object, headers: Record<string, string> = { cookie }) => s.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload });
    const readOnly = await mint({ name: 'nightly export', roles: [roles[1]], readOnly: true, days: 30 });
    expect(readOnly.statusCode).toBe(201);
    expect(readOnly.json().expiresAt).toBe('2025-07-02T09:00:00.000Z');
    const writer = (await mint({ name: 'site import' })).json();
    const as = (token: string) => ({ authorization: `Bearer ${token}` });

    // Scope: the read-only token sees only the monitor's study, and may not write.
    const studies = await s.app.inject({ url: '/api/studies', headers: as(readOnly.json().token) });
    expect(studies.json().map((x: { id: string }) => x.id)).toEqual(['sle-il2']);
    const write = await s.app.inject({
      method: 'POST',
      url: '/api/studies/als-il2/participants',
      headers: as(readOnly.json().token),
      payload: { siteId: site, code: 'T-1', sex: 'male', birthDate: '1960-01-01' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('AUTH_TOKEN_READ_ONLY');
    expect(
      (await s.app.inject({ method: 'POST', url: '/api/studies/als-il2/participants', headers: as(writer.token), payload: { siteId: site, code: 'T-2', sex: 'male', birthDate: '1960-01-01' } }))
        .statusCode,
    ).toBe(201);
    // A token cannot mint, list or revoke tokens.
    const minted = await mint({ name: 'child' }, as(writer.token));
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error.code).toBe('AUTH_TOKEN_CANNOT_MINT');
    expect((await s.app.inject({ url: '/api/auth/tokens', headers: as(writer.token) })).statusCode).toBe(403);
    // Nor can a session ask for a role its user lacks, or a token for ever.
    expect((await mint({ name: 'x', roles: [{ studyId: null, siteId: null, role: 'admin' }] })).json().error).toMatchObject({ code: 'AUTH_INVALID_TOKEN_SCOPE', path: 'roles.0' });
    expect((await mint({ name: 'x', days: 10_000 })).json().error).toMatchObject({ code: 'AUTH_INVALID_TOKEN_SCOPE', path: 'days' });

    // Listed (never the secret), revoked, expired.
    const listed = (await s.app.inject({ url: '/api/auth/tokens', headers: { cookie } })).json();
    expect(listed.map((t: { name: string; status: string; readOnly: boolean }) => [t.name, t.status, t.readOnly])).toEqual([
      ['nightly export', 'valid', true],
      ['site import', 'valid', false],
    ]);
    expect(JSON.stringify(listed)).not.toContain(writer.token);
    expect((await s.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${writer.id}`, headers: { cookie } })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/api/auth/me', headers: as(writer.token) })).statusCode).toBe(401);
    s.advance(30 * 86_400_000);
    expect((await s.app.inject({ url: '/api/auth/me', headers: as(readOnly.json().token) })).statusCode).toBe(401);
    const after = (await s.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode;
    expect(after).toBe(401); // the 12-hour session has expired too
    const cookie2 = `sid=${(await s.login('cy', testPassword)).cookies[0]!.value}`;
    expect((await s.app.inject({ url: '/api/auth/tokens', headers: { cookie: cookie2 } })).json().map((t: { status: string }) => t.status)).toEqual(['expired', 'revoked']);
    // Signing in again purged the expired session.
    expect(await db.query('SELECT count(*)::int AS n FROM sessions')).toEqual([{ n: 1 }]);

    // A disabled user's tokens stop working.
    const fresh = (await mint({ name: 'last' }, { cookie: cookie2 })).json();
    expect((await s.app.inject({ url: '/api/auth/me', headers: as(fresh.token) })).statusCode).toBe(200);
    await db.query('UPDATE users SET disabled = true WHERE id = $1', [userId]);
    expect((await s.app.inject({ url: '/api/auth/me', headers: as(fresh.token) })).statusCode).toBe(401);
  });
});
