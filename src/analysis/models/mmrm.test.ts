import { describe, expect, it } from 'vitest';
import { expectClose, expectTable, readFixture, type ReferenceRow } from './fixtures/read-fixture.js';
import { fitMmrm } from './mmrm.js';

interface Reference {
  readonly fixed: ReferenceRow[];
  readonly contrasts: (ReferenceRow & { readonly visit: string })[];
  readonly variance: { readonly visits: string[]; readonly sd: number[]; readonly correlation: number[][] };
  readonly logLik: number;
}

describe('fitMmrm against nlme::gls(corSymm + varIdent, method = "REML")', () => {
  for (const [name, withBaseline] of [
    ['mmrm-balanced', true],
    ['mmrm-missing', true],
    ['mmrm-unbalanced', false],
    ['mmrm-n3', false],
  ] as const) {
    it(name, () => {
      const { rows, reference } = readFixture<Reference>(name);
      const fit = fitMmrm(
        rows.map((r) => ({ id: r.id!, arm: r.arm!, visit: r.week!, value: Number(r.change), ...(withBaseline ? { baseline: Number(r.baseline) } : {}) })),
        { referenceArm: 'placebo', df: 'residual' },
      );
      expectTable(fit.fixed, reference.fixed, name);
      expect(fit.contrasts.map((c) => c.visit)).toEqual(reference.contrasts.map((c) => c.visit));
      expectTable(
        fit.contrasts,
        reference.contrasts.map((c) => ({ ...c, term: 'active - placebo' })),
        `${name} contrast`,
      );
      expect(fit.variance.visits).toEqual(reference.variance.visits);
      reference.variance.sd.forEach((sd, i) => expectClose(fit.variance.sd[i]!, sd, `SD at visit ${i + 1}`));
      reference.variance.correlation.forEach((row, i) => row.forEach((r, j) => expectClose(fit.variance.correlation[i]![j]!, r, `correlation ${i + 1},${j + 1}`)));
      expectClose(fit.logLik, reference.logLik, 'REML log-likelihood', 1e-6);
    });
  }

  it('refuses two rows for the same participant and visit, naming both rows', () => {
    const rows = [
      { id: 'a', arm: 'x', visit: '1', value: 1 },
      { id: 'a', arm: 'x', visit: '1', value: 2 },
    ];
    expect(() => fitMmrm(rows)).toThrow(/Rows 1 and 2 both give participant "a" at visit "1"/);
  });
});
