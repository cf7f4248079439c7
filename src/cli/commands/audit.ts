import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { headsOf, verifyAudit, type ChainHead } from '../../audit/verify-anchors.js';
import { AppError } from '../../errors/app-error.js';
import { openStore } from '../../store/open-store.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';
import { auditErrors } from '../../audit/errors.js';
import { requestErrors } from '../../errors/request-errors.js';

const checkpointFile = z.object({ writtenAt: z.string(), heads: z.array(z.object({ chain: z.string(), seq: z.number().int(), hash: z.string().regex(/^[0-9a-f]{64}$/) })) });

function readHeads(file: string): ChainHead[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError(requestErrors.INVALID_OPTION, `--checkpoint ${file} cannot be read.`, 'checkpoint');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(requestErrors.INVALID_OPTION, `--checkpoint ${file} is not JSON.`, 'checkpoint');
  }
  const r = checkpointFile.safeParse(json);
  if (!r.success) throw new AppError(requestErrors.INVALID_OPTION, `--checkpoint ${file}: field "${r.error.issues[0]!.path.join('.')}" is invalid (${r.error.issues[0]!.message}).`, 'checkpoint');
  return r.data.heads;
}

export const register: Register = (program) => {
  const audit = program.command('audit').description('The tamper-evident audit trail.');
  audit
    .command('verify')
    .description('Recompute the hash chains (one per study), check their checkpoints and that every audited row has its audit record; exit 1 naming the first fault.')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--study <id>', "verify one study's chain alone")
    .option('--checkpoint <file>', 'also check the chain heads kept outside the database (written by audit checkpoint --out)')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (opts: { data: string; study?: string; checkpoint?: string; json?: boolean }) => {
        const heads = opts.checkpoint === undefined ? undefined : readHeads(opts.checkpoint);
        const { db } = await openStore({ dataDir: opts.data, command: 'audit verify', readOnly: true });
        try {
          const result = await verifyAudit(db, { ...(opts.study === undefined ? {} : { studyId: opts.study }), ...(heads ? { heads } : {}) });
          if (opts.json) printJson(result);
          if (result.kind === 'broken') {
            if (opts.json) process.exitCode = 1;
            else throw new AppError(auditErrors.CHAIN_BROKEN, result.message);
          } else if (!opts.json) {
            const chains = Object.entries(result.chains).map(([chain, tip]) => `  ${chain}: ${tip.records} records, last hash ${tip.lastHash}\n`);
            process.stdout.write(`Audit trail intact: ${result.records} records in ${chains.length} ${chains.length === 1 ? 'chain' : 'chains'}.\n${chains.join('')}`);
          }
        } finally {
          await db.close();
        }
      }),
    );
  audit
    .command('checkpoint')
    .description("Verify the trail, then write each chain's head (last seq and hash) to a file to keep outside the database.")
    .requiredOption('--out <file>', 'where to write the heads (JSON)')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--json', 'print the heads as JSON')
    .action(
      action(async (opts: { data: string; out: string; json?: boolean }) => {
        const { db } = await openStore({ dataDir: opts.data, command: 'audit checkpoint', readOnly: true });
        try {
          const result = await verifyAudit(db);
          // A checkpoint of a broken trail would vouch for the damage.
          if (result.kind === 'broken') throw new AppError(auditErrors.CHAIN_BROKEN, result.message);
          const file = { writtenAt: new Date().toISOString(), heads: headsOf(result) };
          writeFileSync(opts.out, JSON.stringify(file, null, 2) + '\n');
          if (opts.json) printJson(file);
          else process.stdout.write(`Wrote the heads of ${file.heads.length} ${file.heads.length === 1 ? 'chain' : 'chains'} to ${opts.out}.\n`);
        } finally {
          await db.close();
        }
      }),
    );
};
