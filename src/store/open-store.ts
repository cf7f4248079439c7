import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite-db.js';
import { openPostgres } from './postgres-db.js';

export interface StoreOptions {
  /** PGlite data directory (default ./data); ignored when `databaseUrl` is set. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL connection string (default: the DATABASE_URL environment variable). */
  readonly databaseUrl?: string | undefined;
}

/** Open the database the options (or DATABASE_URL) name and bring its schema up to date. */
export async function openStore(options: StoreOptions = {}): Promise<{ db: Db; where: string }> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  let db: Db;
  let where: string;
  if (url) {
    db = openPostgres(url);
    where = `PostgreSQL at ${new URL(url).host}`;
  } else {
    const dir = resolve(options.dataDir ?? 'data');
    mkdirSync(dir, { recursive: true });
    db = await openPglite(dir);
    where = `embedded database in ${dir}`;
  }
  await migrate(db);
  return { db, where };
}
