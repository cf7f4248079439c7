import { verifyAuditTrail } from '../../audit/verify-audit.js';
import { AppError } from '../../errors/app-error.js';
import { openStore } from '../../store/open-store.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';

export const register: Register = (program) => {
  const audit = program.command('audit').description('The tamper-evident audit trail.');
  audit
    .command('verify')
    .description('Recompute the hash chain of the audit trail; exit 1 naming the first broken record.')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (opts: { data: string; json?: boolean }) => {
        const { db } = await openStore({ dataDir: opts.data });
        try {
          const result = await verifyAuditTrail(db);
          if (opts.json) printJson(result);
          if (result.kind === 'broken') {
            if (opts.json) process.exitCode = 1;
            else throw new AppError('AuditChainBroken', result.message, 409);
          } else if (!opts.json) {
            process.stdout.write(`Audit trail intact: ${result.records} records, last hash ${result.lastHash}.\n`);
          }
        } finally {
          await db.close();
        }
      }),
    );
};
