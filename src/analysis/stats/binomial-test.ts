import { AppError } from '../../errors/app-error.js';
import { checkConfLevel } from './arguments.js';
import { logChoose, pbeta } from './distributions.js';
import type { TestResult } from './result.js';
import { uniroot } from './uniroot.js';
import { statsErrors } from './errors.js';

/** R's qbeta by root-finding on pbeta, to full double precision (the tails are monotone in x). */
function qbeta(p: number, a: number, b: number): number {
  return uniroot((x) => pbeta(x, a, b) - p, 0, 1, { tol: 1e-15, maxiter: 1000 });
}

/**
 * The exact binomial test of x successes in n trials against p = `p0`, two-sided, with the
 * Clopper–Pearson interval, as R's binom.test: the p-value sums the probabilities no larger than
 * that of x (with R's relative tolerance 1 + 1e-7); the interval is [qbeta(α/2; x, n − x + 1),
 * qbeta(1 − α/2; x + 1, n − x)] (Clopper CJ, Pearson ES. Biometrika 1934;26:404-413).
 */
export function binomialTest(x: number, n: number, o: { readonly p0?: number; readonly confLevel?: number } = {}): TestResult {
  if (!Number.isInteger(n) || n < 1) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, `The binomial test needs at least 1 trial, got ${n}.`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw new AppError(statsErrors.INVALID_ARGUMENT, `The number of successes must be a whole number from 0 to ${n}, got ${x}.`);
  const p0 = o.p0 ?? 0.5;
  const confLevel = checkConfLevel(o.confLevel ?? 0.95);
  const alpha = 1 - confLevel;
  const dbinom = (k: number) => Math.exp(logChoose(n, k) + (k === 0 ? 0 : k * Math.log(p0)) + (k === n ? 0 : (n - k) * Math.log(1 - p0)));
  const observed = dbinom(x);
  let pValue = 0;
  for (let k = 0; k <= n; k++) if (dbinom(k) <= observed * (1 + 1e-7)) pValue += dbinom(k);
  const lower = x === 0 ? 0 : qbeta(alpha / 2, x, n - x + 1);
  const upper = x === n ? 1 : qbeta(1 - alpha / 2, x + 1, n - x);
  return {
    method: 'Exact binomial test',
    alternative: 'two.sided',
    estimateName: 'probability of success',
    estimate: x / n,
    ci: [lower, upper],
    confLevel,
    statisticName: 'number of successes',
    statistic: x,
    pValue: Math.min(1, pValue),
  };
}
