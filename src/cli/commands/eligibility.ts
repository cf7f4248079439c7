import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { evaluateEligibility } from '../../eligibility/evaluate.js';
import { formatExpr } from '../../eligibility/expression.js';
import { parseCriteriaText } from '../../eligibility/parse-criteria.js';
import { readFacts } from '../../eligibility/patient-facts.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { correctCriteria } from '../../use-cases/correct-criterion.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { dataOption, optionValue, withOperator } from '../store-command.js';
import { eligibilityErrors } from '../../eligibility/errors.js';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new AppError(eligibilityErrors.UNREADABLE_FILE, `Cannot read the file "${file}".`, file);
  }
}

/** Today's date in UTC, the default reference date of the command line (the domain takes it as input). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A corrections file: criterion id → expression in the criteria language, or null to go back to the parse. */
function readCorrections(file: string): Record<string, string | null> {
  let doc: unknown;
  try {
    doc = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(eligibilityErrors.BAD_CRITERIA_FILE, `The criteria file "${file}" is not valid JSON.`, file);
  }
  const r = z.record(z.string(), z.string().trim().min(1).nullable()).safeParse(doc);
  if (!r.success)
    throw new AppError(
      eligibilityErrors.BAD_CRITERIA_FILE,
      `The criteria file "${file}" must be a JSON object of criterion ids to expressions (or null), like {"exc-2": "diagnoses has sepsis"}.`,
      file,
    );
  return r.data;
}

export const register: Register = (program: Command) => {
  const eligibility = program.command('eligibility').description("Parse eligibility criteria, check one patient against a protocol, and correct a study's criteria by hand.");

  eligibility
    .command('set')
    .description("Save computable expressions for a study's criteria: into the protocol of a design study, or as an amendment of a live one (which needs --reason and --effective-date).")
    .argument('<id>', 'the study id')
    .requiredOption('--criteria <file>', 'JSON object of criterion id to expression, e.g. {"exc-2": "diagnoses has bacteremia or diagnoses has sepsis"} (null: back to the parse)')
    .option('--reason <text>', "why (the amendment's reason once live)")
    .option('--effective-date <YYYY-MM-DD>', 'the day the amendment takes effect (a live study)')
    .option(...dataOption)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, opts: { criteria: string; reason?: string; effectiveDate?: string; data: string; json?: boolean }) => {
        const corrections = readCorrections(opts.criteria);
        const effectiveDate = opts.effectiveDate === undefined ? undefined : optionValue(z.iso.date(), opts.effectiveDate, '--effective-date');
        const r = await withOperator(opts.data, 'eligibility set', (c) => correctCriteria(c, id, { corrections, reason: opts.reason, effectiveDate }));
        if (opts.json) return printJson(r);
        const which = Object.keys(corrections).join(', ');
        const a = r.amendment;
        process.stdout.write(
          a
            ? `Study ${id}: criteria ${which} corrected as version ${a.version} (from ${a.fromVersion}), in force from ${a.effectiveDate}.\n`
            : `Study ${id}: criteria ${which} corrected in the design (version ${r.protocolVersion}).\n`,
        );
      }),
    );

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
        // Lines kept but not taken as criteria ("None" under a heading, a paragraph after a list): said, not silently dropped.
        if (parsed.notes.length > 0) process.stdout.write(`\nNot criteria (kept as notes):\n${parsed.notes.map((n) => `  ${n}\n`).join('')}`);
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
          throw new AppError(eligibilityErrors.BAD_FACTS_FILE, `The facts file "${opts.facts}" is not valid JSON.`, opts.facts);
        }
        const ref = { screening: opts.date ?? today(), ...(opts.firstDose ? { firstDose: opts.firstDose } : {}) };
        const result = evaluateEligibility(protocolCriteria(protocol.eligibility), readFacts(doc), ref);
        if (opts.json) return printJson({ protocol: id, reference: ref, ...result });
        process.stdout.write(`${id}: ${result.status}\n`);
        process.stdout.write(
          formatTable(
            ['id', 'status', 'excludes', 'reason'],
            result.criteria.map((c) => [c.id, c.status, c.fails ? 'yes' : '', c.reason]),
          ),
        );
      }),
    );
};
