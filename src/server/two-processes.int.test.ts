import { type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../audit/verify-audit.js';
import { serveProcess, type Served } from '../cli/commands/serve-process.test-helper.js';
import { openPostgres } from '../store/drivers/postgres/postgres-db.js';
import { postgresTestsEnabled, startTestPostgres } from '../store/test-postgres.js';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

async function serve(databaseUrl: string): Promise<Served> {
  const s = await serveProcess([], { DATABASE_URL: databaseUrl });
  children.push(s.child);
  return s;
}

describe.runIf(postgresTestsEnabled())('two server processes on one PostgreSQL', () => {
  it('serve the same study, share sessions, and keep one audit chain', async () => {
    const pg = await startTestPostgres();
    afterAll(() => pg.stop());
    const [a, b] = await Promise.all([serve(pg.url()), serve(pg.url())]);
    // Exactly one of them created the administrator (and printed the password once).
    const admins = [a.admin, b.admin].filter((x) => x !== null);
    expect(admins).toHaveLength(1);
    const login = await fetch(`${a.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admins[0]) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    // The first administrator changes the printed password before anything else (audited: one record).
    const changed = await fetch(`${b.url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: admins[0]!.password, newPassword: 'a long and unusual phrase for the trial 7' }),
    });
    expect(changed.status).toBe(200);
    const site = (await (await fetch(`${b.url}/api/studies/als-il2/sites`, { headers: { cookie } })).json()) as { id: string }[];
    // 20 participants created alternately through both processes, concurrently.
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/api/studies/als-il2/participants`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ siteId: site[0]!.id, code: `P-${i}`, sex: 'male', birthDate: '1961-03-03' }),
        }).then((r) => r.status),
      ),
    );
    expect(created).toEqual(Array(20).fill(201));
    const fromA = (await (await fetch(`${a.url}/api/studies/als-il2/participants`, { headers: { cookie } })).json()) as unknown[];
    const fromB = (await (await fetch(`${b.url}/api/studies/als-il2/participants`, { headers: { cookie } })).json()) as unknown[];
    expect(fromA).toHaveLength(20);
    expect(fromB).toEqual(fromA);
    const db = openPostgres(pg.url(), { max: 1 });
    // 4 studies each created and activated (8) + the sealed allocation lists of the 2 randomized ones
    // + their 4 sites + admin user and role + the admin's password change + 20 participants: one unbroken chain.
    expect(await verifyAuditTrail(db)).toMatchObject({ kind: 'intact', records: 8 + 2 + 4 + 2 + 1 + 20 });
    expect(await db.query('SELECT count(*)::int AS n FROM studies')).toEqual([{ n: 4 }]);
    await db.close();
  });
});
