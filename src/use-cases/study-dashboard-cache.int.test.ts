import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { openPostgres } from '../store/drivers/postgres/postgres-db.js';
import { participants, sites, visits } from '../store/schema/index.js';
import { createStudy } from '../store/studies.js';
import { findStudyState } from '../store/study-states.js';
import { testDatabases } from '../store/test-databases.js';
import { cachedStudyDashboard } from './study-dashboard-cache.js';

const databases = testDatabases();
const protocol = getBuiltinProtocol('ss-il2');
const site = protocol.sites[0]!.id;
const at = new Date('2025-03-14T09:00:00Z');
const from = '2025-03-14';

/*
 * ss-il2: week-0 on day 1 (window 0/0), week-12 on day 85 (±7). The week is 2025-03-14 to 03-20.
 * A (day 1 = 2025-01-01): week-0 closed on 01-01, overdue; week-12 = 03-26, window 03-19 to 04-02: due.
 * B (day 1 = 2025-01-10): week-0 closed on 01-10, overdue; week-12 = 04-04, window from 03-28: not this week.
 */
const addParticipant = (db: Db, code: string, startDate: string) =>
  audited(db, { actor: 'test', at, studyId: protocol.id }, (w) =>
    w.insert(participants, { study_id: protocol.id, site_id: site, code, sex: 'female', birth_date: '1980-01-01', status: 'on-treatment', arm_id: 'active', start_date: startDate }),
  );
const dashboard = async (db: Db, sites: 'all' | readonly string[] = 'all') => cachedStudyDashboard(db, (await findStudyState(db, protocol.id))!.study, sites, from);
const lists = (d: Awaited<ReturnType<typeof dashboard>>) => ({ due: d.visitsDue.map((v) => `${v.code}/${v.visitId}`), overdue: d.visitsOverdue.map((v) => `${v.code}/${v.visitId}`) });

describe.each(databases)('the cached study dashboard on $kind', (database) => {
  it('is the same answer until the study is written to, and a write is seen at the next read', async () => {
    const db = await database.fresh();
    await createStudy(db, { actor: 'test', at }, protocol);
    const a = await addParticipant(db, 'A', '2025-01-01');
    const first = await dashboard(db);
    expect(lists(first)).toEqual({ due: ['A/week-12'], overdue: ['A/week-0'] });
    expect(await dashboard(db)).toBe(first);
    expect(Object.isFrozen(first.visitsDue[0])).toBe(true);

    // Week 0 marked missed: no longer overdue.
    await audited(db, { actor: 'test', at, studyId: protocol.id }, (w) => w.insert(visits, { participant_id: a.id, visit_id: 'week-0', visit_date: '2025-01-01', status: 'missed' }));
    expect(lists(await dashboard(db))).toEqual({ due: ['A/week-12'], overdue: [] });

    // Another site's dashboard is its own (no participants there), and does not replace the study-wide one.
    const elsewhere = await dashboard(db, ['no-such-site']);
    expect(lists(elsewhere)).toEqual({ due: [], overdue: [] });
    expect(elsewhere.enrolment.byStatus).toEqual({});
    expect((await dashboard(db)).enrolment.byStatus).toEqual({ 'on-treatment': 1 });
  });

  it('rebuilds only the participants written to since, from the marks written with the audit records', async () => {
    const db = await database.fresh();
    await createStudy(db, { actor: 'test', at }, protocol);
    const a = await addParticipant(db, 'A', '2025-01-01');
    const b = await addParticipant(db, 'B', '2025-01-10');
    expect(lists(await dashboard(db, [site]))).toEqual({ due: ['A/week-12'], overdue: ['A/week-0', 'B/week-0'] });
    // Each participant's mark is the chain's head after its last write.
    const marks = async () =>
      Object.fromEntries((await db.query<{ participant_id: string; seq: number }>('SELECT participant_id, seq FROM participant_changes')).map((r) => [r.participant_id, r.seq]));
    const head = async () => (await db.query<{ seq: number }>("SELECT max(seq)::int AS seq FROM audit WHERE chain = 'study:' || $1", [protocol.id]))[0]!.seq;
    expect((await marks())[b.id]).toBe(await head());

    // A withdrawn: its visits leave the lists; B, not written to, keeps its place.
    await audited(db, { actor: 'test', at, studyId: protocol.id }, (w) => w.update(participants, { id: a.id }, { status: 'withdrawn' }, 'withdrew consent'));
    expect((await marks())[a.id]).toBe(await head());
    const afterA = await dashboard(db, [site]);
    expect([lists(afterA), afterA.enrolment.byStatus]).toEqual([
      { due: [], overdue: ['B/week-0'] },
      { withdrawn: 1, 'on-treatment': 1 },
    ]);

    // B moved to another site leaves this site's dashboard; a new participant joins it.
    await audited(db, { actor: 'test', at, studyId: protocol.id }, async (w) => {
      await w.insert(sites, { study_id: protocol.id, id: 'elsewhere', name: 'Elsewhere' });
      await w.update(participants, { id: b.id }, { site_id: 'elsewhere' }, 'transferred');
    });
    await addParticipant(db, 'C', '2025-01-01');
    const afterB = await dashboard(db, [site]);
    expect([lists(afterB), afterB.enrolment.byStatus]).toEqual([
      { due: ['C/week-12'], overdue: ['C/week-0'] },
      { withdrawn: 1, 'on-treatment': 1 },
    ]);
  });
});

describe.each(databases.filter((d) => d.kind === 'postgres'))('the cached study dashboard on two connection pools of $kind', (database) => {
  it('sees a write made through another connection pool, as another server process would make it', async () => {
    const db = await database.fresh();
    const { pg, database: name } = await database.cluster!();
    const other = openPostgres(pg.url(name), { max: 1 });
    try {
      await createStudy(db, { actor: 'test', at }, protocol);
      await addParticipant(db, 'A', '2025-01-01');
      const before = await dashboard(db);
      expect(lists(before)).toEqual({ due: ['A/week-12'], overdue: ['A/week-0'] });
      expect(await dashboard(db)).toBe(before);
      await addParticipant(other, 'B', '2025-01-10');
      expect(lists(await dashboard(db))).toEqual({ due: ['A/week-12'], overdue: ['A/week-0', 'B/week-0'] });
    } finally {
      await other.close();
    }
  });
});
