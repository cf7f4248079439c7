import { AppError } from '../errors/app-error.js';
import type { Participant } from '../enrolment/participant.js';
import { buildCalendar, type Calendar, type CalendarDose } from '../protocol/calendar/build-calendar.js';
import type { Protocol } from '../protocol/schema.js';
import { ruleHolds, type DoseHoldInputs } from '../safety/dose-holds.js';
import { storeErrors } from '../store/errors.js';

/** A dose as recorded on its study day: given, or held with the reason. */
export interface RecordedDose {
  readonly day: number;
  readonly date: string;
  readonly status: 'given' | 'held';
  readonly reason: string | null;
}

export interface ParticipantCalendar extends Calendar {
  readonly startDate: string;
  readonly doses: readonly (CalendarDose & { readonly recorded: RecordedDose | null })[];
}

/** The participant's arm and start date; a 409 when treatment has not started (no calendar yet). */
export function startedArm(p: Participant): { armId: string; startDate: string } {
  if (p.startDate === null || p.armId === null) {
    throw new AppError(storeErrors.PARTICIPANT_NOT_STARTED, `Participant ${p.code} has not started treatment, so there is no dosing calendar yet.`);
  }
  return { armId: p.armId, startDate: p.startDate };
}

/**
 * The protocol calendar from the participant's start date, with held doses applied (recorded holds
 * and the holds the protocol's dose-hold rules put on what is to come) and every recorded dose beside its day.
 */
export function participantCalendar(protocol: Protocol, p: Participant, recorded: readonly RecordedDose[], inputs: DoseHoldInputs): ParticipantCalendar {
  const { armId, startDate } = startedArm(p);
  const recordedHolds = recorded.filter((d) => d.status === 'held').map((d) => ({ day: d.day, reason: d.reason ?? '' }));
  const given = new Set(recorded.filter((d) => d.status === 'given').map((d) => d.day));
  const holds = [...recordedHolds, ...ruleHolds(protocol, armId, startDate, inputs, given, recordedHolds)];
  const calendar = buildCalendar(protocol, armId, startDate, { holds });
  const byDay = new Map(recorded.map((d) => [d.day, d]));
  return { ...calendar, startDate, doses: calendar.doses.map((d) => ({ ...d, recorded: byDay.get(d.day) ?? null })) };
}
