/**
 * bench:stats — fit the MMRM to 10,000 participants × 5 visits, with Kenward–Roger df, and compare with R's gls.
 * Prints the fit time, peak memory and, when Rscript is installed, R's time on the same data, run live.
 * R's time is gls's fit alone: R has no Kenward–Roger for gls (emmeans offers none, and pbkrtest
 * and the fixture script form N × N matrices, 50,000² here; the R package mmrm, which has KR for this
 * model, is not packaged in Debian), so R's figure is a lower bound.
 * Run: npm run bench:stats   (BENCH_R_TIMEOUT_S caps R's run, default 300 s: gls is slow at this size)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitMmrm, type MmrmObservation } from '../src/analysis/models/mmrm.js';
import { seededRandom } from '../src/random/seeded-random.js';

const participants = 10_000;
const weeks = [4, 8, 12, 16, 24];
const random = seededRandom(2024);

// AR(1)-like correlation 0.7^|i−j| with SDs rising from 3 to 5; treatment effect growing to −3.
const k = weeks.length;
const sd = weeks.map((_, i) => 3 + (2 * i) / (k - 1));
const cov = weeks.map((_, i) => weeks.map((__, j) => sd[i]! * sd[j]! * 0.7 ** Math.abs(i - j)));
const chol = choleskyLower(cov);
const observations: MmrmObservation[] = [];
for (let p = 0; p < participants; p++) {
  const arm = p % 2 === 0 ? 'placebo' : 'active';
  const baseline = 30 + 5 * random.standardNormal();
  const z = weeks.map(() => random.standardNormal());
  weeks.forEach((week, v) => {
    // About 10% of post-first visits missed, so the fit sees many missing-data patterns.
    if (v > 0 && random.uniform() < 0.1) return;
    const noise = z.slice(0, v + 1).reduce((s, zj, j) => s + chol[v]![j]! * zj, 0);
    const effect = arm === 'active' ? (-3 * (v + 1)) / k : 0;
    observations.push({ id: `P${p}`, arm, visit: String(week), baseline: Math.round(baseline * 100) / 100, value: Math.round((-1 - 0.2 * (baseline - 30) + effect + noise) * 100) / 100 });
  });
}

const timed = <T>(f: () => T): [T, number] => {
  const started = process.hrtime.bigint();
  const value = f();
  return [value, Number(process.hrtime.bigint() - started) / 1e9];
};
// Kenward–Roger is the default of the trial analyses; the residual-df fit shows what KR adds. One
// untimed fit warms the JIT; then each is timed three times, alternating, and the fastest kept, as
// the machine's other load only ever adds time.
fitMmrm(observations, { referenceArm: 'placebo', df: 'residual' });
const runs = [0, 1, 2].map(
  () => [timed(() => fitMmrm(observations, { referenceArm: 'placebo', df: 'residual' })), timed(() => fitMmrm(observations, { referenceArm: 'placebo', df: 'kenward-roger' }))] as const,
);
const [plain, plainSeconds] = [runs[0]![0][0], Math.min(...runs.map((r) => r[0][1]))];
const [fit, seconds] = [runs[0]![1][0], Math.min(...runs.map((r) => r[1][1]))];
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`MMRM (TypeScript): ${participants} participants, ${observations.length} rows, ${fit.fixed.length} fixed effects, ${fit.variance.structure} covariance, ${fit.iterations} BFGS iterations`);
console.log(`  fit with Kenward-Roger df and adjusted SEs: ${seconds.toFixed(2)} s; the same fit with residual df: ${plainSeconds.toFixed(2)} s (fastest of 3 each)`);
console.log(`  peak RSS ${peakMb.toFixed(0)} MB, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
const last = fit.contrasts.at(-1)!;
const lastPlain = plain.contrasts.at(-1)!;
console.log(
  `  active − placebo at week ${last.visit}: ${last.estimate.toFixed(4)} (KR: SE ${last.se.toFixed(6)}, df ${last.df.toFixed(1)}; residual: SE ${lastPlain.se.toFixed(6)}, df ${lastPlain.df})`,
);

if (hasRscript()) {
  const dir = mkdtempSync(join(tmpdir(), 'il2trials-bench-'));
  try {
    const csv = join(dir, 'mmrm.csv');
    writeFileSync(csv, ['id,arm,week,baseline,value', ...observations.map((o) => `${o.id},${o.arm},${o.visit},${o.baseline},${o.value}`)].join('\n') + '\n');
    const script = `suppressPackageStartupMessages(library(nlme))
d <- read.csv("${csv}")
d$arm <- factor(d$arm, levels = c("placebo", "active")); d$visit <- factor(d$week); d$visitIndex <- as.integer(d$visit)
elapsed <- system.time(fit <- gls(value ~ arm * visit + baseline, data = d, correlation = corSymm(form = ~ visitIndex | id),
  weights = varIdent(form = ~ 1 | visit), method = "REML"))[["elapsed"]]
cat("elapsed", elapsed, "\\n")
tt <- summary(fit)$tTable
for (i in seq_len(nrow(tt))) cat("coef", rownames(tt)[i], sprintf("%.17g %.17g", tt[i, 1], tt[i, 2]), "\\n")
`;
    writeFileSync(join(dir, 'fit.R'), script);
    const limit = Number(process.env.BENCH_R_TIMEOUT_S ?? 300);
    let out = '';
    try {
      out = execFileSync('Rscript', [join(dir, 'fit.R')], { encoding: 'utf8', timeout: limit * 1000 });
    } catch {
      console.log(`MMRM (R nlme::gls, run live): did not finish within ${limit} s; R / TypeScript time ratio > ${(limit / seconds).toFixed(0)}`);
    }
    if (out !== '') reportR(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.log('Rscript not found: R comparison skipped.');
}

function reportR(out: string): void {
  const rSeconds = Number(/elapsed (\S+)/.exec(out)?.[1]);
  let worst = 0;
  for (const m of out.matchAll(/^coef (\S+) (\S+) (\S+)/gm)) {
    const ours = plain.fixed.find((f) => f.term === m[1]);
    if (ours === undefined) throw new Error(`R reports a term "${m[1]}" the TypeScript fit lacks`);
    worst = Math.max(worst, Math.abs(ours.estimate - Number(m[2])) / Math.abs(Number(m[2])), Math.abs(ours.se - Number(m[3])) / Number(m[3]));
  }
  console.log(`MMRM (R nlme::gls, run live): fit time ${rSeconds.toFixed(2)} s, residual df (no KR in R at this size)`);
  console.log(`  R gls / TypeScript with KR time ratio ${(rSeconds / seconds).toFixed(1)}; largest relative difference in estimates and (residual-df) SEs ${worst.toExponential(2)}`);
}

function hasRscript(): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function choleskyLower(a: number[][]): number[][] {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const d = a[j]![j]! - l[j]!.slice(0, j).reduce((s, v) => s + v * v, 0);
    l[j]![j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      l[i]![j] = (a[i]![j]! - l[i]!.slice(0, j).reduce((s, v, m) => s + v * l[j]![m]!, 0)) / l[j]![j]!;
    }
  }
  return l;
}
