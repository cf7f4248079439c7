import type { Visit } from '../../protocol/schema.js';
import { addDays, dateOfStudyDay, daysBetween, isoDateToEpochDay } from '../../dates/iso-date.js';

export type VisitDateStatus = 'in-window' | 'early' | 'late' | 'missing' | 'pending';

export type VisitDateCheck = {
  readonly status: VisitDateStatus;
  readonly targetDate: string;
  readonly earliest: string;
  readonly latest: string;
  /** Actual − target in days; null when the visit has not happened. */
  readonly daysFromTarget: number | null;
};

/**
 * Where a visit's actual date falls against its window (target = start + study day, day 1 = start;
 * window = target − windowBefore … target + windowAfter, inclusive). Without an actual date the visit
 * is `missing` once `referenceDate` (today, passed in) is past the window, otherwise `pending`.
 */
export function checkVisitDate(visit: Pick<Visit, 'day' | 'windowBefore' | 'windowAfter'>, startDate: string, actualDate: string | null, referenceDate: string): VisitDateCheck {
  isoDateToEpochDay(startDate, 'startDate');
  const targetDate = dateOfStudyDay(startDate, visit.day);
  const earliest = addDays(targetDate, -visit.windowBefore);
  const latest = addDays(targetDate, visit.windowAfter);
  const window = { targetDate, earliest, latest };
  if (actualDate === null) {
    const status = daysBetween(latest, referenceDate, 'latest', 'referenceDate') > 0 ? 'missing' : 'pending';
    return { status, ...window, daysFromTarget: null };
  }
  const offset = daysBetween(targetDate, actualDate, 'targetDate', 'actualDate');
  const status = offset < -visit.windowBefore ? 'early' : offset > visit.windowAfter ? 'late' : 'in-window';
  return { status, ...window, daysFromTarget: offset };
}
