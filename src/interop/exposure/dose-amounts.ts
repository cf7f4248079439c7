import { isAppError } from '../../errors/app-error.js';
import { buildCalendar } from '../../protocol/calendar/build-calendar.js';
import type { Protocol } from '../../protocol/schema.js';

/** What was (or was to be) given on a dosing day: the calendar's amount and unit for that study day. */
export interface DoseAmount {
  readonly amount: number;
  readonly unit: string;
  readonly intervention: string;
}

/**
 * The protocol's dose for each recorded dosing day of a participant: the dosing calendar from their
 * start date with their held doses applied (a held dose may shift the rest of its cycle), keyed by study
 * day. Empty when the amount cannot be known from the protocol alone (doses per m² or per kg need the
 * body size, which the eCRF does not record), so no amount is invented.
 */
export function doseAmounts(
  protocol: Protocol,
  armId: string | null,
  startDate: string | null,
  held: readonly { readonly day: number; readonly reason: string | null }[],
): ReadonlyMap<number, DoseAmount> {
  if (armId === null || startDate === null || !protocol.arms.some((a) => a.id === armId)) return new Map();
  try {
    const calendar = buildCalendar(protocol, armId, startDate, { holds: held.map((h) => ({ day: h.day, reason: h.reason ?? 'held' })) });
    return new Map(calendar.doses.map((d) => [d.day, { amount: d.dose, unit: d.unit, intervention: d.intervention }]));
  } catch (e) {
    if (isAppError(e) && (e.code === 'PROTOCOL_BODY_SURFACE_REQUIRED' || e.code === 'PROTOCOL_WEIGHT_REQUIRED')) return new Map();
    throw e;
  }
}
