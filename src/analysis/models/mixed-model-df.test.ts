import { describe, expect, it } from 'vitest';
import { readFixture, readJson } from './fixtures/read-fixture.js';
import { fitLmm } from './lmm.js';
import { fitPiecewise } from './piecewise.js';

interface Row {
  readonly term?: string;
  readonly estimate: number;
  readonly se: number;
  readonly df: number;
}
interface Tables {
  readonly fixed: Row[];
  readonly contrast?: Row;
}
type Reference = Record<string, { readonly kenwardRoger: Tables; readonly satterthwaite: Tables }>;

// make-lmm-df-fixtures.R: lmer refits of lme's models; lmerTest (KR via pbkrtest, and Satterthwaite).
const reference = readJson<Reference>('lmm-df');

/** 1e-6 relative for estimates and SEs, 1e-4 for df (the brief's tolerances). */
function compare(actual: Row, expected: Row, what: string): void {
  const close = (a: number, e: number, tolerance: number, name: string) =>
    expect(Math.abs(a - e), `${what} ${name}: got ${a}, R gives ${e}`).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(e), 1e-3));
  close(actual.estimate, expected.estimate, 1e-6, 'estimate');
  close(actual.se, expected.se, 1e-6, 'SE');
  close(actual.df, expected.df, 1e-4, 'df');
}

describe.each([
  ['kenward-roger', 'kenwardRoger'],
  ['satterthwaite', 'satterthwaite'],
] as const)('%s df for the random-effects models, against lmerTest', (method, key) => {
  it('random intercept and slope with missing visits (lmm-missing, 40 participants)', () => {
    const { rows } = readFixture<unknown>('lmm-missing');
    const fit = fitLmm(
      rows.map((r) => ({ id: r.id!, time: Number(r.time), value: Number(r.y), arm: r.arm! })),
      { referenceArm: 'placebo', df: method },
    );
    const expected = reference['lmm-missing']![key].fixed;
    expect(fit.fixed.map((f) => f.term)).toEqual(expected.map((e) => e.term));
    expected.forEach((e, i) => compare(fit.fixed[i]!, e, e.term!));
  });

  it.each(['piecewise-als-n13', 'piecewise-monthly-missing'])('the ALS piecewise slopes and their difference (%s)', (name) => {
    const { rows } = readFixture<unknown>(name);
    const fit = fitPiecewise(
      rows.map((r) => ({ id: r.id!, week: Number(r.week), value: Number(r.alsfrs) })),
      { df: method },
    );
    const expected = reference[name]![key];
    expected.fixed.forEach((e, i) => compare(fit.fixed[i]!, e, e.term!));
    compare(fit.contrasts[0]!, expected.contrast!, 't2 - t1');
  });
});
