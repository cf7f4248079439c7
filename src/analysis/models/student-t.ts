import { pt } from '../stats/distributions.js';
import type { FixedEffect } from './types.js';

/** The Wald t-test row for an estimate with its standard error and degrees of freedom (the one Student t: stats/distributions). */
export function waldRow(term: string, estimate: number, se: number, df: number): FixedEffect {
  const t = estimate / se;
  return { term, estimate, se, df, t, pValue: 2 * pt(-Math.abs(t), df) };
}
