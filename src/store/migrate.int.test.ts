import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPglite } from './drivers/pglite/pglite-db.js';
import { openPostgres } from './drivers/postgres/postgres-db.js';
import { testDatabases } from './test-databases.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const databases = testDatabases();

describe.each(databases)('migrations on $kind', (database) => {
  it('creates every table and records each migration once; a second run applies nothing', async () => {
    const db = await database.fresh();
    const tables = (await db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => r.t);
    for (const t of [
      'studies',
      'sites',
      'users',
      'role_assignments',
      'sessions',
      'api_tokens',
      'participants',
      'screening_records',
      'consents',
      'enrolments',
      'visits',
      'observations',
      'doses',
      'adverse_events',
      'queries',
      'audit',
    ]) {
      expect(tables).toContain(t);
    }
    expect(await migrate(db)).toEqual([]);
  });

  it('keeps returned dates as YYYY-MM-DD strings and bigints as numbers', async () => {
    const db = await database.fresh();
    const [r] = await db.query<{ d: unknown; n: unknown }>("SELECT date '2024-02-29' AS d, 9007199254740991::bigint AS n");
    expect(r).toEqual({ d: '2024-02-29', n: 9007199254740991 });
  });

  if (database.kind === 'postgres') {
    it('lets two processes start together: both migrate, the schema is applied once', async () => {
      await database.fresh();
      const { pg } = await database.cluster!();
      const admin = openPostgres(pg.url(), { max: 1 });
      await admin.query('CREATE DATABASE race');
      await admin.close();
      const a = openPostgres(pg.url('race'));
      const b = openPostgres(pg.url('race'));
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      // One of them applied everything, the other found it done.
      expect([...ra, ...rb].sort()).toEqual([...new Set([...ra, ...rb])].sort());
      expect(ra.length === 0 || rb.length === 0).toBe(true);
      expect(ra.length + rb.length).toBeGreaterThan(1);
      await Promise.all([a.close(), b.close()]);
    });
  }
});

describe('PGlite data directory', () => {
  it('keeps data across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'il2trials-pglite-'));
    try {
      const first = await openPglite(dir);
      await migrate(first);
      await first.query("INSERT INTO studies (id, protocol_id, protocol_version, protocol, title) VALUES ('s', 'p', '1', '{}', 'Kept')");
      await first.close();
      const second = await openPglite(dir);
      expect(await migrate(second)).toEqual([]);
      expect(await second.query('SELECT title FROM studies')).toEqual([{ title: 'Kept' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
