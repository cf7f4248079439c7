import { AppError } from '../../errors/app-error.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Check that `value` is a real calendar date written YYYY-MM-DD (2024-02-30 is not); `field` names
 * the input in the error (`startDate`, `--start`).
 */
export function parseIsoDate(value: string, field: string): string {
  const m = ISO_DATE.exec(value);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (!m || utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) {
    throw new AppError('InvalidStartDate', `${field} "${value}" is not a real calendar date written YYYY-MM-DD.`, 400, field);
  }
  return value;
}

/** The date `days` calendar days after (or before, if negative) an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date of study day `day` when day 1 is `start` (there is no day 0: day −1 is the eve of day 1). */
export function studyDayDate(start: string, day: number): string {
  return addDays(start, day >= 1 ? day - 1 : day);
}
