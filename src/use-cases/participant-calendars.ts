import { participantCalendar, type ParticipantCalendar } from '../dosing/participant-calendar.js';
import type { Participant } from '../enrolment/participant.js';
import type { Protocol } from '../protocol/schema.js';
import { datedAdverseEvents } from '../safety/dose-holds.js';
import { listAdverseEvents } from '../store/adverse-events.js';
import type { Queryable } from '../store/db.js';
import { byParticipant, listDatedLabs, listDoses } from '../store/doses.js';
import { CalendarCache } from './calendar-cache.js';

/**
 * Calendars built, one per participant and protocol version with the inputs it was built from: a
 * dashboard of 1,000 participants with dose-hold rules rebuilt every calendar on every read (about
 * 7 ms each, issue 18). 20,000 slots hold every participant of a large study.
 */
const cache = new CalendarCache<ParticipantCalendar>(20_000);

/** Everything a calendar is built from besides the protocol version and the participant, as one string (see calendar-cache.ts). */
function inputsKey(p: Participant, doses: readonly unknown[], labs: readonly unknown[], events: readonly unknown[]): string {
  return JSON.stringify([p.armId, p.startDate, doses, labs, events]);
}

/**
 * The dosing calendar of each participant (see dosing/participant-calendar.ts). Three queries for any
 * number of participants, so a study-wide view does not pay a round trip per participant; labs and
 * adverse events are read only when the protocol has dose-hold rules. A calendar whose inputs have not
 * changed since it was last built is not built again.
 */
export async function participantCalendars(q: Queryable, participants: readonly Participant[], protocol: Protocol): Promise<Map<string, ParticipantCalendar>> {
  const ids = participants.map((p) => p.id);
  const doses = await listDoses(q, ids);
  const hasRules = (protocol.doseHoldRules ?? []).length > 0;
  const labs = hasRules ? await listDatedLabs(q, ids) : new Map();
  const events = byParticipant(ids, hasRules ? await listAdverseEvents(q, ids) : [], (e) => e.participantId);
  return new Map(
    participants.map((p) => {
      const recorded = doses.get(p.id) ?? [];
      const inputs = { labs: labs.get(p.id) ?? [], adverseEvents: datedAdverseEvents(events.get(p.id) ?? []) };
      const slot = JSON.stringify([protocol.id, protocol.version, p.id]);
      return [p.id, cache.forInputs(slot, inputsKey(p, recorded, inputs.labs, inputs.adverseEvents), () => participantCalendar(protocol, p, recorded, inputs))];
    }),
  );
}

/** One participant's calendar; a 409 when treatment has not started. */
export async function participantCalendarOf(q: Queryable, p: Participant, protocol: Protocol): Promise<ParticipantCalendar> {
  return (await participantCalendars(q, [p], protocol)).get(p.id) as ParticipantCalendar;
}
