import { byDisease, publishedTrials, references, unpublishedTrials, type DailyDose, type EvidenceRows } from '../../evidence/index.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';

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
  out.write(formatTable(['disease', 'year', 'type', 'number', 'country'], rows.unpublished.map((r) => [r.disease, r.year, r.type, r.number, r.country])));
  const cited = [...new Set(rows.published.flatMap((r) => r.references))].sort((a, b) => a - b);
  if (cited.length > 0) out.write('\nReferences:\n' + cited.map((n) => `[${n}] ${references[n] ?? ''}`).join('\n') + '\n');
}

export const register: Register = (program) => {
  program
    .command('evidence')
    .description("The review's tables of low-dose IL-2 trials, optionally for one disease.")
    .option('--disease <name>', 'abbreviation or name, e.g. SLE, SS, lupus, Sjögren')
    .option('--json', 'machine-readable output')
    .action(
      action((opts: { disease?: string; json?: boolean }) => {
        const rows: EvidenceRows = opts.disease === undefined ? { published: publishedTrials, unpublished: unpublishedTrials } : byDisease(opts.disease);
        if (opts.json) return printJson(rows);
        printHuman(rows);
      }),
    );
};
