import type { CalendarVisit } from './api.js';
import { addDays } from './dates.js';

/** Where a visit stands on a given day: its window is [date − windowBefore, date + windowAfter]. */
export function visitState(v: Pick<CalendarVisit, 'date' | 'windowBefore' | 'windowAfter'>, today: string): 'upcoming' | 'open' | 'closed' {
  if (today < addDays(v.date, -v.windowBefore)) return 'upcoming';
  if (today > addDays(v.date, v.windowAfter)) return 'closed';
  return 'open';
}
