import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors/app-error.js';
import { expectClose, fixtures, type RHtest } from './fixtures/r-fixtures.js';
import { rankSumTest } from './rank-sum.js';
import { signedRankTest } from './signed-rank.js';

interface Case {
  data: string;
  x: number[];
  y: number[] | null;
  paired: boolean;
  exact: boolean | null;
  correct: boolean;
  alternative: 'two.sided' | 'less' | 'greater';
  conf_level: number;
  mu: number;
  result: RHtest;
}

const cases = fixtures.wilcox as Case[];

describe('Wilcoxon rank-sum and signed-rank against R wilcox.test(conf.int = TRUE)', () => {
  it.each(cases.map((c, i) => [`${i} ${c.paired || !c.y ? 'signed-rank' : 'rank-sum'} ${c.data} ${c.alternative} exact=${c.exact} correct=${c.correct}`, c] as const))('%s', (_, c) => {
    const o = { alternative: c.alternative, confLevel: c.conf_level, mu: c.mu, correct: c.correct, confInt: true, ...(c.exact === null ? {} : { exact: c.exact }) };
    const r = c.paired || !c.y ? signedRankTest(c.x, c.paired ? c.y : null, o) : rankSumTest(c.x, c.y, o);
    expect(r.method).toBe(c.result.method);
    expectClose(r.statistic, c.result.statistic, 'statistic');
    expectClose(r.pValue, c.result.p_value, 'p');
    expectClose(r.ci![0], c.result.conf_int![0]!, 'ci lo');
    expectClose(r.ci![1], c.result.conf_int![1]!, 'ci hi');
    expectClose(r.confLevel!, c.result.conf_level, 'achieved conf.level');
    expectClose(r.estimate!, c.result.estimate![0]!, 'Hodges-Lehmann estimate');
  });

  it('covers exact and normal-approximation paths for both tests', () => {
    const methods = new Set(cases.map((c) => c.result.method));
    for (const m of [
      'Wilcoxon rank sum exact test',
      'Wilcoxon rank sum test with continuity correction',
      'Wilcoxon rank sum test',
      'Wilcoxon signed rank exact test',
      'Wilcoxon signed rank test with continuity correction',
      'Wilcoxon signed rank test',
    ]) {
      expect(methods.has(m), m).toBe(true);
    }
  });

  it('refuses to enumerate an exact distribution for two groups of 300', () => {
    const x = Array.from({ length: 300 }, (_, i) => i + 0.5);
    const y = Array.from({ length: 300 }, (_, i) => i);
    try {
      rankSumTest(x, y, { exact: true });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('STATS_EXACT_TOO_LARGE');
    }
  });

  it('refuses an interval when every observation is tied, as R does', () => {
    try {
      rankSumTest([2, 2, 2], [2, 2], { confInt: true });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('STATS_ALL_OBSERVATIONS_TIED');
    }
  });
});
