import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors/app-error.js';
import { chiSquareTest } from './chi-square.js';
import { fisherTest } from './fisher.js';
import { expectClose, fixtures, type RHtest } from './fixtures/r-fixtures.js';
import { riskDifference } from './risk-difference.js';

type Alt = 'two.sided' | 'less' | 'greater';
interface TableCase {
  data: string;
  table: number[][];
  alternative: Alt;
  conf_level: number;
  correct: boolean;
  result: RHtest;
}
interface PropCase {
  data: string;
  x: [number, number];
  n: [number, number];
  alternative: Alt;
  conf_level: number;
  correct: boolean;
  result: RHtest;
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? e.code : 'other';
  }
  return 'none';
};

describe("Fisher's exact test against R fisher.test", () => {
  const cases = fixtures.fisher as TableCase[];
  it.each(cases.map((c) => [`${c.data} ${c.alternative} ${c.conf_level}`, c] as const))('%s', (_, c) => {
    const r = fisherTest(c.table, { alternative: c.alternative, confLevel: c.conf_level });
    expect(r.method).toBe(c.result.method);
    expectClose(r.pValue, c.result.p_value, 'p');
    expectClose(r.estimate!, c.result.estimate![0]!, 'conditional MLE odds ratio');
    expectClose(r.ci![0], c.result.conf_int![0]!, 'ci lo');
    expectClose(r.ci![1], c.result.conf_int![1]!, 'ci hi');
  });
  it('refuses a table that is not 2×2 or has negative counts', () => {
    expect(
      code(() =>
        fisherTest([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ),
    ).toBe('STATS_INVALID_TABLE');
    expect(
      code(() =>
        fisherTest([
          [1, -2],
          [4, 5],
        ]),
      ),
    ).toBe('STATS_INVALID_TABLE');
  });
});

describe('chi-square test against R chisq.test', () => {
  const cases = fixtures.chisq as TableCase[];
  it.each(cases.map((c) => [`${c.data} correct=${c.correct}`, c] as const))('%s', (_, c) => {
    const r = chiSquareTest(c.table, { correct: c.correct });
    expect(r.method).toBe(c.result.method);
    expectClose(r.statistic, c.result.statistic, 'X-squared');
    expectClose(r.df!, c.result.parameter, 'df');
    expectClose(r.pValue, c.result.p_value, 'p');
  });
  it('refuses a table with an empty row, where every expected count in it is zero', () => {
    expect(
      code(() =>
        chiSquareTest([
          [0, 0],
          [3, 4],
        ]),
      ),
    ).toBe('STATS_INVALID_TABLE');
  });
});

describe('risk difference against R prop.test(x, n)', () => {
  const cases = fixtures.riskdiff as PropCase[];
  it.each(cases.map((c) => [`${c.data} ${c.alternative} correct=${c.correct}`, c] as const))('%s', (_, c) => {
    const r = riskDifference(c.x, c.n, { alternative: c.alternative, confLevel: c.conf_level, correct: c.correct });
    expect(r.method).toBe(c.result.method);
    expectClose(r.statistic, c.result.statistic, 'X-squared');
    expectClose(r.pValue, c.result.p_value, 'p');
    expectClose(r.ci![0], c.result.conf_int![0]!, 'ci lo');
    expectClose(r.ci![1], c.result.conf_int![1]!, 'ci hi');
    const est = c.result.estimate as number[];
    expectClose(r.estimate!, est[0]! - est[1]!, 'p1 - p2');
  });
  it('without correction is the Wald interval: 15/40 vs 8/42, hand-computed', () => {
    // p1 = .375, p2 = .190476; se = sqrt(.375·.625/40 + .190476·.809524/42) = sqrt(.005859375 + .003671413) = .0976257
    // .184524 ± 1.959964·.0976257 = [−.006818, .375865]
    const r = riskDifference([15, 8], [40, 42], { correct: false });
    expect(r.ci![0]).toBeCloseTo(-0.006818, 5);
    expect(r.ci![1]).toBeCloseTo(0.375865, 5);
  });
  it('refuses more events than participants', () => {
    expect(code(() => riskDifference([5, 2], [4, 6]))).toBe('STATS_INVALID_ARGUMENT');
  });
});
