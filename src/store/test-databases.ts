import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import type { Db, DbKind } from './db.js';
import { migrate } from './migrate.js';
import { openPglite } from './drivers/pglite/pglite-db.js';
import { openPostgres } from './drivers/postgres/postgres-db.js';
import { postgresTestsEnabled, startTestPostgres, type TestPostgres } from './test-postgres.js';

/** One database engine the suite runs on; `fresh()` gives a new, migrated, empty database. */
export interface TestDatabase {
  readonly kind: DbKind;
  fresh(): Promise<Db>;
  /** PostgreSQL only: the cluster, to open more connections (other roles, other processes). */
  cluster?(): Promise<{ pg: TestPostgres; database: string }>;
}

/**
 * The engines to parametrise a suite over (`describe.each(testDatabases())`): PGlite always,
 * PostgreSQL whenever it is installed (and always under CI). Call at the top of a test file: it
 * stops the cluster and closes every database after the file's tests.
 */
export function testDatabases(): TestDatabase[] {
  const opened: Db[] = [];
  let pg: Promise<TestPostgres> | undefined;
  let lastDatabase = '';
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
    if (pg) (await pg).stop();
  });
  const track = (db: Db) => (opened.push(db), db);
  // One in-memory PGlite per file (starting one takes seconds); fresh() empties it by recreating the schema.
  let lite: Promise<Db> | undefined;
  const pglite: TestDatabase = {
    kind: 'pglite',
    async fresh() {
      const db = await (lite ??= openPglite().then(track));
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await migrate(db);
      return { ...db, close: async () => undefined };
    },
  };
  const cluster = () => (pg ??= startTestPostgres());
  const postgres: TestDatabase = {
    kind: 'postgres',
    async fresh() {
      const c = await cluster();
      const name = `t_${randomUUID().replace(/-/g, '')}`;
      const admin = openPostgres(c.url(), { max: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      lastDatabase = name;
      const db = track(openPostgres(c.url(name)));
      await migrate(db);
      return db;
    },
    async cluster() {
      return { pg: await cluster(), database: lastDatabase };
    },
  };
  return postgresTestsEnabled() ? [pglite, postgres] : [pglite];
}
