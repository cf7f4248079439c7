import { describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../store/drivers/postgres/connection-loss.js';
import { migrate } from '../store/migrate.js';
import { openPostgres } from '../store/drivers/postgres/postgres-db.js';
import { postgresTestsEnabled, startTestPostgres } from '../store/test-postgres.js';
import { testApp } from './test-app.js';

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.runIf(postgresTestsEnabled())('the server and a PostgreSQL connection that goes away', () => {
  it('retries a request whose backend is terminated mid-query, answers 503 while the database is down, and serves again when it returns', async () => {
    const pg = await startTestPostgres();
    // Stopped in the test itself: a hook registered inside a test is not run when it fails or times out.
    try {
      const logged: string[] = [];
      const retry: RetryPolicy = { delaysMs: [50, 200, 400], log: (m) => logged.push(m) };
      const db = openPostgres(pg.url(), { max: 4, retry });
      await migrate(db);
      const t = await testApp(db);
      await t.user('ana', [{ role: 'admin', studyId: null, siteId: null }]);
      const cookie = await t.login('ana');
      const studies = () => t.app.inject({ method: 'GET', url: '/api/studies', headers: { cookie } });
      expect((await studies()).statusCode).toBe(200);

      // Mid-request: the listing waits on a lock another connection holds; its backend is then killed.
      const locker = openPostgres(pg.url(), { max: 1, retry });
      const killed = locker.transaction(async (tx) => {
        await tx.query('LOCK TABLE studies IN ACCESS EXCLUSIVE MODE');
        const pending = studies();
        const waiting = async () => (await tx.query(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()`)).length > 0;
        await until('the request to wait on the lock', waiting);
        const n = await tx.query<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = 'postgres' AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );
        expect(n[0]!.n).toBeGreaterThan(0);
        // Wrapped, so the lock is released (COMMIT) before the request is awaited.
        return { pending };
      });
      const answered = await (await killed).pending;
      expect(answered.statusCode).toBe(200);
      expect((answered.json() as unknown[]).length).toBe(2);
      expect(logged.some((m) => m.startsWith('database connection lost; retry 1'))).toBe(true);

      // The database goes down: refused with 503 and the one error body, not a crash or a 500.
      pg.halt();
      const down = await studies();
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not reachable just now; try again in a moment.' } });
      expect(logged).toContain('database connection lost; answering 503');

      // And back: the same server, with no restart, serves again.
      pg.resume();
      const back = await studies();
      expect(back.statusCode).toBe(200);
      expect((back.json() as unknown[]).length).toBe(2);
    } finally {
      pg.stop();
    }
  }, 60_000);
});
