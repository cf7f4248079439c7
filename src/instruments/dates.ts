import { AppError } from '../errors/app-error.js';

/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone can shift a day. */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date; throws InvalidDate naming `field`. */
export function isoDateToEpochDay(date: string, field: string): number {
  const m = ISO_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // Date.UTC rolls 2024-02-30 over to March; comparing back rejects such dates.
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new AppError('InvalidDate', `${field} "${date}" is not a valid date in the form YYYY-MM-DD.`, 400, field);
  }
  return ms / MS_PER_DAY;
}

export function epochDayToIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string, fromField = 'from', toField = 'to'): number {
  return isoDateToEpochDay(to, toField) - isoDateToEpochDay(from, fromField);
}

export function addDays(date: string, days: number, field = 'date'): string {
  return epochDayToIsoDate(isoDateToEpochDay(date, field) + days);
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
