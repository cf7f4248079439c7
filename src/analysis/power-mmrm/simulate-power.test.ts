import { describe, expect, it } from 'vitest';
import { readJson } from '../models/fixtures/read-fixture.js';
import { simulateMmrmPower } from './simulate-power.js';

interface SingleVisit {
  readonly nPerArm: number;
  readonly delta: number;
  readonly sd: number;
  readonly alpha: number;
  readonly power: number;
}
interface ThreeVisits {
  readonly nPerArm: number;
  readonly delta: number;
  readonly sdLast: number;
  readonly alpha: number;
  readonly power: number;
}

describe('simulateMmrmPower', () => {
  it('matches R power.t.test for one visit, where the MMRM is the pooled t-test', () => {
    const r = readJson<SingleVisit>('power-single-visit');
    const result = simulateMmrmPower({
      nPerArm: { control: r.nPerArm, treatment: r.nPerArm },
      visits: ['24'],
      means: { control: [0], treatment: [r.delta] },
      covariance: { kind: 'unstructured', matrix: [[r.sd ** 2]] },
      alpha: r.alpha,
      runs: 4000,
      seed: 20240601,
    });
    expect(result.failedFits).toBe(0);
    // Within 3.5 Monte Carlo standard errors of the exact power (a 1-in-2000 miss for an unlucky seed).
    expect(Math.abs(result.power - r.power)).toBeLessThan(3.5 * Math.sqrt((r.power * (1 - r.power)) / 4000));
    expect(result.monteCarloSe).toBeCloseTo(Math.sqrt((result.power * (1 - result.power)) / 4000), 12);
  });

  it('matches the noncentral-t power on N − p df for three complete visits (compound symmetry)', () => {
    const r = readJson<ThreeVisits>('power-three-visits');
    const design = {
      nPerArm: { control: r.nPerArm, treatment: r.nPerArm },
      visits: ['4', '12', '24'],
      means: { control: [0, 0, 0], treatment: [1, 2, r.delta] },
      covariance: { kind: 'compound-symmetry', sd: r.sdLast, correlation: 0.6 },
      alpha: r.alpha,
      runs: 1500,
      seed: 7,
    } as const;
    const result = simulateMmrmPower(design);
    expect(result.failedFits).toBe(0);
    expect(Math.abs(result.power - r.power)).toBeLessThan(3.5 * Math.sqrt((r.power * (1 - r.power)) / 1500));
    // The same seed reproduces the result exactly; another seed gives another sample.
    expect(simulateMmrmPower({ ...design, runs: 50 })).toEqual(simulateMmrmPower({ ...design, runs: 50 }));
    expect(simulateMmrmPower({ ...design, runs: 200, seed: 8 }).rejections).not.toBe(simulateMmrmPower({ ...design, runs: 200 }).rejections);
  });

  it('refuses a covariance that is not positive definite and a zero run count', () => {
    const base = {
      nPerArm: { control: 5, treatment: 5 },
      visits: ['1', '2'],
      means: { control: [0, 0], treatment: [1, 1] },
      alpha: 0.05,
      seed: 1,
    };
    expect(() =>
      simulateMmrmPower({
        ...base,
        runs: 10,
        covariance: {
          kind: 'unstructured',
          matrix: [
            [1, 2],
            [2, 1],
          ],
        },
      }),
    ).toThrow(/not positive definite/);
    expect(() => simulateMmrmPower({ ...base, runs: 0, covariance: { kind: 'compound-symmetry', sd: 1, correlation: 0.5 } })).toThrow(/number of runs/);
  });
});
