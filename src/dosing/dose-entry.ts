import { AppError } from '../errors/app-error.js';
import type { Participant } from '../enrolment/participant.js';
import type { ParticipantCalendar, RecordedDose } from './participant-calendar.js';
import { auditErrors } from '../audit/errors.js';
import { storeErrors } from '../store/errors.js';

export interface DoseEntry {
  readonly day: number;
  readonly date: string;
  readonly status: 'given' | 'held';
  readonly reason?: string | undefined;
}

/**
 * Check a dose to record against the calendar and what is already recorded on its day: it must be a
 * dosing day, and recording a day again with other values is a correction that needs `changeReason`.
 * Returns the dose as it will be stored.
 */
export function checkDoseEntry(p: Participant, calendar: ParticipantCalendar, existing: RecordedDose | undefined, d: DoseEntry, changeReason: string | undefined): RecordedDose {
  if (!calendar.doses.some((c) => c.day === d.day)) {
    throw new AppError(storeErrors.DOSE_OUTSIDE_CALENDAR, `Study day ${d.day} is not a dosing day in participant ${p.code}'s calendar.`, 'day');
  }
  const dose: RecordedDose = { day: d.day, date: d.date, status: d.status, reason: d.reason ?? null };
  const same = existing !== undefined && existing.date === dose.date && existing.status === dose.status && existing.reason === dose.reason;
  if (existing !== undefined && !same && !changeReason) {
    throw new AppError(auditErrors.REASON_REQUIRED, `Day ${d.day} is already recorded for participant ${p.code}; correcting it needs a reason in field "changeReason".`, 'changeReason');
  }
  return dose;
}
