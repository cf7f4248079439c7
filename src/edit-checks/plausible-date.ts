import { AppError } from '../errors/app-error.js';
import { addDays } from '../dates/iso-date.js';
import { editCheckErrors } from './errors.js';

export interface DateRange {
  readonly earliest: string;
  readonly latest: string;
}

/**
 * The dates a participant's trial data may carry: not before their birth, and not after today plus
 * one day (a site east of the server's clock is already on tomorrow's date). Doses, visits and
 * adverse-event onsets are things that happened, so none lies in the future.
 */
export function participantDateRange(birthDate: string, today: string): DateRange {
  return { earliest: birthDate, latest: addDays(today, 1) };
}

/** Refuse `date` outside `range`, naming the field (ISO dates compare as strings). */
export function checkPlausibleDate(field: string, date: string, range: DateRange): void {
  if (date < range.earliest) throw new AppError(editCheckErrors.IMPLAUSIBLE_DATE, `Field "${field}" (${date}) is before the participant was born (${range.earliest}).`, field);
  if (date > range.latest) throw new AppError(editCheckErrors.IMPLAUSIBLE_DATE, `Field "${field}" (${date}) is in the future: nothing after ${range.latest} can have happened yet.`, field);
}
