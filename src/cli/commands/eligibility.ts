import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../errors/app-error.js';
import { evaluateEligibility } from '../../eligibility/evaluate.js';
import { formatExpr } from '../../eligibility/expression.js';
import { parseCriteriaText } from '../../eligibility/parse-criteria.js';
import { readFacts } from '../../eligibility/patient-facts.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new AppError('UnreadableFile', `Cannot read the file "${file}".`, 404, file);
  }
}

/** Today's date in UTC, the default reference date of the command line (the domain takes it as input). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const register: Register = (program: Command) => {
  const eligibility = program.command('eligibility').description('Parse eligibility criteria and check one patient against a protocol.');

  eligibility
    .command('parse')
    .description('Parse criteria text ("Inclusion Criteria:" / "Exclusion Criteria:" headings) into computable, partly computable and attested criteria.')
    .argument('<file>', 'text file with the criteria')
    .option('--json', 'machine-readable output')
    .action(
      action((file: string, opts: { json?: boolean }) => {
        const parsed = parseCriteriaText(readText(file));
        if (opts.json) return printJson(parsed);
        process.stdout.write(
          formatTable(
            ['id', 'computability', 'expression', 'why not computable'],
            parsed.criteria.map((c) => [c.id, c.computability, formatExpr(c.expr), c.notComputable ?? '']),
          ),
        );
      }),
    );

  eligibility
    .command('check')
    .description('Check one patient (a JSON object of facts; see `il2trials screen ID --columns`) against a built-in protocol.')
    .argument('<id>', 'protocol id (ss-il2, sle-il2, als-il2, ae-il2)')
    .requiredOption('--facts <file>', 'JSON facts file, e.g. {"age": 40, "weight": "150 lb", "diagnoses": ["primary-sjogren"]}')
    .option('--date <date>', 'screening (reference) date, YYYY-MM-DD (default: today)')
    .option('--first-dose <date>', 'planned first-dose date, YYYY-MM-DD (windows before the first dose are unknown without it)')
    .option('--json', 'machine-readable output')
    .action(
      action((id: string, opts: { facts: string; date?: string; firstDose?: string; json?: boolean }) => {
        const protocol = getBuiltinProtocol(id);
        let doc: unknown;
        try {
          doc = JSON.parse(readText(opts.facts));
        } catch (e) {
          if (e instanceof AppError) throw e;
          throw new AppError('BadFactsFile', `The facts file "${opts.facts}" is not valid JSON.`, 422, opts.facts);
        }
        const ref = { screening: opts.date ?? today(), ...(opts.firstDose ? { firstDose: opts.firstDose } : {}) };
        const result = evaluateEligibility(protocolCriteria(protocol.eligibility), readFacts(doc), ref);
        if (opts.json) return printJson({ protocol: id, reference: ref, ...result });
        process.stdout.write(`${id}: ${result.status}\n`);
        process.stdout.write(formatTable(['id', 'status', 'excludes', 'reason'], result.criteria.map((c) => [c.id, c.status, c.fails ? 'yes' : '', c.reason])));
      }),
    );
};
