import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectClose as expectWithin } from '../../analysis/models/fixtures/read-fixture.js';
import { expectClose, fixtures, type RHtest } from '../../analysis/stats/fixtures/r-fixtures.js';
import type { KmOutput } from './stats.js';
import { runClassicalTest } from './stats.js';
import { cli } from './run-cli.test-helper.js';
import type { TestResult } from '../../analysis/stats/result.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, header: string[], rows: (string | number)[][]): string {
  const file = join(dir, name);
  writeFileSync(file, [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}

const rowsOf = (header: string[], rows: (string | number)[][]) => rows.map((r) => Object.fromEntries(header.map((h, i) => [h, String(r[i])])));

interface TCase {
  data: string;
  x: number[];
  y: number[];
  var_equal: boolean;
  paired: boolean;
  alternative: string;
  conf_level: number;
  mu: number;
  result: RHtest;
}

// R's unbalanced data set (7 vs 8), Welch, two-sided: group "a" is x, "b" is y (sorted levels).
const welch = (fixtures.ttest as TCase[]).find((c) => c.data === 'unbalanced' && !c.var_equal && !c.paired && c.alternative === 'two.sided')!;
const twoGroupRows = [...welch.x.map((v, i) => [`a${i}`, 'a', v]), ...welch.y.map((v, i) => [`b${i}`, 'b', v])];

describe('il2trials stats (child process)', () => {
  it('prints the Welch test as JSON matching R t.test', () => {
    const file = csv('welch.csv', ['id', 'arm', 'score'], twoGroupRows);
    const r = cli('stats', 'welch', '--csv', file, '--group', 'arm', '--value', 'score', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as TestResult;
    expect(out.method).toBe(welch.result.method);
    expectClose(out.statistic, welch.result.statistic, 't');
    expectClose(out.df!, welch.result.parameter, 'df');
    expectClose(out.pValue, welch.result.p_value, 'p');
    expectClose(out.ci![0], welch.result.conf_int![0]!, 'ci lo');
    expectClose(out.ci![1], welch.result.conf_int![1]!, 'ci hi');
  });

  it('prints a readable table by default', () => {
    const file = csv('welch-table.csv', ['id', 'group', 'value'], twoGroupRows);
    const r = cli('stats', 'welch', '--csv', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/method\s+Welch Two Sample t-test/);
    expect(r.stdout).toMatch(/95% CI\s+-?\d/);
  });

  it('names the line and column of text in a numeric column, and exits 1', () => {
    const file = csv('bad.csv', ['id', 'group', 'value'], [...twoGroupRows.slice(0, 4), ['z', 'b', 'n/a'], ...twoGroupRows.slice(4)]);
    const r = cli('stats', 'student', '--csv', file);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('il2trials: Line 6 of the CSV, column "value": "n/a" is not a number.');
  });

  it('names a missing column, and exits 1', () => {
    const file = csv('nocol.csv', ['id', 'group', 'value'], twoGroupRows);
    const r = cli('stats', 'wilcoxon', '--csv', file, '--value', 'weight');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('il2trials: The CSV has no column "weight" (columns: id, group, value).');
  });

  it('fits the MMRM with --df and --covariance, matching lmerTest on the same compound-symmetry model', () => {
    // make-mmrm-df-fixtures.R: lmer(change ~ arm * visit + baseline + (1 | id)) with emmeans(lmer.df = "satterthwaite").
    const fixture = fileURLToPath(new URL('../../analysis/models/fixtures/mmrm-df-n13.csv', import.meta.url));
    const reference = (
      JSON.parse(readFileSync(fixture.replace(/csv$/, 'json'), 'utf8')) as { 'compound-symmetry': { lmer: { satterthwaiteDifferences: { estimate: number; se: number; df: number }[] } } }
    )['compound-symmetry'].lmer.satterthwaiteDifferences;
    const r = cli(
      'stats',
      'mmrm',
      '--csv',
      fixture,
      '--group',
      'arm',
      '--visit',
      'week',
      '--value',
      'change',
      '--baseline',
      'baseline',
      '--df',
      'satterthwaite',
      '--covariance',
      'compound-symmetry',
      '--json',
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { df: string; variance: { structure: string }; contrasts: { term: string; estimate: number; se: number; df: number }[] };
    expect([out.df, out.variance.structure]).toEqual(['satterthwaite', 'compound-symmetry']);
    // Without --reference the first arm in sorted order, active, is the reference: the differences change sign.
    expect(out.contrasts.map((c) => c.term)).toEqual(reference.map(() => 'placebo - active'));
    out.contrasts.forEach((c, i) => {
      expectWithin(-c.estimate, reference[i]!.estimate, 'difference', 1e-6);
      expectWithin(c.se, reference[i]!.se, 'SE', 1e-6);
      expectWithin(c.df, reference[i]!.df, 'df', 1e-4);
    });
  });

  it('fits the piecewise model with Kenward-Roger df when --df is not given, as lmerTest does, and refuses an unknown --df', () => {
    // make-lmm-df-fixtures.R: lmer refit of the ALS piecewise model, lmerTest's KR contrast t2 - t1.
    const fixture = fileURLToPath(new URL('../../analysis/models/fixtures/piecewise-monthly-missing.csv', import.meta.url));
    const lmm = JSON.parse(readFileSync(fixture.replace('piecewise-monthly-missing.csv', 'lmm-df.json'), 'utf8')) as Record<
      string,
      { kenwardRoger: { contrast: { estimate: number; se: number; df: number } } }
    >;
    const reference = lmm['piecewise-monthly-missing']!.kenwardRoger.contrast;
    const r = cli('stats', 'piecewise', '--csv', fixture, '--value', 'alsfrs', '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { df: string; contrasts: { term: string; estimate: number; se: number; df: number }[] };
    expect([out.df, out.contrasts[0]!.term]).toEqual(['kenward-roger', 't2 - t1']);
    expectWithin(out.contrasts[0]!.estimate, reference.estimate, 'slope difference', 1e-6);
    expectWithin(out.contrasts[0]!.se, reference.se, 'SE', 1e-6);
    expectWithin(out.contrasts[0]!.df, reference.df, 'df', 1e-4);
    const bad = cli('stats', 'piecewise', '--csv', fixture, '--value', 'alsfrs', '--df', 'nlme');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--df.*nlme.*kr, satterthwaite, residual/);
  });

  it('refuses --covariance and --df where they do not apply, and exits 1', () => {
    const file = csv('welch-options.csv', ['id', 'group', 'value'], twoGroupRows);
    const covariance = cli('stats', 'welch', '--csv', file, '--covariance', 'ar1');
    expect([covariance.code, covariance.stderr.trim()]).toEqual([1, 'il2trials: --covariance applies to mmrm only, not to welch.']);
    const df = cli('stats', 'welch', '--csv', file, '--df', 'kr');
    expect([df.code, df.stderr.trim()]).toEqual([1, 'il2trials: --df applies to the models (ancova, lmm, mmrm, piecewise), not to welch.']);
  });

  it('refuses an unknown test in one sentence', () => {
    const file = csv('any.csv', ['group', 'value'], [['a', 1]]);
    const r = cli('stats', 'anova9', '--csv', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^il2trials: Unknown test "anova9"; choose one of student, .*\.\n$/);
  });
});

describe('stats command on CSV rows (in process), against R', () => {
  interface TableCase {
    data: string;
    table: number[][];
    alternative: 'two.sided' | 'less' | 'greater';
    conf_level: number;
    correct: boolean;
    result: RHtest;
  }

  /** Expands a 2×2 table back into (group, event) rows: row 1 = group "g1", column 1 = outcome "0". */
  const tableRows = (t: number[][]) => t.flatMap((row, i) => row.flatMap((count, j) => Array.from({ length: count }, () => [`g${i + 1}`, String(j)])));

  it('fisher on (group, event) rows equals R fisher.test on the table, zero cell included', () => {
    const c = (fixtures.fisher as TableCase[]).find((f) => f.data === 'zero_cell' && f.alternative === 'greater')!;
    const r = runClassicalTest('fisher', rowsOf(['group', 'event'], tableRows(c.table)), { csv: '', alternative: 'greater', confLevel: c.conf_level }) as TestResult;
    expectClose(r.pValue, c.result.p_value, 'p');
    expectClose(r.estimate!, c.result.estimate![0]!, 'odds ratio');
    expectClose(r.ci![0], c.result.conf_int![0]!, 'ci lo');
  });

  it('chisq on rows equals R chisq.test without Yates when --correct false', () => {
    const c = (fixtures.chisq as TableCase[]).find((f) => f.data === 'unbalanced' && !f.correct)!;
    const r = runClassicalTest('chisq', rowsOf(['group', 'event'], tableRows(c.table)), { csv: '', correct: false }) as TestResult;
    expect(r.method).toBe(c.result.method);
    expectClose(r.statistic, c.result.statistic, 'X-squared');
  });

  it('risk-diff counts events (1) per group: R prop.test(c(15, 8), c(40, 42))', () => {
    interface PropCase {
      data: string;
      x: number[];
      n: number[];
      alternative: string;
      correct: boolean;
      result: RHtest;
    }
    const c = (fixtures.riskdiff as PropCase[]).find((f) => f.data === 'moderate' && f.alternative === 'two.sided' && f.correct)!;
    const rows = [0, 1].flatMap((g) => Array.from({ length: c.n[g]! }, (_, i) => [`arm${g + 1}`, i < c.x[g]! ? 'yes' : 'no']));
    const r = runClassicalTest('risk-diff', rowsOf(['arm', 'event'], rows), { csv: '', group: 'arm' }) as TestResult;
    expectClose(r.ci![0], c.result.conf_int![0]!, 'ci lo');
    expectClose(r.ci![1], c.result.conf_int![1]!, 'ci hi');
    expectClose(r.pValue, c.result.p_value, 'p');
  });

  it('paired tests match ids across the two groups whatever the row order', () => {
    const c = (fixtures.ttest as TCase[]).find((f) => f.paired && f.data === 'distinct' && f.alternative === 'two.sided')!;
    const rows = [...c.y.map((v, i) => [`p${i}`, 'week24', v]), ...c.x.map((v, i) => [`p${i}`, 'week00', v]).reverse()];
    // x = first sorted level "week00", so the difference is x − y as in R
    const r = runClassicalTest('paired', rowsOf(['id', 'visit', 'value'], rows), { csv: '', group: 'visit' }) as TestResult;
    expectClose(r.statistic, c.result.statistic, 't');
    expectClose(r.pValue, c.result.p_value, 'p');
  });

  it('km with groups gives survfit curves and the survdiff log-rank test', () => {
    interface LR {
      time: number[];
      status: number[];
      group: string[];
      chisq: number;
      p_value: number;
    }
    const c = (fixtures.logrank as LR[])[0]!;
    const rows = c.time.map((t, i) => [t, c.status[i]!, c.group[i]!]);
    const out = runClassicalTest('km', rowsOf(['time', 'event', 'group'], rows), { csv: '', group: 'group' }) as KmOutput;
    expect(out.curves.map((k) => k.group)).toEqual(['6-MP', 'placebo']);
    expectClose(out.logRank!.statistic, c.chisq, 'chisq');
    expectClose(out.logRank!.pValue, c.p_value, 'p');
  });
});
