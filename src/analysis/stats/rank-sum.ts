import { AppError } from '../../errors/app-error.js';
import { checkAlternative, checkConfLevel, checkFinite, checkNumber, type CommonOptions } from './arguments.js';
import { qnorm } from './distributions.js';
import { continuityCorrection, normalPValue } from './normal-approximation.js';
import { countDistribution, pCount, qCount, rankSumCounts } from './rank-distributions.js';
import { averageRanks, hasTies, median, tieCubeSum } from './ranks.js';
import type { TestResult } from './result.js';
import { uniroot } from './uniroot.js';
import { statsErrors } from './errors.js';

export interface WilcoxonOptions extends CommonOptions {
  /** Location shift under the null hypothesis. */
  readonly mu?: number;
  /** Exact distribution; R's default is exact when every sample is under 50 and there are no ties. */
  readonly exact?: boolean;
  /** Continuity correction in the normal approximation (R's default TRUE). */
  readonly correct?: boolean;
  /** Hodges–Lehmann estimate and its confidence interval (R's conf.int). */
  readonly confInt?: boolean;
  /** R's tol.root for the asymptotic interval. */
  readonly tolRoot?: number;
}

/** Largest enumeration table (subset sizes × rank sums) built for an exact distribution: about 32 MB. */
const MAX_EXACT_CELLS = 4_000_000;

interface Interval {
  readonly ci: readonly [number, number];
  readonly confLevel: number;
  readonly estimate: number;
}

/** Wilcoxon rank-sum (Mann–Whitney) test of x against y, as R's wilcox.test(x, y). */
export function rankSumTest(x: readonly number[], y: readonly number[], o: WilcoxonOptions = {}): TestResult {
  checkFinite('x', x);
  checkFinite('y', y);
  const alternative = checkAlternative(o.alternative ?? 'two.sided');
  const confLevel = checkConfLevel(o.confLevel ?? 0.95);
  const mu = checkNumber('mu', o.mu ?? 0);
  const correct = o.correct ?? true;
  const tolRoot = o.tolRoot ?? 1e-4;
  const nx = x.length;
  const ny = y.length;
  if (nx < 1) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, 'Group x has no observations; the rank-sum test needs at least 1.');
  if (ny < 1) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, 'Group y has no observations; the rank-sum test needs at least 1.');
  const r = averageRanks([...x.map((v) => v - mu), ...y]);
  const w = r.slice(0, nx).reduce((a, b) => a + b, 0) - (nx * (nx + 1)) / 2;
  const exact = o.exact ?? (nx < 50 && ny < 50);
  const ties = hasTies(r);

  if (exact && !ties) {
    const k = Math.min(nx, ny);
    if ((k + 1) * (k * (nx + ny) + 1) > MAX_EXACT_CELLS)
      throw new AppError(statsErrors.EXACT_TOO_LARGE, `An exact rank-sum distribution for groups of ${nx} and ${ny} is too large to enumerate; use the normal approximation.`);
    const dist = countDistribution(rankSumCounts(nx, ny));
    const pLow = (q: number) => pCount(dist, q);
    const pHigh = (q: number) => pCount(dist, q, false);
    const pValue = alternative === 'less' ? pLow(w) : alternative === 'greater' ? pHigh(w - 1) : Math.min(2 * (w > (nx * ny) / 2 ? pHigh(w - 1) : pLow(w)), 1);
    let interval: Interval | null = null;
    if (o.confInt) {
      const alpha = 1 - confLevel;
      const diffs = x.flatMap((a) => y.map((b) => a - b)).sort((a, b) => a - b);
      const at = (k: number) => diffs[k - 1]!; // R's 1-based diffs[k]
      const quantile = (p: number) => Math.max(qCount(dist, p), 1);
      let ci: [number, number];
      let achieved: number;
      if (alternative === 'two.sided') {
        const qu = quantile(alpha / 2);
        ci = [at(qu), at(nx * ny - qu + 1)];
        achieved = 2 * pLow(Math.trunc(qu) - 1);
      } else {
        const qu = quantile(alpha);
        ci = alternative === 'greater' ? [at(qu), Infinity] : [-Infinity, at(nx * ny - qu + 1)];
        achieved = pLow(Math.trunc(qu) - 1);
      }
      interval = { ci, confLevel: achieved - alpha > alpha / 2 ? 1 - achieved : confLevel, estimate: median(diffs) };
    }
    return result('Wilcoxon rank sum exact test', w, pValue, interval);
  }

  const n = nx + ny;
  const sigmaOf = (ranks: readonly number[]) => Math.sqrt(((nx * ny) / 12) * (n + 1 - tieCubeSum(ranks) / (n * (n - 1))));
  const z0 = w - (nx * ny) / 2;
  const z = (z0 - continuityCorrection(z0, alternative, correct)) / sigmaOf(r);
  const pValue = normalPValue(z, alternative);
  let interval: Interval | null = null;
  if (o.confInt) {
    const alpha = 1 - confLevel;
    const mumin = Math.min(...x) - Math.max(...y);
    const mumax = Math.max(...x) - Math.min(...y);
    const W = (d: number, withCorrection: boolean): number => {
      const dr = averageRanks([...x.map((v) => v - d), ...y]);
      const dz = dr.slice(0, nx).reduce((a, b) => a + b, 0) - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
      const sigma = sigmaOf(dr);
      if (sigma === 0) throw new AppError(statsErrors.ALL_OBSERVATIONS_TIED, 'Cannot compute a confidence interval when all observations are tied.');
      return (dz - continuityCorrection(dz, alternative, withCorrection)) / sigma;
    };
    const wMin = W(mumin, correct);
    const wMax = W(mumax, correct);
    const root = (zq: number): number => {
      const fLower = wMin - zq;
      if (fLower <= 0) return mumin;
      const fUpper = wMax - zq;
      if (fUpper >= 0) return mumax;
      return uniroot((d) => W(d, correct) - zq, mumin, mumax, { fLower, fUpper, tol: tolRoot });
    };
    const ci: [number, number] =
      alternative === 'two.sided' ? [root(qnorm(alpha / 2, false)), root(qnorm(alpha / 2))] : alternative === 'greater' ? [root(qnorm(alpha, false)), Infinity] : [-Infinity, root(qnorm(alpha))];
    // R estimates without the continuity correction
    const estimate = uniroot((d) => W(d, false), mumin, mumax, { tol: tolRoot });
    interval = { ci, confLevel, estimate };
  }
  return result(`Wilcoxon rank sum test${correct ? ' with continuity correction' : ''}`, w, pValue, interval);

  function result(method: string, statistic: number, p: number, iv: Interval | null): TestResult {
    return {
      method,
      alternative,
      statisticName: 'W',
      statistic,
      pValue: p,
      estimateName: iv ? 'difference in location' : null,
      estimate: iv?.estimate ?? null,
      ci: iv?.ci ?? null,
      confLevel: iv?.confLevel ?? null,
    };
  }
}
