import { AppError } from '../../errors/app-error.js';
import { checkTable, colSums, rowSums, type ContingencyTable } from './contingency-table.js';
import { pchisq } from './distributions.js';
import type { TestResult } from './result.js';
import { statsErrors } from './errors.js';

export interface ChiSquareOptions {
  /** Yates' continuity correction, applied (as in R) only to 2×2 tables; R's default TRUE. */
  readonly correct?: boolean;
}

/**
 * Pearson's chi-square test of independence for an r×c table, as R's chisq.test(matrix): on a 2×2
 * table with `correct`, every |O − E| is reduced by min(0.5, min |O − E|) (R's form of Yates).
 */
export function chiSquareTest(table: ContingencyTable, o: ChiSquareOptions = {}): TestResult {
  checkTable(table, 'rxc');
  const rs = rowSums(table);
  const cs = colSums(table);
  const n = rs.reduce((a, b) => a + b, 0);
  if (n === 0) throw new AppError(statsErrors.INVALID_TABLE, 'The table has no observations.');
  const emptyRow = rs.findIndex((v) => v === 0);
  if (emptyRow >= 0) throw new AppError(statsErrors.INVALID_TABLE, `Row ${emptyRow + 1} of the table has no observations, so expected counts are zero.`);
  const emptyCol = cs.findIndex((v) => v === 0);
  if (emptyCol >= 0) throw new AppError(statsErrors.INVALID_TABLE, `Column ${emptyCol + 1} of the table has no observations, so expected counts are zero.`);
  const cells = table.flatMap((row, i) => row.map((obs, j) => ({ obs, exp: (rs[i]! * cs[j]!) / n })));
  const is2x2 = table.length === 2 && cs.length === 2;
  const yates = (o.correct ?? true) && is2x2 ? Math.min(0.5, ...cells.map((c) => Math.abs(c.obs - c.exp))) : 0;
  const statistic = cells.reduce((s, c) => s + (Math.abs(c.obs - c.exp) - yates) ** 2 / c.exp, 0);
  const df = (table.length - 1) * (cs.length - 1);
  return {
    method: `Pearson's Chi-squared test${yates > 0 ? " with Yates' continuity correction" : ''}`,
    alternative: 'two.sided',
    estimateName: null,
    estimate: null,
    ci: null,
    confLevel: null,
    statisticName: 'X-squared',
    statistic,
    df,
    pValue: pchisq(statistic, df, false),
  };
}
