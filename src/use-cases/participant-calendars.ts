import { participantCalendar, type ParticipantCalendar } from '../dosing/participant-calendar.js';
import type { Participant } from '../enrolment/participant.js';
import type { Protocol } from '../protocol/schema.js';
import { datedAdverseEvents } from '../safety/dose-holds.js';
import { listAdverseEvents } from '../store/adverse-events.js';
import type { Queryable } from '../store/db.js';
import { byParticipant, listDatedLabs, listDoses } from '../store/doses.js';

/**
 * The dosing calendar of each participant (see dosing/participant-calendar.ts). Three queries for any
 * number of participants, so a study-wide view does not pay a round trip per participant; labs and
 * adverse events are read only when the protocol has dose-hold rules.
 */
export async function participantCalendars(q: Queryable, participants: readonly Participant[], protocol: Protocol): Promise<Map<string, ParticipantCalendar>> {
  const ids = participants.map((p) => p.id);
  const doses = await listDoses(q, ids);
  const hasRules = (protocol.doseHoldRules ?? []).length > 0;
  const labs = hasRules ? await listDatedLabs(q, ids) : new Map();
  const events = byParticipant(ids, hasRules ? await listAdverseEvents(q, ids) : [], (e) => e.participantId);
  return new Map(
    participants.map((p) => [
      p.id,
      participantCalendar(protocol, p, doses.get(p.id) ?? [], { labs: labs.get(p.id) ?? [], adverseEvents: datedAdverseEvents(events.get(p.id) ?? []) }),
    ]),
  );
}

/** One participant's calendar; a 409 when treatment has not started. */
export async function participantCalendarOf(q: Queryable, p: Participant, protocol: Protocol): Promise<ParticipantCalendar> {
  return (await participantCalendars(q, [p], protocol)).get(p.id) as ParticipantCalendar;
}
