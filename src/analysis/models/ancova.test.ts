import { describe, expect, it } from 'vitest';
import { fitAncova } from './ancova.js';
import { expectClose, expectTable, readFixture, type ReferenceRow } from './fixtures/read-fixture.js';

interface Reference {
  readonly fixed: ReferenceRow[];
  readonly residualSd: number;
  readonly difference: { readonly estimate: number; readonly lower: number; readonly upper: number };
}

describe('fitAncova against R lm(change ~ arm + baseline)', () => {
  for (const name of ['ancova-balanced', 'ancova-unbalanced', 'ancova-n3']) {
    it(name, () => {
      const { rows, reference } = readFixture<Reference>(name);
      const fit = fitAncova(
        rows.map((r) => ({ arm: r.arm!, baseline: Number(r.baseline), change: Number(r.change) })),
        { referenceArm: 'placebo' },
      );
      expectTable(fit.fixed, reference.fixed, name);
      expectClose(fit.variance.residualSd, reference.residualSd, 'residual SD');
      const diff = fit.contrasts[0]!;
      expect(diff.term).toBe('active - placebo');
      expectClose(diff.estimate, reference.difference.estimate, 'difference');
      expectClose(diff.lower, reference.difference.lower, 'lower limit');
      expectClose(diff.upper, reference.difference.upper, 'upper limit');
    });
  }

  it('refuses a single arm and a design whose baseline is constant', () => {
    expect(() =>
      fitAncova([
        { arm: 'a', baseline: 1, change: 2 },
        { arm: 'a', baseline: 2, change: 3 },
      ]),
    ).toThrow(/only one arm/);
    const constantBaseline = ['a', 'a', 'b', 'b', 'b'].map((arm, i) => ({ arm, baseline: 5, change: i }));
    expect(() => fitAncova(constantBaseline)).toThrow(/"baseline" cannot be estimated/);
  });
});
