import { describe, expect, it } from 'vitest';
import { slopeTests } from './slope-analysis.js';

describe('per-patient slopes from the outcome’s first visit', () => {
  it('a first visit at week 4: the administration period is 20 weeks, not 24', () => {
    // Months of 30.4375 days (365.25 / 12): weeks 4 → 24 are 140 / 30.4375 months, 24 → 48 are 168 / 30.4375.
    const m20 = 140 / 30.4375;
    const m24 = 168 / 30.4375;
    const values: Record<string, [number, number, number]> = { P1: [40, 36, 30], P2: [42, 40, 35], P3: [38, 33, 29] };
    const rows = [
      ...Object.entries(values).flatMap(([id, v]) => [4, 24, 48].map((week, i) => ({ id, week, value: v[i]! }))),
      // P4 has no week-4 value: left out of the per-patient slopes.
      { id: 'P4', week: 24, value: 30 },
      { id: 'P4', week: 48, value: 25 },
    ];
    const tests = slopeTests(rows, 24, 4);
    const pp = tests.find((t) => t.kind === 'per-patient-slopes');
    if (pp?.kind !== 'per-patient-slopes') throw new Error(JSON.stringify(tests));
    expect(pp).toMatchObject({ n: 3, excluded: 1, unit: 'points per month' });
    // Follow-up minus administration slope: P1 −6/m24 + 4/m20, P2 −5/m24 + 2/m20, P3 −4/m24 + 5/m20.
    expect(pp.result.estimate).toBeCloseTo((-15 / m24 + 11 / m20) / 3, 12);
  });
});
