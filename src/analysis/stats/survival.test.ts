import { describe, expect, it } from 'vitest';
import { expectClose, fixtures, type RNumber } from './fixtures/r-fixtures.js';
import { kaplanMeier, type SurvivalObservation } from './kaplan-meier.js';
import { logRankTest } from './log-rank.js';

interface KmCase {
  data: string;
  time: number[];
  status: number[];
  curve: Record<'time' | 'n_risk' | 'n_event' | 'n_censor' | 'surv' | 'std_err_log' | 'lower' | 'upper', RNumber[]>;
}
interface LogRankCase {
  time: number[];
  status: number[];
  group: string[];
  chisq: number;
  df: number;
  p_value: number;
  observed: number[];
  expected: number[];
}

const observations = (time: number[], status: number[]): SurvivalObservation[] => time.map((t, i) => ({ time: t, event: status[i] === 1 }));

describe('Kaplan-Meier against R survival::survfit', () => {
  it.each((fixtures.km as KmCase[]).map((c) => [c.data, c] as const))('%s', (_, c) => {
    const { steps } = kaplanMeier(observations(c.time, c.status));
    expect(steps.map((s) => s.time)).toEqual(c.curve.time);
    steps.forEach((s, i) => {
      expect([s.nRisk, s.nEvent, s.nCensor]).toEqual([c.curve.n_risk[i], c.curve.n_event[i], c.curve.n_censor[i]]);
      expectClose(s.surv, c.curve.surv[i]!, `surv at ${s.time}`);
      expectClose(s.stdErrLog, c.curve.std_err_log[i]!, `std.err at ${s.time}`);
      expectClose(s.lower, c.curve.lower[i]!, `lower at ${s.time}`);
      expectClose(s.upper, c.curve.upper[i]!, `upper at ${s.time}`);
    });
  });
  it('Greenwood by hand for 3 events among 4: S = 3/4·2/3 = 1/2, Var(log S) = 1/(4·3) + 1/(3·2) = 1/4', () => {
    const { steps } = kaplanMeier(observations([1, 2, 3, 4], [1, 1, 0, 1]));
    expect(steps[1]!.surv).toBeCloseTo(0.5, 12);
    expect(steps[1]!.stdErrLog).toBeCloseTo(0.5, 12);
    expect(steps[1]!.stdErr).toBeCloseTo(0.25, 12);
  });
});

describe('log-rank test against R survival::survdiff', () => {
  it.each((fixtures.logrank as LogRankCase[]).map((c) => [[...new Set(c.group)].join(' vs '), c] as const))('%s', (_, c) => {
    const groups = new Map<string, SurvivalObservation[]>();
    c.group.forEach((g, i) => groups.set(g, [...(groups.get(g) ?? []), { time: c.time[i]!, event: c.status[i] === 1 }]));
    const sorted = new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    const r = logRankTest(sorted);
    expectClose(r.statistic, c.chisq, 'chisq');
    expect(r.df).toBe(c.df);
    expectClose(r.pValue, c.p_value, 'p');
    r.groups.forEach((g, i) => {
      expectClose(g.observed, c.observed[i]!, `observed ${g.group}`);
      expectClose(g.expected, c.expected[i]!, `expected ${g.group}`);
    });
  });
});
