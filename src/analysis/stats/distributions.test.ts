import { describe, expect, it } from 'vitest';
import { pchisq, pnorm, pnt, pt, qnorm, qt } from './distributions.js';
import { expectClose, fixtures } from './fixtures/r-fixtures.js';
import { countDistribution, pCount, qCount, rankSumCounts, signedRankCounts } from './rank-distributions.js';

interface Tail {
  q: number;
  df: number;
  ncp: number;
  lower: number;
  upper: number;
}
interface Quantile {
  p: number;
  df: number;
  q: number;
}

describe('distribution functions against R, in both tails', () => {
  const d = fixtures.dist as { pt: Tail[]; qt: Quantile[]; pnorm: Tail[]; qnorm: Quantile[]; pchisq: Tail[]; pnt: Tail[] };
  it.each(d.pt.map((c) => [`${c.q} on ${c.df} df`, c] as const))('pt %s', (_, c) => {
    expectClose(pt(c.q, c.df), c.lower, 'lower');
    expectClose(pt(c.q, c.df, false), c.upper, 'upper');
  });
  it.each(d.qt.map((c) => [`${c.p} on ${c.df} df`, c] as const))('qt %s', (_, c) => expectClose(qt(c.p, c.df), c.q, 'q'));
  it.each(d.pnorm.map((c) => [c.q, c] as const))('pnorm %s', (_, c) => {
    expectClose(pnorm(c.q), c.lower, 'lower');
    expectClose(pnorm(c.q, false), c.upper, 'upper');
  });
  it.each(d.qnorm.map((c) => [c.p, c] as const))('qnorm %s', (_, c) => expectClose(qnorm(c.p), c.q, 'q'));
  it.each(d.pchisq.map((c) => [`${c.q} on ${c.df} df`, c] as const))('pchisq %s', (_, c) => {
    expectClose(pchisq(c.q, c.df), c.lower, 'lower');
    expectClose(pchisq(c.q, c.df, false), c.upper, 'upper');
  });
  it.each(d.pnt.map((c) => [`${c.q} on ${c.df} df, ncp ${c.ncp}`, c] as const))('noncentral pt %s', (_, c) => {
    expectClose(pnt(c.q, c.df, c.ncp), c.lower, 'lower');
    expectClose(pnt(c.q, c.df, c.ncp, false), c.upper, 'upper');
  });
});

describe('exact rank distributions, enumerated by hand', () => {
  it('signed-rank counts for n = 3: subsets of {1,2,3} by sum 0..6 (sum 3 twice: {3}, {1,2})', () => {
    expect(signedRankCounts(3)).toEqual([1, 1, 1, 2, 1, 1, 1]);
  });
  it('rank-sum counts for 2 + 2: W = rank sum − 3 over the 6 rank pairs {1,2}…{3,4} gives 0,1,2,2,3,4', () => {
    expect(rankSumCounts(2, 2)).toEqual([1, 1, 2, 1, 1]);
  });
  it('p and q follow R: P(W ≤ 1) = 2/6, P(W > 1) = 4/6, smallest q with P(W ≤ q) ≥ 0.5 is 2', () => {
    const dist = countDistribution(rankSumCounts(2, 2));
    expect(pCount(dist, 1)).toBeCloseTo(2 / 6, 15);
    expect(pCount(dist, 1, false)).toBeCloseTo(4 / 6, 15);
    expect(qCount(dist, 0.5)).toBe(2);
  });
});
