import { describe, expect, it } from 'vitest';
import { expectClose, expectTable, readFixture, type ReferenceRow } from './fixtures/read-fixture.js';
import { fitLmm } from './lmm.js';

interface Reference {
  readonly fixed: ReferenceRow[];
  readonly variance: { readonly sdIntercept: number; readonly sdSlope: number; readonly correlation: number; readonly residualSd: number };
  readonly logLik: number;
}

describe('fitLmm against nlme::lme(random = ~ time | id, method = "REML")', () => {
  for (const name of ['lmm-balanced', 'lmm-missing', 'lmm-unbalanced', 'lmm-single-group']) {
    it(name, () => {
      const { rows, reference } = readFixture<Reference>(name);
      const withArm = name !== 'lmm-single-group';
      const fit = fitLmm(
        rows.map((r) => ({ id: r.id!, time: Number(r.time), value: Number(r.y), ...(withArm ? { arm: r.arm! } : {}) })),
        { referenceArm: withArm ? 'placebo' : undefined },
      );
      expectTable(fit.fixed, reference.fixed, name);
      for (const key of ['sdIntercept', 'sdSlope', 'correlation', 'residualSd'] as const) {
        expectClose(fit.variance[key], reference.variance[key], key);
      }
      expectClose(fit.logLik, reference.logLik, 'REML log-likelihood', 1e-6);
    });
  }

  it('refuses rows where only some have an arm', () => {
    expect(() =>
      fitLmm([
        { id: 'a', time: 0, value: 1, arm: 'x' },
        { id: 'a', time: 1, value: 2 },
      ]),
    ).toThrow(/Observation 2 has no arm/);
  });
});
