import { describe, expect, it } from 'vitest';
import { expectClose, expectTable, readFixture, readJson, type ReferenceRow } from '../../analysis/models/fixtures/read-fixture.js';
import { modelCommands } from './stats-models.js';

interface Reference {
  readonly fixed: ReferenceRow[];
  readonly contrasts?: ReferenceRow[];
}
type Row = { readonly term?: string; readonly estimate: number; readonly se: number; readonly df: number };
type Fit = { readonly method: string; readonly fixed: ReferenceRow[]; readonly contrasts: ReferenceRow[] };

describe('stats model commands', () => {
  it('runs the MMRM from CSV rows and column options, leaving out rows with an empty outcome', () => {
    const { rows, reference } = readFixture<Reference>('mmrm-missing');
    const withGap = [...rows, { id: 'M999', arm: 'active', week: '8', baseline: '30', change: 'NA' }];
    // The CLI takes the first arm in sorted order as reference; relabel so that is placebo, as in the fixture.
    const fit = modelCommands.mmrm!(
      withGap.map((r) => ({ ...r, arm: r.arm === 'placebo' ? 'a-placebo' : 'b-active' })),
      { csv: 'mmrm.csv', id: 'id', group: 'arm', visit: 'week', value: 'change', baseline: 'baseline', df: 'residual' },
    ) as Fit;
    expect(fit.method).toBe('mmrm');
    expectTable(
      fit.fixed,
      reference.fixed.map((r) => ({ ...r, term: r.term.replace('armactive', 'armb-active') })),
      'mmrm via CLI',
    );
  });

  it('runs the MMRM with Kenward-Roger df by default, and --covariance and --conf-level as given', () => {
    // make-mmrm-df-fixtures.R: gls(corAR1) with the KR adjustment written out, LS-mean differences from emmeans.
    const { rows, reference } = readFixture<{ ar1: { kenwardRoger: { differences: (ReferenceRow & { lower: number })[] } } }>('mmrm-df-n13');
    const options = { csv: 'mmrm.csv', group: 'arm', visit: 'week', value: 'change', baseline: 'baseline', covariance: 'ar1' } as const;
    const relabelled = rows.map((r) => ({ ...r, arm: r.arm === 'placebo' ? 'a-placebo' : 'b-active' }));
    const fit = modelCommands.mmrm!(relabelled, options) as Fit & { df: string };
    expect(fit.df).toBe('kenward-roger');
    const expected = reference.ar1.kenwardRoger.differences;
    fit.contrasts.forEach((c, i) => expect(Math.abs(c.df - expected[i]!.df)).toBeLessThan(1e-4 * expected[i]!.df));
    expectTable(
      fit.contrasts.map((c, i) => ({ ...c, df: expected[i]!.df })),
      expected.map((r) => ({ ...r, term: 'b-active - a-placebo' })),
      'mmrm KR via CLI',
    );
    const narrower = modelCommands.mmrm!(relabelled, { ...options, confLevel: 0.9 }) as { contrasts: { lower: number }[] };
    // A 90% interval lies inside the 95% one.
    expect(narrower.contrasts[0]!.lower).toBeGreaterThan(expected[0]!.lower);
  });

  describe('the piecewise model, with Kenward-Roger df unless --df says otherwise', () => {
    // make-lmm-df-fixtures.R: lmer refits of the ALS piecewise model; lmerTest's KR (via pbkrtest) and Satterthwaite.
    const lmerTest = readJson<Record<string, Record<'kenwardRoger' | 'satterthwaite', { fixed: Row[]; contrast: Row }>>>('lmm-df');
    type PiecewiseFit = { df: string; fixed: Row[]; contrasts: Row[] };
    const run = (name: string, df?: 'kr' | 'satterthwaite' | 'residual') =>
      modelCommands.piecewise!(readFixture<unknown>(name).rows, { csv: 'als.csv', id: 'id', time: 'week', value: 'alsfrs', ...(df ? { df } : {}) }) as PiecewiseFit;
    const compare = (actual: Row, expected: Row, what: string) => {
      expectClose(actual.estimate, expected.estimate, `${what} estimate`, 1e-6);
      expectClose(actual.se, expected.se, `${what} SE`, 1e-6);
      expectClose(actual.df, expected.df, `${what} df`, 1e-4);
    };

    it.each([
      ['piecewise-als-n13', undefined, 'kenward-roger', 'kenwardRoger'],
      ['piecewise-monthly-missing', undefined, 'kenward-roger', 'kenwardRoger'],
      ['piecewise-monthly-missing', 'kr', 'kenward-roger', 'kenwardRoger'],
      ['piecewise-monthly-missing', 'satterthwaite', 'satterthwaite', 'satterthwaite'],
    ] as const)('%s with --df %s: %s, as lmerTest gives', (name, option, method, key) => {
      const fit = run(name, option);
      expect(fit.df).toBe(method);
      const expected = lmerTest[name]![key];
      expected.fixed.forEach((e, i) => compare(fit.fixed[i]!, e, `${name} ${e.term}`));
      expect(fit.contrasts.map((c) => c.term)).toEqual(['t2 - t1']);
      compare(fit.contrasts[0]!, expected.contrast, `${name} t2 - t1`);
    });

    it('with --df residual: the REML estimates and SEs of nlme (make-fixtures.R) and n - p df (39 observations, 3 fixed effects)', () => {
      const { reference } = readFixture<Reference>('piecewise-als-n13');
      const fit = run('piecewise-als-n13', 'residual');
      expect(fit.df).toBe('residual');
      reference.contrasts!.forEach((e, i) => compare(fit.contrasts[i]!, { ...e, df: 36 }, 'residual t2 - t1'));
    });
  });

  it('names the line and column of a value that is not a number', () => {
    const { rows } = readFixture<Reference>('ancova-n3');
    const bad = rows.map((r, i) => (i === 3 ? { ...r, baseline: '12,5' } : r));
    expect(() => modelCommands.ancova!(bad, { csv: 'a.csv' })).toThrow('Line 5 of the CSV, column "baseline": "12,5" is not a number.');
  });

  it('names a missing column', () => {
    const { rows } = readFixture<Reference>('lmm-single-group');
    expect(() => modelCommands.lmm!(rows, { csv: 'l.csv', value: 'score' })).toThrow('The CSV has no column "score" (columns: id, arm, time, y).');
    expect(() => modelCommands.lmm!(rows, { csv: 'l.csv', value: 'y', time: 'month' })).toThrow('Line 2 of the CSV has no column "month".');
  });
});
