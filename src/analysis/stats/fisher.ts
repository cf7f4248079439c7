import { AppError } from '../../errors/app-error.js';
import { checkAlternative, checkConfLevel, type CommonOptions } from './arguments.js';
import { checkTable, type ContingencyTable } from './contingency-table.js';
import { logChoose } from './distributions.js';
import type { TestResult } from './result.js';
import { uniroot } from './uniroot.js';
import { statsErrors } from './errors.js';

/**
 * Fisher's exact test on a 2×2 table with the conditional maximum-likelihood odds ratio and its
 * exact interval, as R's fisher.test: the count in cell [1,1] given the margins follows the
 * noncentral hypergeometric distribution; every root is found with R's uniroot defaults.
 */
export function fisherTest(table: ContingencyTable, o: CommonOptions = {}): TestResult {
  checkTable(table, '2x2');
  const alternative = checkAlternative(o.alternative ?? 'two.sided');
  const confLevel = checkConfLevel(o.confLevel ?? 0.95);
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  const m = a + c; // first column total
  const n = b + d;
  const k = a + b; // first row total
  const x = a;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  if (m + n === 0) throw new AppError(statsErrors.INVALID_TABLE, 'The table has no observations.');
  const support = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const logdc = support.map((s) => logChoose(m, s) + logChoose(n, k - s) - logChoose(m + n, k));

  const dnhyper = (ncp: number): number[] => {
    const dl = logdc.map((v, i) => v + Math.log(ncp) * support[i]!);
    const top = Math.max(...dl);
    const e = dl.map((v) => Math.exp(v - top));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / sum);
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    return dnhyper(ncp).reduce((s, p, i) => s + support[i]! * p, 0);
  };
  const pnhyper = (q: number, ncp: number, upper = false): number => {
    if (ncp === 1) {
      // R uses phyper here: the central hypergeometric tail
      const p = logdc.map(Math.exp);
      return support.reduce((s, v, i) => ((upper ? v >= q : v <= q) ? s + p[i]! : s), 0);
    }
    if (ncp === 0) return Number(upper ? q <= lo : q >= lo);
    if (ncp === Infinity) return Number(upper ? q <= hi : q >= hi);
    const p = dnhyper(ncp);
    return support.reduce((s, v, i) => ((upper ? v >= q : v <= q) ? s + p[i]! : s), 0);
  };

  let pValue: number;
  if (alternative === 'less') pValue = pnhyper(x, 1);
  else if (alternative === 'greater') pValue = pnhyper(x, 1, true);
  else {
    // Sum of probabilities no larger than the observed one, with R's relative tolerance 1e-7
    const dens = dnhyper(1);
    const observed = dens[x - lo]! * (1 + 1e-7);
    pValue = dens.reduce((s, p) => (p <= observed ? s + p : s), 0);
  }

  const ncpUpper = (alpha: number): number => {
    if (x === hi) return Infinity;
    const p = pnhyper(x, 1);
    if (p < alpha) return uniroot((t) => pnhyper(x, t) - alpha, 0, 1);
    if (p > alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t) - alpha, Number.EPSILON, 1);
    return 1;
  };
  const ncpLower = (alpha: number): number => {
    if (x === lo) return 0;
    const p = pnhyper(x, 1, true);
    if (p > alpha) return uniroot((t) => pnhyper(x, t, true) - alpha, 0, 1);
    if (p < alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, true) - alpha, Number.EPSILON, 1);
    return 1;
  };
  const ci: [number, number] =
    alternative === 'less' ? [0, ncpUpper(1 - confLevel)] : alternative === 'greater' ? [ncpLower(1 - confLevel), Infinity] : [ncpLower((1 - confLevel) / 2), ncpUpper((1 - confLevel) / 2)];

  const mle = (): number => {
    if (x === lo) return 0;
    if (x === hi) return Infinity;
    const mu = mnhyper(1);
    if (mu > x) return uniroot((t) => mnhyper(t) - x, 0, 1);
    if (mu < x) return 1 / uniroot((t) => mnhyper(1 / t) - x, Number.EPSILON, 1);
    return 1;
  };

  return {
    method: "Fisher's Exact Test for Count Data",
    alternative,
    estimateName: 'odds ratio',
    estimate: mle(),
    ci,
    confLevel,
    statisticName: 'x[1,1]',
    statistic: x,
    pValue,
  };
}
