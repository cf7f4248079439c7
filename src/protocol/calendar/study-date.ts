import { parseIsoDay } from '../../dates/iso-date.js';
import { AppError } from '../../errors/app-error.js';

/**
 * Check that `value` is a real calendar date written YYYY-MM-DD (2024-02-30 is not); `field` names
 * the input in the error (`startDate`, `--start`).
 */
export function parseIsoDate(value: string, field: string): string {
  if (parseIsoDay(value) === undefined) {
    throw new AppError('InvalidStartDate', `${field} "${value}" is not a real calendar date written YYYY-MM-DD.`, 400, field);
  }
  return value;
}
