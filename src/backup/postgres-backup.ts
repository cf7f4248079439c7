import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { openPostgres } from '../store/drivers/postgres/postgres-db.js';
import { backupErrors } from './errors.js';

/** pg_dump's custom-format archives start with "PGDMP" (PostgreSQL source, pg_backup_archiver.c). */
const isPgDump = (b: Buffer) => b.subarray(0, 5).toString('latin1') === 'PGDMP';

/** A PostgreSQL client tool from PATH, else from Debian's /usr/lib/postgresql/<newest>/bin. */
function tool(name: 'pg_dump' | 'pg_restore'): string {
  const onPath = spawnSync(name, ['--version'], { stdio: 'ignore' });
  if (onPath.status === 0) return name;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined) throw new AppError(backupErrors.FAILED, `${name} is not installed (apt-get install postgresql-client); a PostgreSQL backup needs it.`);
  return join(root, versions[0], 'bin', name);
}

function run(cmd: string, args: readonly string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) {
    // The tool's own first line, without the connection string (which may hold a password).
    const line = (r.stderr || r.error?.message || 'no output').split('\n')[0]!.replace(/postgres(ql)?:\/\/\S+/g, '<database>');
    throw new AppError(backupErrors.FAILED, `${cmd.split('/').pop()} failed: ${line}`);
  }
}

/** pg_dump's custom format: the whole database in one snapshot (its transaction is REPEATABLE READ). */
export function backupPostgres(url: string, out: string): number {
  run(tool('pg_dump'), ['--format=custom', '--no-owner', '--no-acl', `--file=${out}`, `--dbname=${url}`]);
  return statSync(out).size;
}

/** Load an archive into an empty database, in one transaction (all or nothing). */
export async function restorePostgres(file: string, url: string): Promise<void> {
  if (!isPgDump(readFileSync(file).subarray(0, 5))) throw new AppError(backupErrors.WRONG_BACKUP_KIND, `${file} is not a pg_dump archive (from il2trials backup with DATABASE_URL set).`, 'file');
  const db = openPostgres(url, { max: 1 });
  try {
    const [{ n }] = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")) as [{ n: number }];
    if (n > 0) throw new AppError(backupErrors.RESTORE_TARGET_NOT_EMPTY, `The database at ${new URL(url).host}${new URL(url).pathname} already has ${n} tables; restore into a new, empty database.`);
  } finally {
    await db.close();
  }
  run(tool('pg_restore'), ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file]);
}
