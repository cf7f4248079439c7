import { describe, expect, it } from 'vitest';
import { buildDesign } from './scheme.js';
import { simulate, type SimulationInput } from './simulate.js';

const arms = [
  { id: 'active', ratio: 1 },
  { id: 'placebo', ratio: 1 },
];
const base = { protocolId: 'test', arms, siteIds: ['s1'], participants: 60, seed: new Uint8Array(32).fill(9) } satisfies Partial<SimulationInput>;

/** E|n₁ − n₂| for simple 1:1 randomization of n: Σ_x |2x − n| · C(n, x) / 2ⁿ. */
function expectedSimpleImbalance(n: number): number {
  let p = 2 ** -n; // P(X = 0)
  let sum = 0;
  for (let x = 0; x <= n; x++) {
    sum += Math.abs(2 * x - n) * p;
    p = (p * (n - x)) / (x + 1);
  }
  return sum;
}

describe('simulate', () => {
  const runs = 400;
  const report = simulate({
    ...base,
    runs,
    protocolScheme: buildDesign({ scheme: 'permuted-blocks', blockSizes: [2] }, arms, ['s1']),
  });
  const byId = (id: string) => {
    const s = report.schemes.find((x) => x.id === id);
    if (!s) throw new Error(`no scheme ${id}`);
    return s;
  };

  it("compares the protocol's scheme with the four alternatives and describes the simulated covariates", () => {
    expect(report.schemes.map((s) => s.id)).toEqual(['protocol', 'simple', 'blocks-fixed', 'blocks-random', 'minimization']);
    expect(report.schemes.map((s) => s.description)).toEqual([
      'permuted blocks of fixed size 2, unstratified',
      'simple (unrestricted) randomization',
      'permuted blocks of fixed size 4, stratified by site',
      'permuted blocks of random size 2 or 4, stratified by site',
      'Pocock–Simon minimization over site, severity, range, p = 0.8',
    ]);
    expect(report.covariates.map((c) => [c.id, c.levels, c.probabilities])).toEqual([
      ['site', ['s1'], [1]],
      ['severity', ['moderate', 'high'], [0.5, 0.5]],
    ]);
    expect(report.covariates[1]?.source).toMatch(/assumed/);
  });

  it('predictability of 1:1 blocks of 2 under the convergence strategy is exactly 3/4', () => {
    // First of each block: the arms are tied, the guess is right with probability 1/2. Second: the
    // guesser picks the arm not yet used in the block, which is certain. (1/2 + 1)/2 = 3/4, in
    // every run of 60 (30 whole blocks), so the mean is exact.
    expect(byId('protocol').predictability).toBeCloseTo(0.75, 12);
    expect(byId('protocol').finalImbalance.quantiles.max).toBe(0);
  });

  it('predictability of 1:1 blocks of 4 is 17/24 in expectation', () => {
    // Block of 4 (two A, two B): position 1 tie → 1/2. Position 2: guess the other arm, right with
    // P = 2/3. Position 3: after AB/BA (2/3) a tie → 1/2; after AA/BB (1/3) certain → 1; so 2/3.
    // Position 4: certain. Per block 1/2 + 2/3 + 2/3 + 1 = 17/6, per assignment 17/24. The block
    // total is 3 (P 2/3) or 5/2 (P 1/3): variance 1/18; a run of 15 blocks has sd √(15/18)/60 ≈ 0.0152,
    // the mean of 400 runs sd ≈ 0.00076; tolerance 0.004 is over 5 sd.
    expect(Math.abs(byId('blocks-fixed').predictability - 17 / 24)).toBeLessThan(0.004);
    expect(byId('blocks-fixed').finalImbalance.quantiles.max).toBe(0); // 60 = 15 whole blocks at one site
  });

  it('simple randomization is unpredictable (≈ 1/2) and its imbalance matches the binomial', () => {
    // Each guess is right with probability 1/2 whatever the history; per-assignment variance ≤ 1/4,
    // so the mean of 400 × 60 guesses has sd ≤ 0.0033 if independent; tolerance 0.015.
    expect(Math.abs(byId('simple').predictability - 0.5)).toBeLessThan(0.015);
    // E|n₁ − n₂| ≈ 6.16 for n = 60; |n₁ − n₂| has sd ≈ 4.6, the mean of 400 runs sd ≈ 0.23; tolerance 1.
    expect(Math.abs(byId('simple').finalImbalance.mean - expectedSimpleImbalance(60))).toBeLessThan(1);
  });

  it('reports quantiles and tail probabilities consistent with each other', () => {
    for (const s of report.schemes) {
      const { quantiles: q, exceeds } = s.finalImbalance;
      expect(q.p50 <= q.p90 && q.p90 <= q.p95 && q.p95 <= q.p99 && q.p99 <= q.max).toBe(true);
      expect(exceeds['2']).toBeGreaterThanOrEqual(exceeds['4'] ?? 0);
      expect(s.withinStrata.meanCell).toBeLessThanOrEqual(s.withinStrata.meanMaxCell);
    }
    // Minimization over site and severity balances the severity cells better than site-only blocks.
    expect(byId('minimization').withinStrata.meanCell).toBeLessThan(byId('blocks-fixed').withinStrata.meanCell);
  });

  it('reproduces exactly with the same seed and differs with another', () => {
    const small = { ...base, runs: 20 };
    expect(simulate(small)).toEqual(simulate(small));
    expect(simulate({ ...small, seed: new Uint8Array(32).fill(8) }).schemes[0]?.finalImbalance).not.toEqual(simulate(small).schemes[0]?.finalImbalance);
  });

  it('refuses out-of-range sizes', () => {
    expect(() => simulate({ ...base, runs: 0 })).toThrow(expect.objectContaining({ code: 'RANDOMIZATION_INVALID_SIMULATION' }));
    expect(() => simulate({ ...base, participants: 1.5, runs: 1 })).toThrow(expect.objectContaining({ code: 'RANDOMIZATION_INVALID_SIMULATION' }));
  });
});
