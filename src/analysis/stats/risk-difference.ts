import { AppError } from '../../errors/app-error.js';
import { checkAlternative, checkConfLevel, type CommonOptions } from './arguments.js';
import { pchisq, pnorm, qnorm } from './distributions.js';
import type { TestResult } from './result.js';
import { statsErrors } from './errors.js';

export interface RiskDifferenceOptions extends CommonOptions {
  /** Continuity correction (R's default TRUE). Without it the interval is the Wald interval. */
  readonly correct?: boolean;
}

export interface RiskDifferenceResult extends TestResult {
  readonly df: number;
  /** The two proportions x/n. */
  readonly proportions: readonly [number, number];
}

/**
 * Difference of two proportions p1 − p2 = x1/n1 − x2/n2 with R's prop.test(x, n): the interval is
 * the Wald interval p1 − p2 ± z·√Σ p(1−p)/n, widened by the continuity correction
 * min(0.5, |p1 − p2| / Σ 1/n) · Σ 1/n when `correct`, and clipped to [−1, 1]; the test is the
 * chi-square test of equal proportions (one-sided: its signed square root).
 */
export function riskDifference(events: readonly [number, number], totals: readonly [number, number], o: RiskDifferenceOptions = {}): RiskDifferenceResult {
  const alternative = checkAlternative(o.alternative ?? 'two.sided');
  const confLevel = checkConfLevel(o.confLevel ?? 0.95);
  [0, 1].forEach((i) => {
    const x = events[i]!;
    const n = totals[i]!;
    if (!(Number.isInteger(n) && n > 0)) throw new AppError(statsErrors.INVALID_ARGUMENT, `Group ${i + 1} must have a positive whole number of participants, got ${n}.`);
    if (!(Number.isInteger(x) && x >= 0 && x <= n)) throw new AppError(statsErrors.INVALID_ARGUMENT, `Group ${i + 1} must have between 0 and ${n} events, got ${x}.`);
  });
  const [x1, x2] = events;
  const [n1, n2] = totals;
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) {
    throw new AppError(statsErrors.INVALID_ARGUMENT, `All participants have the same outcome (${pooled === 0 ? 'no events' : 'all events'}), so the test of equal proportions is undefined.`);
  }
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const delta = p1 - p2;
  const invN = 1 / n1 + 1 / n2;
  const yates = Math.min((o.correct ?? true) ? 0.5 : 0, Math.abs(delta) / invN);
  const z = alternative === 'two.sided' ? qnorm((1 + confLevel) / 2) : qnorm(confLevel);
  const width = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2) + yates * invN;
  const ci: [number, number] = [alternative === 'less' ? -1 : Math.max(delta - width, -1), alternative === 'greater' ? 1 : Math.min(delta + width, 1)];
  const cells = [
    { obs: x1, exp: n1 * pooled },
    { obs: n1 - x1, exp: n1 * (1 - pooled) },
    { obs: x2, exp: n2 * pooled },
    { obs: n2 - x2, exp: n2 * (1 - pooled) },
  ];
  const statistic = cells.reduce((s, c) => s + (Math.abs(c.obs - c.exp) - yates) ** 2 / c.exp, 0);
  const pValue = alternative === 'two.sided' ? pchisq(statistic, 1, false) : pnorm(Math.sign(delta) * Math.sqrt(statistic), alternative === 'less');
  return {
    method: `2-sample test for equality of proportions ${yates ? 'with' : 'without'} continuity correction`,
    alternative,
    estimateName: 'difference in proportions',
    estimate: delta,
    ci,
    confLevel,
    statisticName: 'X-squared',
    statistic,
    df: 1,
    pValue,
    proportions: [p1, p2],
  };
}
