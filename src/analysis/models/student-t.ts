import { createRequire } from 'node:module';
import type { FixedEffect } from './types.js';

// jstat ships no types; this is the part of its API the models use.
interface JStatT {
  readonly studentt: { cdf(x: number, df: number): number; inv(p: number, df: number): number };
}
const { jStat } = createRequire(import.meta.url)('jstat') as { jStat: JStatT };

/** Two-sided p-value of a t statistic. */
export function twoSidedP(t: number, df: number): number {
  return 2 * jStat.studentt.cdf(-Math.abs(t), df);
}

/** The p quantile of Student's t with df degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** The Wald t-test row for an estimate with its standard error and degrees of freedom. */
export function waldRow(term: string, estimate: number, se: number, df: number): FixedEffect {
  const t = estimate / se;
  return { term, estimate, se, df, t, pValue: twoSidedP(t, df) };
}
