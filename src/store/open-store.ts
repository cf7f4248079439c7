import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RetryPolicy } from './drivers/postgres/connection-loss.js';
import { lockDataDir } from './drivers/pglite/data-dir-lock.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPglite } from './drivers/pglite/pglite-db.js';
import { openPostgres } from './drivers/postgres/postgres-db.js';

export interface StoreOptions {
  /** PGlite data directory (default ./data); ignored when `databaseUrl` is set. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL connection string (default: the DATABASE_URL environment variable). */
  readonly databaseUrl?: string | undefined;
  /** The command opening it, named in the PGlite lock file and in a refusal (default `serve`). */
  readonly command?: string;
  /** The command only reads: a refusal says it cannot read rather than cannot open. */
  readonly readOnly?: boolean;
  /** How a lost PostgreSQL connection is retried and logged. */
  readonly retry?: RetryPolicy;
}

/**
 * Open the database the options (or DATABASE_URL) name and bring its schema up to date. A PGlite
 * directory is locked to this process until `db.close()` (see data-dir-lock.ts).
 */
export async function openStore(options: StoreOptions = {}): Promise<{ db: Db; where: string }> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  let db: Db;
  let where: string;
  if (url) {
    db = openPostgres(url, options.retry ? { retry: options.retry } : {});
    where = `PostgreSQL at ${new URL(url).host}`;
  } else {
    const dir = resolve(options.dataDir ?? 'data');
    mkdirSync(dir, { recursive: true });
    const lock = lockDataDir(dir, options.command ?? 'serve', new Date(), options.readOnly ?? false);
    try {
      const lite = await openPglite(dir);
      db = { ...lite, close: () => lite.close().finally(() => lock.release()) };
    } catch (e) {
      lock.release();
      throw e;
    }
    where = `embedded database in ${dir}`;
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return { db, where };
}
