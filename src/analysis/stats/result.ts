/** The alternative hypothesis, spelled as R spells it. */
export type Alternative = 'two.sided' | 'less' | 'greater';

export const alternatives: readonly Alternative[] = ['two.sided', 'less', 'greater'];

/**
 * What every classical test returns, shaped like R's `htest`: `method` is R's method string,
 * `estimate` the point estimate R reports (the difference for two-sample location tests),
 * `ci` the confidence interval at `confLevel` (open ends are ±Infinity), `statistic` the test
 * statistic named `statisticName` as R names it, `df` its degrees of freedom when it has them.
 */
export interface TestResult {
  readonly method: string;
  readonly alternative: Alternative;
  readonly estimateName: string | null;
  readonly estimate: number | null;
  readonly ci: readonly [number, number] | null;
  readonly confLevel: number | null;
  readonly statisticName: string;
  readonly statistic: number;
  readonly df?: number;
  readonly pValue: number;
}
