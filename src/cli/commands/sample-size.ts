import { AppError } from '../../errors/app-error.js';
import { findReportedEffect, reportedEffects, sampleSizeFromEffect, type SampleSize } from '../../evidence/index.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { evidenceErrors } from '../../evidence/errors.js';

function number(field: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new AppError(evidenceErrors.INVALID_SAMPLE_SIZE_ARGUMENT, `--${field} must be a number, got "${text}".`, field);
  return v;
}

function printHuman(s: SampleSize): void {
  const pct = (p: number) => `${(100 * p).toFixed(1)} %`;
  process.stdout.write(
    `${s.effect.endpoint} (${s.effect.citation}): ${s.effect.treated.group} ${s.effect.treated.responders}/${s.effect.treated.n} (${pct(s.pTreated)}) vs ` +
      `${s.effect.control.group} ${s.effect.control.responders}/${s.effect.control.n} (${pct(s.pControl)})\n` +
      `${s.method}, alpha ${s.alpha}, power ${s.power}, ratio ${s.ratio}:1\n` +
      formatTable(
        ['arm', 'n'],
        [
          [s.effect.treated.group, s.nTreated],
          [s.effect.control.group, s.nControl],
          ['total', s.total],
        ],
      ),
  );
}

export const register: Register = (program) => {
  program
    .command('sample-size')
    .description('Participants per arm for a new trial, taking the effect from a published evidence row.')
    .option('--disease <name>', 'the row for a disease, e.g. SS, Sjögren, SLE, lupus')
    .option('--effect <id>', `the row by id: ${reportedEffects.map((e) => e.id).join(', ')}`)
    .option('--alpha <number>', 'two-sided significance level (default 0.05)')
    .option('--power <number>', 'power (default 0.8)')
    .option('--ratio <number>', 'treated per control participant (default 1)')
    .option('--json', 'machine-readable output')
    .action(
      action((opts: { disease?: string; effect?: string; alpha?: string; power?: string; ratio?: string; json?: boolean }) => {
        const effect = findReportedEffect({ id: opts.effect, disease: opts.disease });
        const s = sampleSizeFromEffect(effect, { alpha: number('alpha', opts.alpha), power: number('power', opts.power), ratio: number('ratio', opts.ratio) });
        if (opts.json) return printJson(s);
        printHuman(s);
      }),
    );
};
