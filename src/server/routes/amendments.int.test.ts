import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { testApp } from '../test-app.js';

const databases = testDatabases();
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const dfIl2 = (): Json => JSON.parse(readFileSync(new URL('../../../examples/df-il2.json', import.meta.url), 'utf8'));
const site = 'pitie-salpetriere';

describe.each(databases)('protocol amendments on $kind', (database) => {
  it('refuses a changed arm or ratio after the first randomization, takes a new visit with re-consent, and old records keep their version', async () => {
    const db = await database.fresh();
    // The clock moves to the amendment's effective date before the day-30 visit is entered (a new sign-in: the old session has idled out).
    let now = new Date('2025-06-02T09:00:00.000Z');
    const t = await testApp(db, { now: () => now });
    await t.user('root', [{ studyId: null, siteId: null, role: 'admin' }]);
    const admin = await t.login('root');
    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    expect((await call(admin, 'POST', '/api/studies', dfIl2())).statusCode).toBe(201);

    // Before any randomization (here: still a design) even the arms may change.
    const design = dfIl2();
    design.version = '1a';
    design.arms[3].label = 'IL-2 3 MIU once daily';
    const early = await call(admin, 'POST', '/api/studies/df-il2/amendments', { protocol: design, effectiveDate: '2025-05-01', reason: 'arm label clarified' });
    expect(early.statusCode, early.body).toBe(201);
    expect(early.json()).toMatchObject({ fromVersion: '1', version: '1a', changes: [{ path: 'arms[il2-3]', kind: 'changed' }], reconsentVersion: null });
    expect((await call(admin, 'POST', '/api/studies/df-il2/activate')).statusCode).toBe(200);

    await t.user('coord', [{ studyId: 'df-il2', siteId: site, role: 'coordinator' }]);
    const coord = await t.login('coord');
    const id = (await call(coord, 'POST', '/api/studies/df-il2/participants', { siteId: site, code: 'DF-001', sex: 'female', birthDate: '1990-03-04' })).json().id as string;
    await t.user('inv', [{ studyId: 'df-il2', siteId: site, role: 'investigator' }]);
    expect((await call(await t.login('inv'), 'POST', `/api/participants/${id}/transition`, { to: 'eligible', date: '2025-06-02', reason: 'screened on paper' })).statusCode).toBe(200);
    for (const to of ['consented', 'enrolled']) expect((await call(coord, 'POST', `/api/participants/${id}/transition`, { to, date: '2025-06-02' })).statusCode).toBe(200);
    expect((await call(coord, 'POST', `/api/participants/${id}/randomize`)).statusCode).toBe(200);
    const labs = { date: '2025-06-02', labs: [{ analyte: 'lymphocytes', value: 1500, unit: '/mm3' }] };
    const saved = await call(coord, 'POST', `/api/participants/${id}/visits/day-1/observations`, labs);
    expect(saved.statusCode, saved.body).toBeLessThan(300);

    const amended: Json = { ...dfIl2(), version: '2', arms: design.arms };
    amended.arms = amended.arms.map((a: Json, i: number) => (i === 1 ? { ...a, ratio: 2 } : a));
    const ratio = await call(admin, 'POST', '/api/studies/df-il2/amendments', { protocol: amended, effectiveDate: '2025-07-01', reason: 'more on the low dose' });
    expect(ratio.statusCode).toBe(409);
    expect(ratio.json().error).toEqual({
      code: 'STUDY_AMENDMENT_REFUSED',
      path: 'protocol',
      message: 'Study df-il2 cannot take version 2: the allocation ratio may not change after the first randomization.',
    });
    const armChanged = {
      ...amended,
      arms: design.arms.map((a: Json, i: number) =>
        i === 3
          ? { ...a, interventions: [{ ...a.interventions[0], regimen: { ...a.interventions[0].regimen, steps: [{ kind: 'every', interval: 1, forDays: 5, dose: { amount: 2, unit: 'MIU' } }] } }] }
          : a,
      ),
    };
    expect((await call(admin, 'POST', '/api/studies/df-il2/amendments', { protocol: armChanged, effectiveDate: '2025-07-01', reason: 'lower top dose' })).json().error.message).toBe(
      'Study df-il2 cannot take version 2: the arms (their ids, interventions and regimens) may not change after the first randomization.',
    );

    const withVisit: Json = { ...dfIl2(), version: '2', arms: design.arms };
    withVisit.visits = [...withVisit.visits.slice(0, 3), { id: 'day-30', name: 'Day 30', day: 30, windowBefore: 3, windowAfter: 3, assessments: ['labs', 'immune-panel'] }, withVisit.visits[3]];
    const ok = await call(admin, 'POST', '/api/studies/df-il2/amendments', { protocol: withVisit, effectiveDate: '2025-07-01', reason: 'day-30 immune panel added', reconsentVersion: 'consent-2' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ studyId: 'df-il2', fromVersion: '1a', version: '2', effectiveDate: '2025-07-01', changes: [{ path: 'visits[day-30]', kind: 'added' }], reconsentVersion: 'consent-2' });
    expect((await call(admin, 'GET', '/api/studies/df-il2')).json().study.protocolVersion).toBe('2');

    now = new Date('2025-07-01T09:00:00.000Z');
    const later = await call(await t.login('coord'), 'POST', `/api/participants/${id}/visits/day-30/observations`, { ...labs, date: '2025-07-01' });
    expect(later.statusCode, later.body).toBeLessThan(300);
    expect(await db.query('SELECT visit_id, protocol_version FROM visits ORDER BY visit_id')).toEqual([
      { visit_id: 'day-1', protocol_version: '1a' },
      { visit_id: 'day-30', protocol_version: '2' },
    ]);
    expect(await db.query('SELECT DISTINCT protocol_version FROM observations ORDER BY protocol_version')).toEqual([{ protocol_version: '1a' }, { protocol_version: '2' }]);
    expect(await db.query('SELECT version, reconsent_version FROM protocol_versions ORDER BY created_at, version')).toEqual([
      { version: '1a', reconsent_version: null },
      { version: '2', reconsent_version: 'consent-2' },
    ]);

    // Consented on 2025-06-02 under the version then in force (1a); the amendment asks for consent-2.
    const coordNow = await t.login('coord');
    const shown = (await call(coordNow, 'GET', `/api/participants/${id}`)).json();
    expect(shown).toMatchObject({ reconsentNeeded: 'consent-2', consents: [{ formVersion: '1a', signedOn: '2025-06-02' }] });
    expect((await call(coordNow, 'GET', '/api/studies/df-il2/participants')).json()).toMatchObject([{ code: 'DF-001', reconsentNeeded: 'consent-2' }]);
    const beforeLast = await call(coordNow, 'POST', `/api/participants/${id}/consents`, { signedOn: '2025-06-01' });
    expect(beforeLast.json().error).toEqual({
      code: 'ENROLMENT_DATE_OUT_OF_ORDER',
      path: 'signedOn',
      message: 'Field "signedOn" (2025-06-01) is before 2025-06-02, when participant DF-001 last consented (under 1a).',
    });
    const again = await call(coordNow, 'POST', `/api/participants/${id}/consents`, { signedOn: '2025-07-01' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toEqual({ formVersion: 'consent-2', signedOn: '2025-07-01' });
    expect((await call(coordNow, 'GET', `/api/participants/${id}`)).json()).toMatchObject({
      reconsentNeeded: null,
      consents: [{ formVersion: '1a' }, { formVersion: 'consent-2', signedOn: '2025-07-01' }],
    });
    const twice = await call(coordNow, 'POST', `/api/participants/${id}/consents`, { signedOn: '2025-07-01' });
    expect(twice.json().error).toEqual({
      code: 'ENROLMENT_NO_RECONSENT_DUE',
      path: 'signedOn',
      message: 'Participant DF-001 needs no re-consent: they consented under consent-2, the version in force.',
    });

    // The study's history: each amendment from which version, with its difference. Which arm changed
    // (il2-3, the 3 MIU arm) is for the unblinded pharmacist; the blinded coordinator reads "arms changed".
    const history = (armChange: string) => ({
      current: '2',
      amendments: [
        { fromVersion: '1', version: '1a', effectiveDate: '2025-05-01', reason: 'arm label clarified', reconsentVersion: null, changes: [{ path: armChange, kind: 'changed' }] },
        { fromVersion: '1a', version: '2', effectiveDate: '2025-07-01', reconsentVersion: 'consent-2', changes: [{ path: 'visits[day-30]', kind: 'added' }] },
      ],
    });
    const blinded = await call(coordNow, 'GET', '/api/studies/df-il2/versions');
    expect(blinded.json()).toMatchObject(history('arms'));
    expect(blinded.body).not.toMatch(/il2-|MIU/);
    await t.user('pharm', [{ studyId: 'df-il2', siteId: null, role: 'unblinded-pharmacist' }]);
    expect((await call(await t.login('pharm'), 'GET', '/api/studies/df-il2/versions')).json()).toMatchObject(history('arms[il2-3]'));
  });
});
