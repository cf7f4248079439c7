import { AppError } from '../../errors/app-error.js';
import { checkAlternative, checkConfLevel, checkFinite, checkNumber, mean, variance, type CommonOptions } from './arguments.js';
import { pt, qt } from './distributions.js';
import type { Alternative, TestResult } from './result.js';
import { statsErrors } from './errors.js';

export interface TTestOptions extends CommonOptions {
  /** Hypothesised mean (one-sample, paired) or difference in means (two-sample). */
  readonly mu?: number;
}

export interface TTestResult extends TestResult {
  readonly kind: 'student' | 'welch' | 'paired';
  readonly df: number;
  readonly stderr: number;
  /** Group means (two-sample) or the mean difference (paired), as R's `estimate`. */
  readonly means: readonly number[];
}

interface Core {
  readonly estimate: number;
  readonly stderr: number;
  readonly df: number;
}

function finish(kind: TTestResult['kind'], method: string, estimateName: string, means: readonly number[], core: Core, o: TTestOptions): TTestResult {
  const alternative: Alternative = checkAlternative(o.alternative ?? 'two.sided');
  const confLevel = checkConfLevel(o.confLevel ?? 0.95);
  const mu = checkNumber('mu', o.mu ?? 0);
  const { estimate, stderr, df } = core;
  const t = (estimate - mu) / stderr;
  let pValue: number;
  let lo: number;
  let hi: number;
  if (alternative === 'less') {
    pValue = pt(t, df);
    lo = -Infinity;
    hi = t + qt(confLevel, df);
  } else if (alternative === 'greater') {
    pValue = pt(t, df, false);
    lo = t - qt(confLevel, df);
    hi = Infinity;
  } else {
    pValue = 2 * pt(-Math.abs(t), df);
    const c = qt(1 - (1 - confLevel) / 2, df);
    lo = t - c;
    hi = t + c;
  }
  return {
    kind,
    method,
    alternative,
    estimateName,
    estimate,
    means,
    ci: [mu + lo * stderr, mu + hi * stderr],
    confLevel,
    statisticName: 't',
    statistic: t,
    df,
    pValue,
    stderr,
  };
}

function checkNotConstant(stderr: number, m: number): void {
  // R: stop("data are essentially constant")
  if (stderr < 10 * Number.EPSILON * Math.abs(m) || stderr === 0) {
    throw new AppError(statsErrors.DATA_ESSENTIALLY_CONSTANT, 'The data are essentially constant, so the t statistic is undefined.');
  }
}

/** Two-sample t-test: Student's pooled-variance test (`equalVariance`) or Welch's, as R's t.test(x, y). */
export function twoSampleTTest(x: readonly number[], y: readonly number[], o: TTestOptions & { readonly equalVariance: boolean }): TTestResult {
  checkFinite('x', x);
  checkFinite('y', y);
  const nx = x.length;
  const ny = y.length;
  const pooled = o.equalVariance;
  if (nx < 1 || (!pooled && nx < 2)) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, `Group x has ${nx} observation(s); the test needs at least ${pooled ? 1 : 2}.`);
  if (ny < 1 || (!pooled && ny < 2)) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, `Group y has ${ny} observation(s); the test needs at least ${pooled ? 1 : 2}.`);
  if (pooled && nx + ny < 3) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, 'The pooled t-test needs at least 3 observations in all.');
  const mx = mean(x);
  const my = mean(y);
  const vx = variance(x);
  const vy = variance(y);
  let stderr: number;
  let df: number;
  if (pooled) {
    df = nx + ny - 2;
    const v = ((nx > 1 ? (nx - 1) * vx : 0) + (ny > 1 ? (ny - 1) * vy : 0)) / df;
    stderr = Math.sqrt(v * (1 / nx + 1 / ny));
  } else {
    const sx = Math.sqrt(vx / nx);
    const sy = Math.sqrt(vy / ny);
    stderr = Math.sqrt(sx ** 2 + sy ** 2);
    df = stderr ** 4 / (sx ** 4 / (nx - 1) + sy ** 4 / (ny - 1));
  }
  checkNotConstant(stderr, Math.max(Math.abs(mx), Math.abs(my)));
  return finish(pooled ? 'student' : 'welch', pooled ? 'Two Sample t-test' : 'Welch Two Sample t-test', 'difference in means', [mx, my], { estimate: mx - my, stderr, df }, o);
}

/** Paired t-test on x − y, as R's t.test(x, y, paired = TRUE). */
export function pairedTTest(x: readonly number[], y: readonly number[], o: TTestOptions = {}): TTestResult {
  checkFinite('x', x);
  checkFinite('y', y);
  if (x.length !== y.length) throw new AppError(statsErrors.INVALID_ARGUMENT, `Paired samples must have the same length, got ${x.length} and ${y.length}.`);
  const d = x.map((v, i) => v - y[i]!);
  if (d.length < 2) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, `The paired t-test needs at least 2 pairs, got ${d.length}.`);
  const m = mean(d);
  const stderr = Math.sqrt(variance(d) / d.length);
  checkNotConstant(stderr, m);
  return finish('paired', 'Paired t-test', 'mean difference', [m], { estimate: m, stderr, df: d.length - 1 }, o);
}
