import { parseIsoDay } from '../../dates/iso-date.js';
import { AppError } from '../../errors/app-error.js';
import { protocolErrors } from '../errors.js';

/**
 * Check that `value` is a real calendar date written YYYY-MM-DD (2024-02-30 is not); `field` names
 * the input in the error (`startDate`, `--start`).
 */
export function parseIsoDate(value: string, field: string): string {
  if (parseIsoDay(value) === undefined) {
    throw new AppError(protocolErrors.INVALID_START_DATE, `${field} "${value}" is not a real calendar date written YYYY-MM-DD.`, field);
  }
  return value;
}
