import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { als, visitTestApp } from './test-visits.js';

const databases = testDatabases();

const ae = { term: 'Injection site reaction', onsetDate: '2025-05-09', endDate: '2025-05-12', grade: 3, relatedness: 'probable', actionTaken: 'dose-held', outcome: 'recovered' };

describe.each(databases)('adverse events on $kind', (database) => {
  it('records an AE, refuses inconsistent seriousness, and a related grade ≥ 3 event holds doses while it lasts', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-010', '2025-05-05');
    const url = `/api/participants/${id}/adverse-events`;
    const before = await t.auditCount();
    const noCriteria = await t.call(c, 'POST', url, { ...ae, serious: true });
    expect(noCriteria.json().error).toMatchObject({ code: 'SAFETY_INCONSISTENT_ADVERSE_EVENT', path: 'seriousCriteria' });
    expect((await t.call(c, 'POST', url, { ...ae, grade: 6 })).json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'grade' });
    expect(await t.db.query('SELECT * FROM adverse_events')).toEqual([]);
    expect(await t.auditCount()).toBe(before);

    const created = await t.call(c, 'POST', url, ae);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...ae, status: 'confirmed', serious: false, seriousCriteria: [] });
    // Onset 2025-05-09 = day 5, resolved 2025-05-12 = day 8: hold days 5–7 → doses 5 and 7 held (ALS: days 1, 3, …, 13).
    const statuses = async () =>
      (await t.call(c, 'GET', `/api/participants/${id}/calendar`))
        .json()
        .doses.slice(0, 7)
        .map((d: { day: number; status: string }) => `${d.day}:${d.status}`);
    expect(await statuses()).toEqual(['1:due', '3:due', '5:held', '7:held', '9:due', '11:due', '13:due']);

    const aeId = created.json().id as string;
    const noReason = await t.call(c, 'PATCH', `/api/adverse-events/${aeId}`, { grade: 2 });
    expect(noReason.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'reason' });
    const regraded = await t.call(c, 'PATCH', `/api/adverse-events/${aeId}`, { grade: 2, reason: 'source document says grade 2' });
    expect(regraded.json().grade).toBe(2);
    const [audit] = await t.db.query("SELECT changes, reason FROM audit WHERE entity = 'adverse_events' AND action = 'update'");
    expect(audit).toEqual({ changes: [{ field: 'grade', old: 3, new: 2 }], reason: 'source document says grade 2' });
    // Grade 2 is below the hold grade 3: nothing is held any more.
    expect(await statuses()).toEqual(['1:due', '3:due', '5:due', '7:due', '9:due', '11:due', '13:due']);
  });

  it('lets only the investigator confirm a proposed AE, and lists study AEs per site', async () => {
    // The week-24 visit below must not be in the server's future.
    const t = await visitTestApp(await database.fresh(), { now: () => new Date('2025-11-01T09:00:00.000Z') });
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-011', '2025-05-05');
    // After baseline: a week-24 result proposes an event (a baseline one would not).
    const saved = await t.call(c, 'POST', `/api/participants/${id}/visits/week-24/observations`, { date: '2025-10-20', labs: [{ analyte: 'lymphocytes', value: 450, unit: '/mm3' }] });
    const [proposed] = saved.json().proposedAdverseEvents as string[];
    const confirm = { status: 'confirmed', relatedness: 'possible', reason: 'reviewed the blood count' };
    expect((await t.call(c, 'PATCH', `/api/adverse-events/${proposed}`, confirm)).json().error.code).toBe('AUTH_FORBIDDEN');
    const inv = await t.login('inv-a');
    const noRelatedness = await t.call(inv, 'PATCH', `/api/adverse-events/${proposed}`, { status: 'confirmed', reason: 'reviewed' });
    expect(noRelatedness.json().error).toMatchObject({ code: 'SAFETY_INCONSISTENT_ADVERSE_EVENT', path: 'relatedness' });
    expect((await t.call(inv, 'PATCH', `/api/adverse-events/${proposed}`, confirm)).json()).toMatchObject({ status: 'confirmed', grade: 3, relatedness: 'possible' });
    expect((await t.call(c, 'GET', `/api/studies/${als}/dashboard?date=2025-05-05`)).json().adverseEventsByGrade).toEqual({ 3: 1 });

    const b = await t.login('coord-b');
    const bId = await t.participant(b, als, 'site-b', 'ALS-B-01', '2025-05-05');
    await t.call(b, 'POST', `/api/participants/${bId}/adverse-events`, { ...ae, term: 'Fever', grade: 1, relatedness: 'unlikely' });
    const terms = async (cookie: string) => (await t.call(cookie, 'GET', `/api/studies/${als}/adverse-events`)).json().map((x: { term: string }) => x.term);
    expect(await terms(c)).toEqual(['Lymphocyte count decreased']);
    expect(await terms(b)).toEqual(['Fever']);
    expect((await terms(await t.login('mon'))).sort()).toEqual(['Fever', 'Lymphocyte count decreased']);
    expect((await t.call(b, 'GET', `/api/participants/${id}/adverse-events`)).statusCode).toBe(404);
    expect((await t.call(b, 'PATCH', `/api/adverse-events/${proposed}`, { grade: 1, reason: 'x' })).statusCode).toBe(404);
  });
});
