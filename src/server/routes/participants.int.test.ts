import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { testApp } from '../test-app.js';

const databases = testDatabases();
const study = 'als-il2';
type Call = (cookie: string, url: string, payload: object) => Promise<LightMyRequestResponse>;

/** The ALS test study (clock 2025-06-02) with a coordinator and an investigator at site A. */
async function setup(db: Awaited<ReturnType<(typeof databases)[number]['fresh']>>) {
  const t = await testApp(db);
  await t.user('coord', [{ studyId: study, siteId: t.siteA, role: 'coordinator' }]);
  await t.user('inv', [{ studyId: study, siteId: t.siteA, role: 'investigator' }]);
  const [coord, inv] = [await t.login('coord'), await t.login('inv')];
  const call: Call = (cookie, url, payload) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const register = async (code: string, birthDate = '1970-05-04') => call(coord, `/api/studies/${study}/participants`, { siteId: t.siteA, code, sex: 'female', birthDate });
  const go = (cookie: string, id: string, body: object) => call(cookie, `/api/participants/${id}/transition`, body);
  return { db, call, coord, inv, register, go };
}

describe.each(databases)('participant trial flow on $kind', (database) => {
  it('refuses the screening bypass: eligibility comes from a screening or an investigator override with a reason', async () => {
    const t = await setup(await database.fresh());
    const id = (await t.register('ALS-101')).json().id as string;
    const bypass = await t.go(t.coord, id, { to: 'eligible', date: '2025-05-01' });
    expect(bypass.statusCode).toBe(409);
    expect(bypass.json().error).toEqual({
      code: 'ENROLMENT_ELIGIBILITY_NEEDS_SCREENING',
      path: 'to',
      message: `Participant ALS-101 becomes eligible by recording a screening (POST /api/participants/${id}/screening), or by an investigator's override with a reason.`,
    });
    const noReason = await t.go(t.inv, id, { to: 'eligible', date: '2025-05-01' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'AUDIT_REASON_REQUIRED', path: 'reason' });
    const [{ status }] = (await t.db.query<{ status: string }>('SELECT status FROM participants WHERE id = $1', [id])) as [{ status: string }];
    expect(status).toBe('screening');
    const override = await t.go(t.inv, id, { to: 'eligible', date: '2025-05-01', reason: 'screened on paper at the clinic' });
    expect(override.statusCode, override.body).toBe(200);
    expect(override.json().status).toBe('eligible');
  });

  it('refuses status dates that go backwards, precede the birth date or lie after today', async () => {
    const t = await setup(await database.fresh());
    const id = (await t.register('ALS-102', '1980-02-01')).json().id as string;
    expect((await t.go(t.inv, id, { to: 'eligible', date: '2024-11-10', reason: 'screened on paper' })).statusCode).toBe(200);
    const back = await t.go(t.coord, id, { to: 'consented', date: '2024-11-01' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error).toEqual({
      code: 'ENROLMENT_DATE_OUT_OF_ORDER',
      path: 'date',
      message: 'Field "date" (2024-11-01) is before 2024-11-10, the date of the current status eligible for participant ALS-102.',
    });
    // The test clock is 2025-06-02.
    expect((await t.go(t.coord, id, { to: 'consented', date: '2025-06-03' })).json().error.message).toBe('Field "date" (2025-06-03) is after today (2025-06-02) for participant ALS-102.');
    expect((await t.go(t.coord, id, { to: 'consented', date: '2024-11-12' })).statusCode).toBe(200);
    expect((await t.go(t.coord, id, { to: 'enrolled', date: '1999-01-01' })).json().error.message).toBe(
      'Field "date" (1999-01-01) is before 2024-11-12, the date of the current status consented for participant ALS-102.',
    );
    const enrolled = await t.go(t.coord, id, { to: 'enrolled', date: '2024-11-20' });
    expect(enrolled.json()).toMatchObject({ status: 'enrolled', enrolledOn: '2024-11-20' });

    // Before birth: a participant born 1980 cannot be made eligible in 1979, even as their first dated step.
    const other = (await t.register('ALS-103', '1980-02-01')).json().id as string;
    expect((await t.go(t.inv, other, { to: 'eligible', date: '1979-12-31', reason: 'typed' })).json().error.message).toBe(
      'Field "date" (1979-12-31) is before the birth date 1980-02-01 for participant ALS-103.',
    );
  });

  it('refuses a birth date in the future or before 1900, and writes nothing', async () => {
    const t = await setup(await database.fresh());
    const future = await t.register('ALS-104', '2025-06-03');
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toEqual({ code: 'ENROLMENT_IMPLAUSIBLE_BIRTH_DATE', path: 'birthDate', message: 'Field "birthDate" (2025-06-03) is in the future; today is 2025-06-02.' });
    const old = await t.register('ALS-105', '1899-12-31');
    expect(old.json().error).toEqual({ code: 'ENROLMENT_IMPLAUSIBLE_BIRTH_DATE', path: 'birthDate', message: 'Field "birthDate" (1899-12-31) is before 1900; check the year.' });
    expect((await t.register('ALS-106', '1900-01-01')).statusCode).toBe(201);
    expect(await t.db.query('SELECT code FROM participants ORDER BY code')).toEqual([{ code: 'ALS-106' }]);
  });

  it('refuses a screening whose age fact contradicts the registered birth date', async () => {
    const t = await setup(await database.fresh());
    const id = (await t.register('ALS-107', '1970-05-04')).json().id as string;
    // Born 1970-05-04: 54 on 2025-05-03, 55 from 2025-05-04.
    const wrong = await t.call(t.coord, `/api/participants/${id}/screening`, { facts: { age: 17 }, referenceDate: '2025-05-03' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toEqual({
      code: 'ENROLMENT_AGE_CONTRADICTS_BIRTH_DATE',
      path: 'facts.age',
      message: 'Fact "age" is 17, but participant ALS-107, born 1970-05-04, is 54 on 2025-05-03: correct the age or the birth date.',
    });
    expect(await t.db.query('SELECT * FROM screening_records')).toEqual([]);
    const right = await t.call(t.coord, `/api/participants/${id}/screening`, { facts: { age: 55 }, referenceDate: '2025-05-04' });
    expect(right.statusCode, right.body).toBe(201);
  });
});
