import type { AnalysisData, AnalysisObservation } from '../analysis/endpoints/types.js';
import { listAdverseEvents } from './adverse-events.js';
import type { Queryable } from './db.js';
import { participantCalendars } from './doses.js';
import { listParticipants } from './participants.js';
import type { Study } from './studies.js';

/**
 * Everything the endpoint analyses and the report read for a study, as plain arrays. Doses
 * "scheduled" are the calendar's due doses dated on or before `cutOff` (held doses are not due).
 */
export async function loadAnalysisData(q: Queryable, study: Study, cutOff: string): Promise<AnalysisData> {
  const people = await listParticipants(q, study.id, 'all');
  const calendars = await participantCalendars(q, people.filter((p) => p.startDate !== null && p.armId !== null), study.protocol);
  const participants = people.map((p) => {
    const cal = calendars.get(p.id);
    if (!cal) return { ...p, dosesScheduled: 0, dosesGiven: 0 };
    return {
      ...p,
      dosesScheduled: cal.doses.filter((d) => d.status === 'due' && d.date <= cutOff).length,
      dosesGiven: cal.doses.filter((d) => d.recorded?.status === 'given').length,
    };
  });
  // Items are read only for the pga instrument: the SRI-4's new BILAG A / B counts.
  const observations = (
    await q.query<{ participant_id: string; visit_id: string; kind: AnalysisObservation['kind']; key: string; value_num: number }>(
      `SELECT o.participant_id, v.visit_id, o.kind, o.key, o.value_num FROM observations o
         JOIN visits v ON v.id = o.visit_row_id JOIN participants p ON p.id = o.participant_id
        WHERE p.study_id = $1 AND (o.kind IN ('score', 'immune-panel') OR (o.kind = 'item' AND o.key LIKE 'pga.%')) AND o.value_num IS NOT NULL AND v.status = 'done'
        ORDER BY o.participant_id, v.visit_id, o.kind, o.key`,
      [study.id],
    )
  ).map((r) => ({ participantId: r.participant_id, visitId: r.visit_id, kind: r.kind, key: r.key, value: r.value_num }));
  const adverseEvents = (await listAdverseEvents(q, people.map((p) => p.id)))
    .filter((e) => e.status === 'confirmed')
    .map((e) => ({ participantId: e.participantId, term: e.term, grade: e.grade, serious: e.serious }));
  return { protocol: study.protocol, participants, observations, adverseEvents };
}
