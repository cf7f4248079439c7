import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors/app-error.js';
import { expectClose, fixtures, type RHtest } from './fixtures/r-fixtures.js';
import { pairedTTest, twoSampleTTest } from './t-test.js';

interface Case {
  data: string;
  x: number[];
  y: number[];
  var_equal: boolean;
  paired: boolean;
  alternative: 'two.sided' | 'less' | 'greater';
  conf_level: number;
  mu: number;
  result: RHtest;
}

describe('t-tests against R t.test', () => {
  const cases = fixtures.ttest as Case[];
  it.each(cases.map((c) => [`${c.paired ? 'paired' : c.var_equal ? 'student' : 'welch'} ${c.data} ${c.alternative}`, c] as const))('%s', (_, c) => {
    const o = { alternative: c.alternative, confLevel: c.conf_level, mu: c.mu };
    const r = c.paired ? pairedTTest(c.x, c.y, o) : twoSampleTTest(c.x, c.y, { ...o, equalVariance: c.var_equal });
    expect(r.method).toBe(c.result.method);
    expectClose(r.statistic, c.result.statistic, 't');
    expectClose(r.df, c.result.parameter, 'df');
    expectClose(r.pValue, c.result.p_value, 'p');
    expectClose(r.ci![0], c.result.conf_int![0]!, 'ci lo');
    expectClose(r.ci![1], c.result.conf_int![1]!, 'ci hi');
    const est = c.result.estimate as number[];
    expectClose(r.estimate!, c.paired ? est[0]! : est[0]! - est[1]!, 'estimate');
  });
  it('covers every alternative, both variance assumptions and paired data', () => {
    expect(new Set(cases.map((c) => `${c.paired}/${c.var_equal}/${c.alternative}`)).size).toBe(9);
  });
});

describe('t-test input checks', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isAppError(e) ? e.code : 'other';
    }
    return 'none';
  };
  it('refuses a Welch group of one, as R does ("not enough x observations")', () => {
    expect(code(() => twoSampleTTest([1], [2, 3, 4], { equalVariance: false }))).toBe('STATS_NOT_ENOUGH_OBSERVATIONS');
  });
  it('refuses constant data, as R does ("data are essentially constant")', () => {
    expect(code(() => pairedTTest([1, 2, 3], [0, 1, 2]))).toBe('STATS_DATA_ESSENTIALLY_CONSTANT');
    expect(code(() => twoSampleTTest([5, 5, 5], [5, 5], { equalVariance: true }))).toBe('STATS_DATA_ESSENTIALLY_CONSTANT');
  });
  it('refuses a conf.level outside (0, 1) and unequal paired lengths', () => {
    expect(code(() => pairedTTest([1, 2, 4], [0, 1, 2], { confLevel: 1.5 }))).toBe('STATS_INVALID_ARGUMENT');
    expect(code(() => pairedTTest([1, 2, 4], [0, 1]))).toBe('STATS_INVALID_ARGUMENT');
  });
});
