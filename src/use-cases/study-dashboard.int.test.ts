import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { audited } from '../store/audited-tx.js';
import { studyDashboard } from './study-dashboard.js';
import { listParticipants } from '../store/participants.js';
import { createStudy } from '../store/studies.js';
import { testDatabases } from '../store/test-databases.js';
import type { ParticipantStatus } from '../enrolment/participant-lifecycle.js';
import { doses, observations, participants, visits } from '../store/schema/index.js';

const databases = testDatabases();
const protocol = getBuiltinProtocol('ss-il2');
const site = protocol.sites[0]!.id;
const at = new Date('2025-03-14T09:00:00Z');

describe.each(databases)('study dashboard week on $kind', (database) => {
  /*
   * ss-il2: visits week-0 day 1 (window 0/0), week-12 day 85 (±7), week-24 day 169 (±7); doses every
   * other day for 14 days then 14 days rest, 3 cycles (days 1,3,…,13; 29,…,41; 57,59,…,69).
   * The week asked for is 2025-03-14 to 2025-03-20.
   *
   * A (active, day 1 = 2025-01-01, week-0 saved): 03-14 is day 73 (Jan 31 = day 31, Feb 28 = day 59),
   *   so the week is days 73–79, all rest days: no dose. Week-12 = day 85 = 2025-03-26, window
   *   03-19 to 04-02, open on 03-19 and 03-20: due.
   * B (active, day 1 = 2025-01-10, nothing saved, dose 67 given): 03-14 is day 64 (Jan 31 = day 22,
   *   Feb 28 = day 50), so the week is days 64–70; doses due on days 65 (03-15), 67 (03-17, given) and
   *   69 (03-19) → 65 and 69. Week-0 window closed on 01-10: overdue. Week-12 = day 85 = 2025-04-04,
   *   window 03-28 to 04-11: not this week.
   * C (placebo, day 1 = 2025-01-01, week-0 marked missed): week-0 not overdue; week-12 due as for A.
   *   An unscheduled lab on 2025-03-20 (C's day 79, Jan 31 = day 31, Feb 28 = day 59) finds lymphocytes
   *   450/mm³ < 600: the protocol's hold rule holds C's doses from day 79 on (none are left after day 69).
   * D (screening, no day 1): on no list.
   */
  it('lists visits due during the week, visits overdue before it and doses due during it', async () => {
    const db = await database.fresh();
    await createStudy(db, { actor: 'test', at }, protocol);
    const ids = await audited(db, { actor: 'test', at, studyId: protocol.id }, async (w) => {
      const add = async (code: string, status: ParticipantStatus, armId: string | null, startDate: string | null) =>
        (await w.insert(participants, { study_id: protocol.id, site_id: site, code, sex: 'female', birth_date: '1980-01-01', status, arm_id: armId, start_date: startDate })).id;
      const a = await add('A', 'on-treatment', 'active', '2025-01-01');
      const b = await add('B', 'on-treatment', 'active', '2025-01-10');
      const c = await add('C', 'on-treatment', 'placebo', '2025-01-01');
      await add('D', 'screening', null, null);
      const week0 = await w.insert(visits, { participant_id: a, visit_id: 'week-0', visit_date: '2025-01-01', status: 'done' });
      await w.insert(observations, { participant_id: a, visit_row_id: week0.id, kind: 'score', key: 'essdai', value_num: 12 });
      await w.insert(visits, { participant_id: c, visit_id: 'week-0', visit_date: '2025-01-01', status: 'missed' });
      const unscheduled = await w.insert(visits, { participant_id: c, visit_id: 'unscheduled', visit_date: '2025-03-20', status: 'done' });
      await w.insert(observations, { participant_id: c, visit_row_id: unscheduled.id, kind: 'lab', key: 'lymphocytes', value_num: 450, unit: '/mm3' });
      await w.insert(doses, { participant_id: b, day: 67, dose_date: '2025-03-17', status: 'given' });
      return { a, b, c };
    });
    const d = await studyDashboard(db, protocol, await listParticipants(db, protocol.id, 'all'), '2025-03-14');
    expect(d.week).toEqual({ from: '2025-03-14', to: '2025-03-20' });
    expect(d.visitsDue).toEqual([
      { participantId: ids.a, code: 'A', visitId: 'week-12', name: 'Week 12', date: '2025-03-26', earliest: '2025-03-19', latest: '2025-04-02' },
      { participantId: ids.c, code: 'C', visitId: 'week-12', name: 'Week 12', date: '2025-03-26', earliest: '2025-03-19', latest: '2025-04-02' },
    ]);
    expect(d.visitsOverdue).toEqual([{ participantId: ids.b, code: 'B', visitId: 'week-0', name: 'Week 0 (baseline)', date: '2025-01-10', earliest: '2025-01-10', latest: '2025-01-10' }]);
    expect(d.dosesDue).toEqual([
      { participantId: ids.b, code: 'B', day: 65, date: '2025-03-15' },
      { participantId: ids.b, code: 'B', day: 69, date: '2025-03-19' },
    ]);

    // A week later (03-21 to 03-27) A's and C's week-12 windows are still open; B's (from 03-28) is not yet.
    const later = await studyDashboard(db, protocol, await listParticipants(db, protocol.id, 'all'), '2025-03-21');
    expect(later.visitsDue.map((v) => `${v.code}/${v.visitId}`)).toEqual(['A/week-12', 'C/week-12']);
    // B's days 71–77 and A's and C's days 80–86 fall after the last dose: the published schedule (He et al. 2022)
    // has 3 cycles, the last injection on day 69.
    expect(later.dosesDue).toEqual([]);
  });
});
