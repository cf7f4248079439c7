import { describe, it } from 'vitest';
import { expectClose, expectTable, readFixture, type ReferenceRow } from './fixtures/read-fixture.js';
import { fitPiecewise } from './piecewise.js';

interface Reference {
  readonly fixed: ReferenceRow[];
  readonly contrasts: ReferenceRow[];
  readonly variance: { readonly sdIntercept: number; readonly residualSd: number };
  readonly logLik: number;
}

describe('fitPiecewise against nlme::lme(alsfrs ~ t1 + t2, random = ~ 1 | id) with the t2 − t1 contrast', () => {
  for (const name of ['piecewise-als-n13', 'piecewise-monthly-missing']) {
    it(name, () => {
      const { rows, reference } = readFixture<Reference>(name);
      const fit = fitPiecewise(rows.map((r) => ({ id: r.id!, week: Number(r.week), value: Number(r.alsfrs) })));
      expectTable(fit.fixed, reference.fixed, name);
      expectTable(fit.contrasts, reference.contrasts, `${name} contrast`);
      expectClose(fit.variance.sdIntercept, reference.variance.sdIntercept, 'SD of intercepts');
      expectClose(fit.variance.residualSd, reference.variance.residualSd, 'residual SD');
      expectClose(fit.logLik, reference.logLik, 'REML log-likelihood', 1e-6);
    });
  }
});
