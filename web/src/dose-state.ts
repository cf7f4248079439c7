import type { CalendarDose } from './api.js';

/** What a dosing day shows: recorded (given or held), due (its day has come, nothing recorded), or planned. */
export type DoseState = 'given' | 'held' | 'due' | 'planned';

export function doseState(d: Pick<CalendarDose, 'date' | 'status' | 'recorded'>, today: string): DoseState {
  if (d.recorded) return d.recorded.status;
  if (d.status === 'held') return 'held';
  return d.date <= today ? 'due' : 'planned';
}
