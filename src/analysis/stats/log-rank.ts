import { solve, Matrix } from 'ml-matrix';
import { AppError } from '../../errors/app-error.js';
import { pchisq } from './distributions.js';
import { checkObservations, type SurvivalObservation } from './kaplan-meier.js';
import type { TestResult } from './result.js';
import { statsErrors } from './errors.js';

export interface LogRankGroup {
  readonly group: string;
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
}

export interface LogRankResult extends TestResult {
  readonly df: number;
  readonly groups: readonly LogRankGroup[];
}

/**
 * Log-rank test of equal survival across groups, as survival::survdiff (rho = 0): at each event
 * time, observed minus expected events per group and the hypergeometric covariance; the statistic
 * is (O − E)ᵀ V⁻¹ (O − E) over the first k − 1 groups, chi-square on k − 1 df.
 */
export function logRankTest(groups: ReadonlyMap<string, readonly SurvivalObservation[]>): LogRankResult {
  const names = [...groups.keys()];
  const k = names.length;
  if (k < 2) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, `The log-rank test needs at least 2 groups, got ${k}.`);
  const data = names.map((g) => groups.get(g)!);
  data.forEach(checkObservations);
  const all = data.flat();
  const eventTimes = [...new Set(all.filter((o) => o.event).map((o) => o.time))].sort((a, b) => a - b);
  if (eventTimes.length === 0) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, 'The log-rank test needs at least 1 event, and there are none.');
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = Matrix.zeros(k, k);
  for (const t of eventTimes) {
    const atRisk = data.map((obs) => obs.filter((o) => o.time >= t).length);
    const deaths = data.map((obs) => obs.filter((o) => o.time === t && o.event).length);
    const n = atRisk.reduce((a, b) => a + b, 0);
    const d = deaths.reduce((a, b) => a + b, 0);
    const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
    for (let g = 0; g < k; g++) {
      observed[g]! += deaths[g]!;
      expected[g]! += (atRisk[g]! * d) / n;
      for (let h = 0; h < k; h++) {
        const cov = factor * (atRisk[g]! / n) * ((g === h ? 1 : 0) - atRisk[h]! / n);
        v.set(g, h, v.get(g, h) + cov);
      }
    }
  }
  const diff = observed.map((o, g) => o - expected[g]!);
  const sub = v.subMatrix(0, k - 2, 0, k - 2);
  const rhs = Matrix.columnVector(diff.slice(0, k - 1));
  const w = solve(sub, rhs);
  const statistic = diff.slice(0, k - 1).reduce((s, x, i) => s + x * w.get(i, 0), 0);
  const df = k - 1;
  return {
    method: 'Log-rank test',
    alternative: 'two.sided',
    estimateName: null,
    estimate: null,
    ci: null,
    confLevel: null,
    statisticName: 'Chisq',
    statistic,
    df,
    pValue: pchisq(statistic, df, false),
    groups: names.map((group, g) => ({ group, n: data[g]!.length, observed: observed[g]!, expected: expected[g]! })),
  };
}
