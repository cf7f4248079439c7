import { AppError } from '../../errors/app-error.js';
import { alternatives, type Alternative } from './result.js';
import { statsErrors } from './errors.js';

/** Options shared by the tests, with R's defaults. */
export interface CommonOptions {
  readonly alternative?: Alternative;
  readonly confLevel?: number;
}

export function checkConfLevel(confLevel: number): number {
  if (!(Number.isFinite(confLevel) && confLevel > 0 && confLevel < 1)) {
    throw new AppError(statsErrors.INVALID_ARGUMENT, `conf.level must be a number strictly between 0 and 1, got ${confLevel}.`);
  }
  return confLevel;
}

export function checkAlternative(alternative: string): Alternative {
  if (!(alternatives as readonly string[]).includes(alternative)) {
    throw new AppError(statsErrors.INVALID_ARGUMENT, `alternative must be one of ${alternatives.join(', ')}, got "${alternative}".`);
  }
  return alternative as Alternative;
}

export function checkFinite(name: string, values: readonly number[]): void {
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new AppError(statsErrors.INVALID_ARGUMENT, `${name}[${i + 1}] must be a finite number, got ${v}.`);
  });
}

export function checkNumber(name: string, value: number): number {
  if (!Number.isFinite(value)) throw new AppError(statsErrors.INVALID_ARGUMENT, `${name} must be a finite number, got ${value}.`);
  return value;
}

export function mean(xs: readonly number[]): number {
  // R's mean.default makes a second pass to refine the sum; do the same for identical results.
  const n = xs.length;
  let m = xs.reduce((a, b) => a + b, 0) / n;
  if (Number.isFinite(m)) m += xs.reduce((a, b) => a + (b - m), 0) / n;
  return m;
}

export function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1);
}
