import type { AnalysisData } from '../analysis/endpoints/types.js';
import { listAdverseEvents } from '../store/adverse-events.js';
import type { Queryable } from '../store/db.js';
import { studyAnalysisObservations } from '../store/observations.js';
import { listParticipants } from '../store/participants.js';
import type { Study } from '../store/studies.js';
import { participantCalendars } from './participant-calendars.js';

/**
 * Everything the endpoint analyses and the report read for a study, as plain arrays. Doses
 * "scheduled" are the calendar's due doses dated on or before `cutOff` (held doses are not due).
 */
export async function loadAnalysisData(q: Queryable, study: Study, cutOff: string): Promise<AnalysisData> {
  const people = await listParticipants(q, study.id, 'all');
  const calendars = await participantCalendars(
    q,
    people.filter((p) => p.startDate !== null && p.armId !== null),
    study.protocol,
  );
  const participants = people.map((p) => {
    const cal = calendars.get(p.id);
    if (!cal) return { ...p, dosesScheduled: 0, dosesGiven: 0 };
    return {
      ...p,
      dosesScheduled: cal.doses.filter((d) => d.status === 'due' && d.date <= cutOff).length,
      dosesGiven: cal.doses.filter((d) => d.recorded?.status === 'given').length,
    };
  });
  const observations = await studyAnalysisObservations(q, study.id);
  const adverseEvents = (
    await listAdverseEvents(
      q,
      people.map((p) => p.id),
    )
  )
    .filter((e) => e.status === 'confirmed')
    .map((e) => ({ participantId: e.participantId, term: e.term, grade: e.grade, serious: e.serious }));
  return { protocol: study.protocol, participants, observations, adverseEvents };
}
