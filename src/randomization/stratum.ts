import { AppError } from '../errors/app-error.js';
import type { Factor } from './scheme.js';
import { randomizationErrors } from './errors.js';

/** A participant's values of the scheme's factors, e.g. `{ site: 'ruijin', severity: 'high' }`. */
export type Covariates = Readonly<Record<string, string>>;

/** The key of the single sequence of an unstratified scheme. */
export const UNSTRATIFIED = 'all';

/** Throw RANDOMIZATION_MISSING_FACTOR / RANDOMIZATION_UNKNOWN_FACTOR_LEVEL unless every factor has one of its levels. */
export function checkCovariates(factors: readonly Factor[], covariates: Covariates): void {
  for (const f of factors) {
    const value = covariates[f.id];
    if (value === undefined) {
      throw new AppError(randomizationErrors.MISSING_FACTOR, `The participant has no value for factor "${f.id}".`, f.id);
    }
    if (!f.levels.includes(value)) {
      throw new AppError(randomizationErrors.UNKNOWN_FACTOR_LEVEL, `Factor "${f.id}" has no level "${value}" (levels: ${f.levels.join(', ')}).`, f.id);
    }
  }
}

/** The stratum a participant falls in: `site=a|severity=high`, or `all` without strata. */
export function stratumKey(factors: readonly Factor[], covariates: Covariates): string {
  checkCovariates(factors, covariates);
  return factors.length === 0 ? UNSTRATIFIED : factors.map((f) => `${f.id}=${covariates[f.id]}`).join('|');
}
