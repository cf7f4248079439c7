import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { als, visitTestApp } from './test-visits.js';

const databases = testDatabases();

describe.each(databases)('data queries on $kind', (database) => {
  it('raise → answer with correction → close, each step audited, listed open for its site only while open', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-020', '2025-05-05');
    await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', labs: [{ analyte: 'lymphocytes', value: 450, unit: '/mm3' }] });
    const raise = { participantId: id, visitId: 'week-0', field: 'labs.lymphocytes', text: 'Lymphocytes 450/mm³ disagree with the lab report (1450?).' };
    expect((await t.call(c, 'POST', '/api/queries', raise)).json().error.code).toBe('AUTH_FORBIDDEN');

    const mon = await t.login('mon');
    const raised = await t.call(mon, 'POST', '/api/queries', raise);
    expect(raised.statusCode, raised.body).toBe(201);
    const q = raised.json();
    expect(q).toMatchObject({ status: 'open', siteId: t.siteA, field: 'labs.lymphocytes', visitId: 'week-0' });
    const open = async (cookie: string) => (await t.call(cookie, 'GET', `/api/studies/${als}/queries?status=open`)).json().map((x: { id: string }) => x.id);
    expect(await open(mon)).toEqual([q.id]);
    expect(await open(c)).toEqual([q.id]);
    const dashboardCount = async (cookie: string) => (await t.call(cookie, 'GET', `/api/studies/${als}/dashboard?date=2025-05-05`)).json().openQueries;
    expect(await dashboardCount(c)).toBe(1);
    expect(await open(await t.login('dm-b'))).toEqual([]);
    const b = await t.login('coord-b');
    expect(await open(b)).toEqual([]);
    expect(await dashboardCount(b)).toBe(0);
    expect((await t.call(b, 'POST', `/api/queries/${q.id}/answer`, { text: 'x', correction: 1 })).statusCode).toBe(404);

    expect((await t.call(mon, 'POST', `/api/queries/${q.id}/close`)).json().error.code).toBe('VISIT_QUERY_NOT_OPEN');
    const answered = await t.call(c, 'POST', `/api/queries/${q.id}/answer`, { text: 'Transcription error, corrected from the report.', correction: 1450 });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answer: 'Transcription error, corrected from the report.' });
    expect(await open(mon)).toEqual([]);
    expect(await dashboardCount(c)).toBe(0);
    const lab = (await t.call(c, 'GET', `/api/participants/${id}/visits/week-0/observations`)).json().labs[0];
    // 1450/mm³ is within the default range 1000–4000: grade 0.
    expect(lab).toMatchObject({ value: 1450, grade: 0 });

    expect((await t.call(await t.login('stat'), 'POST', `/api/queries/${q.id}/close`)).json().error.code).toBe('AUTH_FORBIDDEN');
    const closed = await t.call(mon, 'POST', `/api/queries/${q.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await t.call(c, 'POST', `/api/queries/${q.id}/answer`, { text: 'again' })).json().error.code).toBe('VISIT_QUERY_NOT_OPEN');
    // The list names the participant and who raised, answered and closed (display names; here the usernames).
    expect((await t.call(mon, 'GET', `/api/studies/${als}/queries`)).json()).toEqual([
      expect.objectContaining({ id: q.id, participantCode: 'ALS-020', raisedByName: 'mon', answeredByName: 'coord-a', closedByName: 'mon' }),
    ]);
    expect((await t.call(mon, 'GET', `/api/studies/${als}/queries?siteId=${t.siteA}`)).json()).toHaveLength(1);
    expect((await t.call(mon, 'GET', `/api/studies/${als}/queries?siteId=site-b`)).json()).toEqual([]);
    // A site user asking for another site's queries gets none of them.
    expect((await t.call(c, 'GET', `/api/studies/${als}/queries?siteId=site-b`)).json()).toEqual([]);

    const audit = await t.db.query<{ entity: string; action: string; changes: { field: string; old: unknown; new: unknown }[]; reason: string | null }>(
      "SELECT entity, action, changes, reason FROM audit WHERE entity IN ('queries', 'observations') ORDER BY seq",
    );
    const steps = audit.filter((a) => a.action === 'update' || a.entity === 'queries').map((a) => [a.entity, a.action, a.reason]);
    expect(steps).toEqual([
      ['queries', 'insert', null],
      ['observations', 'update', `Correction for query ${q.id}: ${raise.text}`],
      ['queries', 'update', `Site answer to query ${q.id}`],
      ['queries', 'update', `Query ${q.id} closed by its raiser`],
    ]);
    const correction = audit.find((a) => a.entity === 'observations' && a.action === 'update');
    expect(correction?.changes).toEqual([
      { field: 'value_num', old: 450, new: 1450 },
      { field: 'grade', old: 3, new: 0 },
    ]);
  });

  it('refuses a correction the form itself would refuse, naming the field, and changes nothing', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-021', '2025-05-05');
    const panel = { lymphocytesPerUl: 1500, percentOfParent: { 'cd4-t': 40, treg: 5 } };
    expect((await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', panel })).statusCode).toBe(201);
    const mon = await t.login('mon');
    const q = (await t.call(mon, 'POST', '/api/queries', { participantId: id, visitId: 'week-0', field: 'immune-panel.treg', text: 'Treg 5% of CD4: check the gating.' })).json();
    const before = await t.auditCount();
    const refused = await t.call(c, 'POST', `/api/queries/${q.id}/answer`, { text: 'Re-gated.', correction: 140 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'INSTRUMENT_PANEL_VALUE_INVALID', path: 'percentOfParent.treg' });
    expect(await t.auditCount()).toBe(before);
    const saved = (await t.call(c, 'GET', `/api/participants/${id}/visits/week-0/observations`)).json();
    expect(saved.panel.percentOfParent.treg).toBe(5);
    expect((await t.call(mon, 'GET', `/api/studies/${als}/queries?status=open`)).json().map((x: { id: string }) => x.id)).toEqual([q.id]);
  });
});
