import { AppError } from '../../errors/app-error.js';
import { statsErrors } from '../stats/errors.js';

/** R's power functions speak of one- or two-sided tests. */
export type Sided = 'two.sided' | 'one.sided';

export function checkProbability(name: string, p: number): number {
  if (!(Number.isFinite(p) && p > 0 && p < 1)) throw new AppError(statsErrors.INVALID_ARGUMENT, `${name} must be a probability strictly between 0 and 1, got ${p}.`);
  return p;
}
