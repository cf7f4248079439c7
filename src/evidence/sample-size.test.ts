import { describe, expect, it } from 'vitest';
import { sampleSizeProportions } from '../analysis/power/power-proportions.js';
import { findReportedEffect, sampleSizeFromEffect } from './sample-size.js';

describe('sample size from a reported effect', () => {
  it('plans a new Sjögren trial from the published 66.7 % vs 26.7 % ESSDAI responders', () => {
    // Hand calculation (normal approximation, pooled variance, α = 0.05 two-sided, power 0.8):
    // p̄ = 0.4667; z.975·√(2·0.4667·0.5333) = 1.95996·0.70553 = 1.38281; z.8·√(0.2222+0.1956) = 0.84162·0.64636 = 0.54399;
    // n = (1.92680 / 0.4)² = 23.20 → 24 per arm.
    const s = sampleSizeFromEffect(findReportedEffect({ disease: "Sjögren's" }));
    expect(s.pTreated).toBeCloseTo(0.6667, 4);
    expect(s.pControl).toBeCloseTo(0.2667, 4);
    expect([s.nTreated, s.nControl, s.total]).toEqual([24, 24, 48]);
    // The same n as power.prop.test solves (the R-checked function in src/analysis/power).
    const r = sampleSizeProportions({ p1: 20 / 30, p2: 8 / 30, power: 0.8 });
    expect(r.n).toBeCloseTo(23.2, 1);
    expect(Math.ceil(r.n)).toBe(s.nControl);
  });

  it('gives 46 per arm for the SLE SRI-4 effect (19/29 vs 11/30), by hand: (1.95524 / 0.28851)² = 45.93', () => {
    const s = sampleSizeFromEffect(findReportedEffect({ id: 'sle-sri4-w24' }));
    expect([s.nTreated, s.nControl]).toEqual([46, 46]);
  });

  it('allocates 2:1: p̄ = 0.5333, nC = ((1.95996·0.61101 + 0.84162·0.55378) / 0.4)² = 17.30 → 18 control, 35 treated', () => {
    const s = sampleSizeFromEffect(findReportedEffect({ disease: 'SS' }), { ratio: 2 });
    expect([s.nTreated, s.nControl, s.total]).toEqual([35, 18, 53]);
  });

  it('grows with power and shrinks with alpha as the formula says', () => {
    const e = findReportedEffect({ disease: 'SS' });
    expect(sampleSizeFromEffect(e, { power: 0.9 }).nControl).toBeGreaterThan(24);
    expect(sampleSizeFromEffect(e, { alpha: 0.01 }).nControl).toBeGreaterThan(24);
  });

  it('refuses bad arguments and unknown rows in one sentence naming the field', () => {
    const e = findReportedEffect({ disease: 'SS' });
    expect(() => sampleSizeFromEffect(e, { power: 1.2 })).toThrow(/power must be strictly between 0 and 1/);
    expect(() => sampleSizeFromEffect(e, { alpha: 0 })).toThrow(/alpha/);
    expect(() => sampleSizeFromEffect(e, { ratio: -1 })).toThrow(/ratio must be a positive number/);
    expect(() => findReportedEffect({ disease: 'RA' })).toThrow(/No reported effect matches disease RA/);
    expect(() => findReportedEffect({})).toThrow(/No reported effect/);
  });
});
