import { AppError } from '../../errors/app-error.js';
import { checkAlternative, checkConfLevel, checkFinite, checkNumber } from './arguments.js';
import { qnorm } from './distributions.js';
import { continuityCorrection, normalPValue } from './normal-approximation.js';
import type { WilcoxonOptions } from './rank-sum.js';
import { countDistribution, pCount, qCount, signedRankCounts } from './rank-distributions.js';
import { averageRanks, hasTies, median, tieCubeSum } from './ranks.js';
import type { TestResult } from './result.js';
import { uniroot } from './uniroot.js';
import { statsErrors } from './errors.js';

/** Largest n enumerated exactly (n·n(n+1)/2 additions, well under a second). */
const MAX_EXACT_N = 1000;

/** Standardized signed-rank statistic of values (zeros dropped), R's W(d) inside wilcox.test. */
function standardized(values: readonly number[], correction: (z: number) => number): number {
  const xd = values.filter((v) => v !== 0);
  const n = xd.length;
  if (n === 0) return 0;
  const r = averageRanks(xd.map(Math.abs));
  const z = r.reduce((s, rank, i) => (xd[i]! > 0 ? s + rank : s), 0) - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieCubeSum(r) / 48);
  if (sigma === 0) throw new AppError(statsErrors.ALL_OBSERVATIONS_TIED, 'Cannot compute a confidence interval when all observations are zero or tied.');
  return (z - correction(z)) / sigma;
}

/**
 * Wilcoxon signed-rank test of x − y (paired) or of x against mu (one sample), as R's
 * wilcox.test(x, y, paired = TRUE) / wilcox.test(x, mu = mu).
 */
export function signedRankTest(x: readonly number[], y: readonly number[] | null, o: WilcoxonOptions = {}): TestResult {
  checkFinite('x', x);
  if (y) {
    checkFinite('y', y);
    if (x.length !== y.length) throw new AppError(statsErrors.INVALID_ARGUMENT, `Paired samples must have the same length, got ${x.length} and ${y.length}.`);
  }
  const alternative = checkAlternative(o.alternative ?? 'two.sided');
  const confLevel = checkConfLevel(o.confLevel ?? 0.95);
  const mu = checkNumber('mu', o.mu ?? 0);
  const correct = o.correct ?? true;
  const tolRoot = o.tolRoot ?? 1e-4;
  const d = y ? x.map((v, i) => v - y[i]!) : [...x];
  if (d.length < 1) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, 'The signed-rank test needs at least 1 observation.');
  const shifted = d.map((v) => v - mu);
  const zeroes = shifted.some((v) => v === 0);
  const nonzero = shifted.filter((v) => v !== 0);
  const n = nonzero.length;
  if (n === 0) throw new AppError(statsErrors.ALL_OBSERVATIONS_TIED, 'All differences are zero, so the signed-rank test is undefined.');
  const r = averageRanks(nonzero.map(Math.abs));
  const v = r.reduce((s, rank, i) => (nonzero[i]! > 0 ? s + rank : s), 0);
  const exact = o.exact ?? n < 50;
  const ties = hasTies(r);

  if (exact && !ties && !zeroes) {
    if (n > MAX_EXACT_N) throw new AppError(statsErrors.EXACT_TOO_LARGE, `An exact signed-rank distribution for ${n} values is too large to enumerate; use the normal approximation.`);
    const dist = countDistribution(signedRankCounts(n));
    const pLow = (q: number) => pCount(dist, q);
    const pHigh = (q: number) => pCount(dist, q, false);
    const pValue = alternative === 'less' ? pLow(v) : alternative === 'greater' ? pHigh(v - 1) : Math.min(2 * (v > (n * (n + 1)) / 4 ? pHigh(v - 1) : pLow(v)), 1);
    if (!o.confInt) return result('Wilcoxon signed rank exact test', pValue, null);
    const alpha = 1 - confLevel;
    // Walsh averages (x_i + x_j)/2, i ≤ j, of the unshifted values
    const walsh: number[] = [];
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh.push((nonzero[i]! + mu + (nonzero[j]! + mu)) / 2);
    walsh.sort((a, b) => a - b);
    const at = (k: number) => walsh[k - 1]!;
    const top = (n * (n + 1)) / 2;
    const quantile = (p: number) => Math.max(qCount(dist, p), 1);
    let ci: [number, number];
    let achieved: number;
    if (alternative === 'two.sided') {
      const qu = quantile(alpha / 2);
      ci = [at(qu), at(top - qu + 1)];
      achieved = 2 * pLow(Math.trunc(qu) - 1);
    } else {
      const qu = quantile(alpha);
      ci = alternative === 'greater' ? [at(qu), Infinity] : [-Infinity, at(top - qu + 1)];
      achieved = pLow(Math.trunc(qu) - 1);
    }
    // R reports 1 − signif(achieved, 2) when the requested level is not achievable
    const level = achieved - alpha > alpha / 2 ? 1 - Number(achieved.toPrecision(2)) : confLevel;
    return result('Wilcoxon signed rank exact test', pValue, { ci, confLevel: level, estimate: median(walsh) });
  }

  const z0 = v - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieCubeSum(r) / 48);
  const z = (z0 - continuityCorrection(z0, alternative, correct)) / sigma;
  const pValue = normalPValue(z, alternative);
  const method = `Wilcoxon signed rank test${correct ? ' with continuity correction' : ''}`;
  if (!o.confInt) return result(method, pValue, null);

  // R's asymptotic interval: invert the standardized statistic of x − d over [min x, max x]
  let alpha = 1 - confLevel;
  const values = nonzero.map((s) => s + mu);
  const mumin = Math.min(...values);
  const mumax = Math.max(...values);
  const W = (dd: number, withCorrection: boolean) =>
    standardized(
      values.map((s) => s - dd),
      (zz) => continuityCorrection(zz, alternative, withCorrection),
    );
  const wMin = W(mumin, correct);
  const wMax = W(mumax, correct);
  const root = (zq: number) => uniroot((dd) => W(dd, correct) - zq, mumin, mumax, { fLower: wMin - zq, fUpper: wMax - zq, tol: tolRoot });
  // R doubles alpha until the quantiles fall inside the range of W (its "less" check uses alpha/2, kept as R has it)
  const outside = (a: number) =>
    alternative === 'two.sided' ? wMin - qnorm(a / 2, false) < 0 || wMax - qnorm(a / 2) > 0 : alternative === 'greater' ? wMin - qnorm(a, false) < 0 : wMax - qnorm(a / 2) > 0;
  while (outside(alpha)) alpha *= 2;
  const level = alpha >= 1 || 1 - confLevel < alpha * 0.75 ? 1 - Math.min(1, alpha) : confLevel;
  const mid = median(values);
  const ci: [number, number] =
    alternative === 'two.sided'
      ? alpha < 1
        ? [root(qnorm(alpha / 2, false)), root(qnorm(alpha / 2))]
        : [mid, mid]
      : alternative === 'greater'
        ? [alpha < 1 ? root(qnorm(alpha, false)) : mid, Infinity]
        : [-Infinity, alpha < 1 ? root(qnorm(alpha)) : mid];
  const estimate = uniroot((dd) => W(dd, false), mumin, mumax, { tol: tolRoot });
  return result(method, pValue, { ci, confLevel: level, estimate });

  function result(m: string, p: number, iv: { ci: readonly [number, number]; confLevel: number; estimate: number } | null): TestResult {
    return {
      method: m,
      alternative,
      statisticName: 'V',
      statistic: v,
      pValue: p,
      estimateName: iv ? '(pseudo)median' : null,
      estimate: iv?.estimate ?? null,
      ci: iv?.ci ?? null,
      confLevel: iv?.confLevel ?? null,
    };
  }
}
