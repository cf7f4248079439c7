import { mean, variance } from '../stats/arguments.js';
import { median } from '../stats/ranks.js';
import type { Summary } from './types.js';

/** n, mean, SD (n − 1 denominator, as R's sd) and median; SD needs two values. */
export function summarise(values: readonly number[]): Summary {
  const n = values.length;
  return {
    n,
    mean: n > 0 ? mean(values) : null,
    sd: n > 1 ? Math.sqrt(variance(values)) : null,
    median: n > 0 ? median(values) : null,
  };
}
