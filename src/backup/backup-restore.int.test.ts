import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliWithEnv } from '../cli/commands/run-cli.test-helper.js';
import { loadDemoCohorts } from '../demo/load-demo.js';
import { ensureBuiltinStudies } from '../use-cases/studies/builtin-studies.js';
import type { Db } from '../store/db.js';
import { openPostgres } from '../store/drivers/postgres/postgres-db.js';
import { migrate } from '../store/migrate.js';
import { openStore } from '../store/open-store.js';
import { postgresTestsEnabled, startTestPostgres } from '../store/test-postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = new Date('2025-06-02T08:00:00Z');

/** What a restore must reproduce: the rows of the main tables and the audit trail's head. */
async function fingerprint(db: Db): Promise<unknown> {
  return db.query(
    `SELECT (SELECT count(*)::int FROM participants) AS participants, (SELECT count(*)::int FROM doses) AS doses,
            (SELECT count(*)::int FROM observations) AS observations, (SELECT count(*)::int FROM audit) AS audit,
            (SELECT hash FROM audit ORDER BY seq DESC LIMIT 1) AS head, (SELECT count(*)::int FROM audit_checkpoints) AS checkpoints`,
  );
}

async function seed(db: Db): Promise<void> {
  await ensureBuiltinStudies(db, at);
  await loadDemoCohorts(db, 1, '2025-06-02', at);
}

describe('backup and restore', () => {
  it('copies a PGlite directory consistently and restores it into a new one, verifying the audit trail', async () => {
    const data = join(dir, 'data');
    const { db } = await openStore({ dataDir: data, databaseUrl: '' });
    await seed(db);
    const before = await fingerprint(db);
    await db.close();
    const file = join(dir, 'pglite.tgz');
    const backup = cliWithEnv({ DATABASE_URL: '' }, 'backup', '--data', data, '--out', file, '--json');
    expect(backup.stderr).toBe('');
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, database: 'pglite' });
    const restored = join(dir, 'restored');
    const restore = cliWithEnv({ DATABASE_URL: '' }, 'restore', file, '--data', restored, '--json');
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ kind: 'intact' });
    const again = await openStore({ dataDir: restored, databaseUrl: '' });
    expect(await fingerprint(again.db)).toEqual(before);
    await again.db.close();
    // Never over existing data.
    const over = cliWithEnv({ DATABASE_URL: '' }, 'restore', file, '--data', restored);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`il2trials: The data directory ${restored} is not empty; restore into a new directory.\n`);
  }, 300_000);

  it.runIf(postgresTestsEnabled())(
    'dumps PostgreSQL with pg_dump and restores with pg_restore into an empty database, and a backup missing its last audit records restores as broken',
    async () => {
      const pg = await startTestPostgres();
      afterAll(() => pg.stop());
      const admin = openPostgres(pg.url(), { max: 1 });
      for (const name of ['source', 'copy', 'damaged']) await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      const source = openPostgres(pg.url('source'));
      await migrate(source);
      await seed(source);
      const before = await fingerprint(source);
      const file = join(dir, 'pg.dump');
      const backup = cliWithEnv({ DATABASE_URL: pg.url('source') }, 'backup', '--out', file, '--json');
      expect(backup.stderr).toBe('');
      expect(JSON.parse(backup.stdout)).toMatchObject({ database: 'postgres' });
      const restore = cliWithEnv({ DATABASE_URL: pg.url('copy') }, 'restore', file, '--json');
      expect(restore.stderr).toBe('');
      expect(JSON.parse(restore.stdout)).toMatchObject({ kind: 'intact' });
      const copy = openPostgres(pg.url('copy'));
      expect(await fingerprint(copy)).toEqual(before);
      await copy.close();
      expect(cliWithEnv({ DATABASE_URL: pg.url('copy') }, 'restore', file).stderr).toMatch(
        /^il2trials: The database at 127\.0\.0\.1:\d+\/copy already has \d+ tables; restore into a new, empty database\.\n$/,
      );
      expect(cliWithEnv({ DATABASE_URL: pg.url('damaged') }, 'restore', join(dir, 'pglite.tgz')).stderr).toMatch(/is not a pg_dump archive/);

      // The owner removes the newest audit record before the backup: the restore says so.
      const [last] = await source.query<{ seq: number }>('SELECT max(seq)::int AS seq FROM audit');
      await source.exec(`ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete; DELETE FROM audit WHERE seq = ${last!.seq}; ALTER TABLE audit ENABLE TRIGGER audit_no_update_delete;`);
      await source.close();
      expect(cliWithEnv({ DATABASE_URL: pg.url('source') }, 'backup', '--out', file).code).toBe(0);
      const damaged = cliWithEnv({ DATABASE_URL: pg.url('damaged') }, 'restore', file);
      expect(damaged.code).toBe(1);
      expect(damaged.stderr).toMatch(new RegExp(`^il2trials: Restored, but the audit trail does not verify: Audit record ${last!.seq}, the head of chain \\S+ in the checkpoint table, is missing`));
    },
    300_000,
  );
});
