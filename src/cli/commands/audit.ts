import { verifyAuditTrail } from '../../audit/verify-audit.js';
import { AppError } from '../../errors/app-error.js';
import { openStore } from '../../store/open-store.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';

export const register: Register = (program) => {
  const audit = program.command('audit').description('The tamper-evident audit trail.');
  audit
    .command('verify')
    .description('Recompute the hash chains of the audit trail (one per study); exit 1 naming the first broken record.')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--study <id>', "verify one study's chain alone")
    .option('--json', 'print the result as JSON')
    .action(
      action(async (opts: { data: string; study?: string; json?: boolean }) => {
        const { db } = await openStore({ dataDir: opts.data, command: 'audit verify', readOnly: true });
        try {
          const result = await verifyAuditTrail(db, opts.study === undefined ? {} : { studyId: opts.study });
          if (opts.json) printJson(result);
          if (result.kind === 'broken') {
            if (opts.json) process.exitCode = 1;
            else throw new AppError('AuditChainBroken', result.message, 409);
          } else if (!opts.json) {
            const chains = Object.entries(result.chains).map(([chain, tip]) => `  ${chain}: ${tip.records} records, last hash ${tip.lastHash}\n`);
            process.stdout.write(`Audit trail intact: ${result.records} records in ${chains.length} ${chains.length === 1 ? 'chain' : 'chains'}.\n${chains.join('')}`);
          }
        } finally {
          await db.close();
        }
      }),
    );
};
