import { qt } from './distributions.js';

/** The Wald interval on Student's t: estimate ± t(1 − (1 − level)/2, df) · SE. */
export function tInterval(estimate: number, se: number, df: number, level = 0.95): { readonly lower: number; readonly upper: number } {
  const q = qt(1 - (1 - level) / 2, df);
  return { lower: estimate - q * se, upper: estimate + q * se };
}
