import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { als, visitTestApp } from './test-visits.js';

const databases = testDatabases();

describe.each(databases)('defined forms through the API on $kind', (database) => {
  it('saves NfL at the ALS week-0 visit with its form id and version, and reads it back', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-F1', '2025-05-05');
    const url = `/api/participants/${id}/visits/week-0/forms/nfl`;
    expect((await t.call(c, 'GET', url)).json()).toMatchObject({ form: { id: 'nfl', version: '1' }, saved: null });

    const saved = await t.call(c, 'POST', url, { date: '2025-05-05', values: { serum: 85.4, csf: 4200 } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ formId: 'nfl', formVersion: '1', queries: [] });
    const rows = await t.db.query('SELECT kind, key, value_num, unit, form_id, form_version FROM observations ORDER BY key');
    expect(rows).toEqual([
      { kind: 'other', key: 'nfl.csf', value_num: 4200, unit: 'pg/mL', form_id: 'nfl', form_version: '1' },
      { kind: 'other', key: 'nfl.serum', value_num: 85.4, unit: 'pg/mL', form_id: 'nfl', form_version: '1' },
    ]);
    expect((await t.call(c, 'GET', url)).json().saved).toMatchObject({ date: '2025-05-05', formVersion: '1', values: { serum: { value: 85.4, unit: 'pg/mL' }, csf: { value: 4200, unit: 'pg/mL' } } });
    // The visit list still reads (form values are not instrument items).
    expect((await t.call(c, 'GET', `/api/participants/${id}/visits`)).statusCode).toBe(200);

    // CK of 1200 U/L = 6 × the default ULN of 200 U/L: CTCAE v5.0 "CPK increased" grade 3 (>5.0 – 10.0 × ULN), proposed as the nine safety labs are.
    const ck = await t.call(c, 'POST', `/api/participants/${id}/visits/week-48/forms/als-labs`, { date: '2025-06-01', values: { ck: { value: 1200, unit: 'U/L' } } });
    expect(ck.statusCode, ck.body).toBe(201);
    expect(await t.db.query("SELECT value_num, grade, grade_term FROM observations WHERE key = 'als-labs.ck'")).toEqual([{ value_num: 1200, grade: 3, grade_term: 'CPK increased' }]);
    expect(await t.db.query('SELECT status, term, grade, onset_date FROM adverse_events')).toEqual([{ status: 'proposed', term: 'CPK increased', grade: 3, onset_date: '2025-06-01' }]);
    // The CK removed (a wrong entry): its proposed event is withdrawn and detached, the value deleted.
    const cleared = await t.call(c, 'POST', `/api/participants/${id}/visits/week-48/forms/als-labs`, { date: '2025-06-01', values: {}, reason: 'entered on the wrong participant' });
    expect(cleared.statusCode, cleared.body).toBe(201);
    expect(await t.db.query("SELECT key FROM observations WHERE key = 'als-labs.ck'")).toEqual([]);
    expect(await t.db.query('SELECT status, source_observation_id FROM adverse_events')).toEqual([{ status: 'withdrawn', source_observation_id: null }]);
  });

  it('refuses a hard-range value naming the item, writing nothing; a form not due or unknown is named', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-F2', '2025-05-05');
    const before = await t.auditCount();
    const bad = await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/forms/nfl`, { date: '2025-05-05', values: { serum: -3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'FORM_HARD_RANGE_VIOLATION',
      path: 'values.serum',
      message: 'Neurofilament light chain (NfL): "Serum NfL" (serum) must be at least 0 pg/mL, not -3 pg/mL.',
    });
    expect(await t.db.query('SELECT * FROM observations')).toEqual([]);
    expect(await t.auditCount()).toBe(before);

    const notDue = await t.call(c, 'POST', `/api/participants/${id}/visits/week-48/forms/als-cytokines`, { date: '2026-04-13', values: {} });
    expect(notDue.json().error).toMatchObject({ code: 'FORM_NOT_DUE', message: 'Form "als-cytokines" is not due at visit week-48; forms due there: roads, nfl, als-labs.' });
    expect((await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/forms/case`, { date: '2025-05-05', values: {} })).statusCode).toBe(404);
  });

  it('a soft-range value needs a reason; confirmed, it is saved and opens a data query on the item', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-F3', '2025-05-05');
    const url = `/api/participants/${id}/visits/week-0/forms/nfl`;
    const unconfirmed = await t.call(c, 'POST', url, { date: '2025-05-05', values: { serum: 1500 } });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error).toMatchObject({ code: 'FORM_SOFT_RANGE_UNCONFIRMED', path: 'values.serum' });

    const confirmed = await t.call(c, 'POST', url, { date: '2025-05-05', values: { serum: 1500 }, confirmations: { serum: 'rapid progressor, re-assayed' } });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json().queries).toEqual([
      expect.objectContaining({
        field: 'nfl.serum',
        visitId: 'week-0',
        status: 'open',
        text: 'Edit check: "Serum NfL" (serum) is 1500 pg/mL, outside the expected at most 1000 pg/mL. Confirmed at entry with the reason: rapid progressor, re-assayed',
      }),
    ]);
    const mon = await t.login('mon');
    const listed = (await t.call(mon, 'GET', `/api/studies/${als}/queries`)).json();
    expect(listed.map((q: { field: string }) => q.field)).toEqual(['nfl.serum']);
  });

  it('ROADS: 28 items, the raw score stored as the score the analysis reads', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-F4', '2025-05-05');
    // items 1-20 at 2, 21-28 at 1: 40 + 8 = 48
    const values = Object.fromEntries(Array.from({ length: 28 }, (_, i) => [`q${i + 1}`, i < 20 ? 2 : 1]));
    const saved = await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/forms/roads`, { date: '2025-05-05', values });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(await t.db.query("SELECT key, value_num FROM observations WHERE kind = 'score'")).toEqual([{ key: 'roads', value_num: 48 }]);
    const missing = await t.call(c, 'POST', `/api/participants/${id}/visits/week-24/forms/roads`, { date: '2025-10-20', values: { q1: 2 } });
    expect(missing.json().error).toMatchObject({ code: 'FORM_VALUE_MISSING', path: 'values.q2' });
  });
});
