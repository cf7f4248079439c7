import { AppError } from '../errors/app-error.js';
import { instrumentsErrors } from '../instruments/errors.js';

/**
 * Calendar dates written YYYY-MM-DD, as whole day numbers since 1970-01-01 in UTC, so no time zone can
 * shift a day. Every domain module counts days through these functions.
 */

/** A calendar date as a whole number of days since 1970-01-01 (UTC). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date, or undefined when it is not a real calendar date (2024-02-30 is not). */
export function parseIsoDay(text: string): DayNumber | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2024-02-30 over to March; comparing back rejects such dates.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

/** The UTC calendar date of an instant, YYYY-MM-DD (the adapters' "today" from their clock). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function formatDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day number of an ISO date; throws INSTRUMENT_INVALID_DATE naming `field`. */
export function isoDateToEpochDay(date: string, field: string): DayNumber {
  const day = parseIsoDay(date);
  if (day === undefined) throw new AppError(instrumentsErrors.INVALID_DATE, `${field} "${date}" is not a valid date in the form YYYY-MM-DD.`, field);
  return day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string, fromField = 'from', toField = 'to'): number {
  return isoDateToEpochDay(to, toField) - isoDateToEpochDay(from, fromField);
}

/** The date `days` calendar days after (or before, if negative) an ISO date. */
export function addDays(date: string, days: number, field = 'date'): string {
  return formatDay(isoDateToEpochDay(date, field) + days);
}

/**
 * Study day of a date: day 1 is the start (first-dose) date, as in src/protocol/schema.ts; the day
 * before it is day -1 (there is no day 0, the CDISC SDTM --DY convention).
 */
export function studyDay(start: string, date: string, dateField = 'date'): number {
  const diff = daysBetween(start, date, 'start', dateField);
  return diff >= 0 ? diff + 1 : diff;
}

/** The calendar date of a study day (inverse of `studyDay`). */
export function dateOfStudyDay(start: string, day: number): string {
  return addDays(start, day >= 1 ? day - 1 : day, 'start');
}
