import { describe, expect, it } from 'vitest';
import { testDatabases } from '../store/test-databases.js';
import { als, visitTestApp } from '../server/routes/test-visits.js';

const databases = testDatabases();

/** The failures of issue 18 item 9, each of which was answered 2xx before. Today is 2025-06-02 (testNow). */
describe.each(databases)('edit checks at the boundary on $kind', (database) => {
  it('refuses a future dose, a 2040 visit with ALT 1e308, a grade 5 AE not serious from 1900, a query on a made-up field and a lone surrogate, writing nothing', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('inv-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-020', '2025-05-05');
    const before = await t.auditCount();

    const dose = await t.call(c, 'POST', `/api/participants/${id}/doses`, { day: 1, date: '9999-12-31', status: 'given' });
    expect(dose.statusCode).toBe(400);
    expect(dose.json().error).toMatchObject({ code: 'EDIT_CHECK_IMPLAUSIBLE_DATE', path: 'date' });

    const visit = await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2040-01-01', labs: [{ analyte: 'alt', value: 30, unit: 'U/L' }] });
    expect(visit.json().error).toMatchObject({ code: 'EDIT_CHECK_IMPLAUSIBLE_DATE', path: 'date' });
    const alt = await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', labs: [{ analyte: 'alt', value: 1e308, unit: 'U/L' }] });
    expect(alt.statusCode).toBe(400);
    expect(alt.json().error).toMatchObject({ code: 'EDIT_CHECK_VALUE_BEYOND_HARD_LIMIT', path: 'labs.0.value' });

    const ae = { term: 'Sepsis', grade: 5, serious: false, relatedness: 'unlikely', outcome: 'fatal' };
    const fatal = await t.call(c, 'POST', `/api/participants/${id}/adverse-events`, { ...ae, onsetDate: '2025-05-20' });
    expect(fatal.json().error).toEqual({
      code: 'SAFETY_INCONSISTENT_ADVERSE_EVENT',
      message: 'Field "serious" is invalid: a grade 5 adverse event (death) must be serious with "death" among its seriousness criteria.',
      path: 'serious',
    });
    const seriousOther = await t.call(c, 'POST', `/api/participants/${id}/adverse-events`, { ...ae, serious: true, seriousCriteria: ['hospitalisation'], onsetDate: '2025-05-20' });
    expect(seriousOther.json().error.path).toBe('serious');
    const old = await t.call(c, 'POST', `/api/participants/${id}/adverse-events`, { ...ae, serious: true, seriousCriteria: ['death'], onsetDate: '1900-01-01' });
    expect(old.json().error).toMatchObject({ code: 'EDIT_CHECK_IMPLAUSIBLE_DATE', path: 'onsetDate' });

    const mon = await t.login('mon');
    const query = await t.call(mon, 'POST', '/api/queries', { participantId: id, visitId: 'week-0', field: "'; DROP TABLE participants;--", text: 'Check this.' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error).toMatchObject({ code: 'EDIT_CHECK_UNKNOWN_QUERY_FIELD', path: 'field' });

    const surrogate = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${id}/adverse-events`,
      headers: { cookie: c, 'content-type': 'application/json' },
      payload: '{"term":"Rash \\ud83d","grade":1,"onsetDate":"2025-05-20","relatedness":"unlikely"}',
    });
    expect(surrogate.json().error).toMatchObject({ code: 'HTTP_INVALID_CHARACTER', path: 'term' });

    expect(await t.auditCount()).toBe(before);
    expect(await t.db.query('SELECT * FROM doses')).toEqual([]);
    expect(await t.db.query('SELECT * FROM adverse_events')).toEqual([]);
    expect(await t.db.query('SELECT * FROM queries')).toEqual([]);

    // The same entries made plausible pass.
    expect((await t.call(c, 'POST', `/api/participants/${id}/doses`, { day: 1, date: '2025-05-05', status: 'given' })).statusCode).toBe(201);
    expect((await t.call(c, 'POST', `/api/participants/${id}/adverse-events`, { ...ae, serious: true, seriousCriteria: ['death'], onsetDate: '2025-05-20' })).statusCode).toBe(201);
  });
});
