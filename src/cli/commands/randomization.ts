import { createHash, randomBytes } from 'node:crypto';
import cliProgress from 'cli-progress';
import { AppError } from '../../errors/app-error.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { designFromProtocol } from '../../randomization/scheme.js';
import { simulate, IMBALANCE_THRESHOLDS, type SimulationReport } from '../../randomization/simulate.js';
import type { Register } from '../program.js';
import { action, formatTable, printJson } from '../output.js';
import { randomizationErrors } from '../../randomization/errors.js';

type SimulateOptions = { n?: string; runs: string; seed?: string; json?: boolean };

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new AppError(randomizationErrors.INVALID_SIMULATION, `--${name} must be a positive whole number, not "${value}".`);
  }
  return n;
}

/** A 64-hex-digit seed is used as is; any other text is hashed (SHA-256) into 32 bytes. */
function seedFrom(text: string | undefined): Uint8Array {
  if (text === undefined) return new Uint8Array(randomBytes(32));
  if (/^[0-9a-f]{64}$/i.test(text)) return new Uint8Array(Buffer.from(text, 'hex'));
  return new Uint8Array(createHash('sha256').update(text, 'utf8').digest());
}

const f3 = (x: number) => x.toFixed(3);

function printHuman(report: SimulationReport, seedHex: string): void {
  const out = process.stdout;
  out.write(`Protocol ${report.protocolId}: ${report.runs} simulated trials of ${report.participants} participants, arms ${report.arms.map((a) => `${a.id} (${a.ratio})`).join(' : ')}.\n`);
  out.write(`Seed ${seedHex} (pass --seed ${seedHex} to reproduce).\n\nSimulated covariates:\n`);
  for (const c of report.covariates) {
    out.write(`  ${c.id}: ${c.levels.map((l, i) => `${l} ${f3(c.probabilities[i] ?? 0)}`).join(', ')} — ${c.source}\n`);
  }
  out.write(`\nImbalance: ${report.imbalance}.\nGuessing: ${report.guessing}.\n\n`);
  const headers = ['scheme', 'mean imb', 'p50', 'p95', 'p99', ...IMBALANCE_THRESHOLDS.map((k) => `P(>${k})`), 'cell mean', 'cell max', 'P(cell>2)', 'guessed'];
  const rows = report.schemes.map((s) => [
    s.id,
    f3(s.finalImbalance.mean),
    s.finalImbalance.quantiles.p50,
    s.finalImbalance.quantiles.p95,
    s.finalImbalance.quantiles.p99,
    ...IMBALANCE_THRESHOLDS.map((k) => f3(s.finalImbalance.exceeds[String(k)] ?? 0)),
    f3(s.withinStrata.meanCell),
    f3(s.withinStrata.meanMaxCell),
    f3(s.withinStrata.anyCellExceeds2),
    f3(s.predictability),
  ]);
  out.write(formatTable(headers, rows));
  out.write('\n' + report.schemes.map((s) => `  ${s.id}: ${s.description}`).join('\n') + '\n');
}

export const register: Register = (program) => {
  const randomization = program.command('randomization').description('Allocation schemes: simulate and compare them.');
  randomization
    .command('simulate')
    .description("Simulate the protocol's randomization scheme and alternatives: imbalance and predictability.")
    .argument('<id>', 'built-in protocol id')
    .option('--n <participants>', "participants per simulated trial (default: the protocol's target enrolment)")
    .option('--runs <runs>', 'simulated trials', '10000')
    .option('--seed <seed>', '64 hex digits, or any text (hashed); random when absent')
    .option('--json', 'machine-readable output')
    .action(
      action((id: string, opts: SimulateOptions) => {
        const protocol = getBuiltinProtocol(id);
        const design = designFromProtocol(protocol);
        const runs = positiveInt('runs', opts.runs);
        const participants = opts.n === undefined ? protocol.enrolment.target : positiveInt('n', opts.n);
        const seed = seedFrom(opts.seed);
        const seedHex = Buffer.from(seed).toString('hex');
        const bar = process.stderr.isTTY
          ? new cliProgress.SingleBar({ stream: process.stderr, format: 'simulating [{bar}] {value}/{total} runs | {eta}s left' }, cliProgress.Presets.shades_classic)
          : undefined;
        bar?.start(runs, 0);
        let report: SimulationReport;
        try {
          report = simulate({
            protocolId: protocol.id,
            arms: design.arms,
            siteIds: protocol.sites.map((s) => s.id),
            protocolScheme: design,
            participants,
            runs,
            seed,
            onProgress: (done) => bar?.update(done),
          });
        } finally {
          bar?.stop();
        }
        if (opts.json) printJson({ seed: seedHex, ...report });
        else printHuman(report, seedHex);
      }),
    );
};
