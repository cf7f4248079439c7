import type { Protocol } from '../protocol/schema.js';
import type { Queryable } from './db.js';
import { participantCalendar } from './doses.js';
import type { Participant } from './participants.js';

export interface Dashboard {
  readonly enrolment: { readonly target: number; readonly enrolled: number; readonly byStatus: Readonly<Record<string, number>> };
  readonly visitsDue: readonly { participantId: string; code: string; visitId: string; name: string; date: string; earliest: string; latest: string }[];
  readonly dosesDue: readonly { participantId: string; code: string; day: number; date: string }[];
  readonly openQueries: number;
  readonly adverseEventsByGrade: Readonly<Record<string, number>>;
}

/**
 * A study's "today" for the participants given (already filtered to the user's sites): visits
 * whose window contains `today` and are not recorded, doses due today and not recorded.
 */
export async function studyDashboard(q: Queryable, protocol: Protocol, participants: readonly Participant[], today: string): Promise<Dashboard> {
  const byStatus: Record<string, number> = {};
  for (const p of participants) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
  const ids = participants.map((p) => p.id);
  const visitsDue: Dashboard['visitsDue'][number][] = [];
  const dosesDue: Dashboard['dosesDue'][number][] = [];
  const onTreatment = participants.filter((p) => p.status === 'on-treatment' && p.startDate !== null && p.armId !== null);
  const doneVisits = new Set(
    (await q.query<{ participant_id: string; visit_id: string }>('SELECT participant_id, visit_id FROM visits WHERE participant_id = ANY($1::uuid[])', [ids])).map((v) => `${v.participant_id}/${v.visit_id}`),
  );
  for (const p of onTreatment) {
    const cal = await participantCalendar(q, p, protocol);
    for (const v of cal.visits) {
      if (v.earliest <= today && today <= v.latest && !doneVisits.has(`${p.id}/${v.id}`)) {
        visitsDue.push({ participantId: p.id, code: p.code, visitId: v.id, name: v.name, date: v.date, earliest: v.earliest, latest: v.latest });
      }
    }
    for (const d of cal.doses) if (d.date === today && d.status === 'due' && d.recorded === null) dosesDue.push({ participantId: p.id, code: p.code, day: d.day, date: d.date });
  }
  const [{ n: openQueries }] = (await q.query<{ n: number }>("SELECT count(*)::int AS n FROM queries WHERE status = 'open' AND participant_id = ANY($1::uuid[])", [ids])) as [{ n: number }];
  const grades = await q.query<{ grade: number; n: number }>(
    // Proposed (from a graded lab, not yet confirmed) and dismissed events are not adverse events yet.
    "SELECT grade, count(*)::int AS n FROM adverse_events WHERE participant_id = ANY($1::uuid[]) AND status = 'confirmed' GROUP BY grade ORDER BY grade",
    [ids],
  );
  return {
    enrolment: { target: protocol.enrolment.target, enrolled: participants.filter((p) => p.enrolledOn !== null).length, byStatus },
    visitsDue,
    dosesDue,
    openQueries,
    adverseEventsByGrade: Object.fromEntries(grades.map((g) => [String(g.grade), g.n])),
  };
}
