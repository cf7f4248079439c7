import { resolve } from 'node:path';
import { verifyAudit } from '../../audit/verify-anchors.js';
import { backupPglite, restorePglite } from '../../backup/pglite-backup.js';
import { backupPostgres, restorePostgres } from '../../backup/postgres-backup.js';
import { AppError } from '../../errors/app-error.js';
import { openStore } from '../../store/open-store.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';
import { auditErrors } from '../../audit/errors.js';

interface Options {
  data: string;
  json?: boolean;
}

export const register: Register = (program) => {
  program
    .command('backup')
    .description('Write a consistent backup: the PGlite directory as a tarball, or PostgreSQL through pg_dump (DATABASE_URL).')
    .requiredOption('--out <file>', 'the backup file to write')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (opts: Options & { out: string }) => {
        const url = process.env.DATABASE_URL;
        const bytes = url ? backupPostgres(url, opts.out) : await backupPglite(resolve(opts.data), opts.out, new Date());
        const result = { file: opts.out, bytes, database: url ? 'postgres' : 'pglite' };
        if (opts.json) printJson(result);
        else process.stdout.write(`Wrote a ${result.database} backup of ${bytes} bytes to ${opts.out}.\n`);
      }),
    );
  program
    .command('restore')
    .description('Restore a backup into an empty data directory (--data) or empty PostgreSQL database (DATABASE_URL), then verify its audit chains and checkpoints.')
    .argument('<file>', 'a file written by il2trials backup')
    .option('--data <dir>', 'embedded database directory to create (ignored when DATABASE_URL is set)', 'data')
    .option('--json', 'print the verification as JSON')
    .action(
      action(async (file: string, opts: Options) => {
        const url = process.env.DATABASE_URL;
        if (url) await restorePostgres(file, url);
        else await restorePglite(file, resolve(opts.data), new Date());
        const { db } = await openStore({ dataDir: opts.data, command: 'restore' });
        try {
          const result = await verifyAudit(db);
          if (opts.json) printJson(result);
          if (result.kind === 'broken') {
            if (opts.json) process.exitCode = 1;
            else throw new AppError(auditErrors.CHAIN_BROKEN, `Restored, but the audit trail does not verify: ${result.message}`);
          } else if (!opts.json) process.stdout.write(`Restored ${file}; audit trail intact: ${result.records} records in ${Object.keys(result.chains).length} chains, every checkpoint present.\n`);
        } finally {
          await db.close();
        }
      }),
    );
};
