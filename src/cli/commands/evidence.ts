import { AppError } from '../../errors/app-error.js';
import { noMatch, parseDoseRange, queryEvidence, references, type DailyDose, type EvidenceRows } from '../../evidence/index.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { evidenceErrors } from '../../evidence/errors.js';

const arrow = (d: 'up' | 'down') => (d === 'up' ? '↑' : '↓');
const doses = (ds: readonly DailyDose[]) => ds.map((d) => `${d.amount}${d.perM2 ? '/m²' : ''}`).join(', ');

function printHuman(rows: EvidenceRows): void {
  const out = process.stdout;
  out.write('Published trials (daily dose in million IU):\n');
  out.write(
    formatTable(
      ['disease', 'daily dose', 'clinical efficacy', 'immunological changes', 'reference'],
      rows.published.map((r) => [
        r.disease,
        doses(r.dailyDoses),
        r.efficacyText,
        r.immunologicalChanges.map((c) => `${c.marker}${arrow(c.direction)}`).join(', '),
        `${r.citation} [${r.references.join(',')}]`,
      ]),
    ),
  );
  out.write('\nCompleted, not yet published:\n');
  out.write(
    formatTable(
      ['disease', 'year', 'type', 'number', 'country'],
      rows.unpublished.map((r) => [r.disease, r.year, r.type, r.number, r.country]),
    ),
  );
  const cited = [...new Set(rows.published.flatMap((r) => r.references))].sort((a, b) => a - b);
  if (cited.length > 0) out.write('\nReferences:\n' + cited.map((n) => `[${n}] ${references[n] ?? ''}`).join('\n') + '\n');
}

export const register: Register = (program) => {
  program
    .command('evidence')
    .description("The review's tables of low-dose IL-2 trials, optionally for one disease.")
    .option('--disease <name>', 'abbreviation or name, e.g. SLE, SS, lupus, Sjögren, HCV, haemolytic')
    .option('--dose <range>', 'daily dose range in million IU, e.g. 1-3, 1.5, 1- or -3')
    .option('--dose-min <number>', 'lowest daily dose, million IU')
    .option('--dose-max <number>', 'highest daily dose, million IU')
    .option('--json', 'machine-readable output')
    .action(
      action((opts: { disease?: string; dose?: string; doseMin?: string; doseMax?: string; json?: boolean }) => {
        if (opts.dose !== undefined && (opts.doseMin !== undefined || opts.doseMax !== undefined)) {
          throw new AppError(evidenceErrors.INVALID_DOSE_RANGE, 'Give --dose or --dose-min/--dose-max, not both.', 'dose');
        }
        const bounds = [opts.doseMin, opts.doseMax].map((v) => (v === undefined ? undefined : parseDoseRange(v).min));
        const dose =
          opts.dose !== undefined
            ? parseDoseRange(opts.dose)
            : bounds.some((b) => b !== undefined)
              ? { ...(bounds[0] === undefined ? {} : { min: bounds[0] }), ...(bounds[1] === undefined ? {} : { max: bounds[1] }) }
              : undefined;
        const query = { disease: opts.disease, dose };
        const rows: EvidenceRows = queryEvidence(query);
        const none = noMatch(rows, query);
        if (none !== null) throw new AppError(evidenceErrors.NO_EVIDENCE_MATCH, none, opts.dose === undefined ? 'disease' : 'dose');
        if (opts.json) return printJson(rows);
        printHuman(rows);
      }),
    );
};
