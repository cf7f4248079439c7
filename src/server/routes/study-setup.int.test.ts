import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureBuiltinStudies } from '../../use-cases/studies/builtin-studies.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, testNow } from '../test-app.js';

const databases = testDatabases();
const dfIl2 = (): Record<string, unknown> => JSON.parse(readFileSync(new URL('../../../examples/df-il2.json', import.meta.url), 'utf8'));

describe.each(databases)('studies from a protocol file on $kind', (database) => {
  async function setup() {
    const db = await database.fresh();
    const t = await testApp(db);
    await t.user('root', [{ studyId: null, siteId: null, role: 'admin' }]);
    await t.user('coord', [{ studyId: 'als-il2', siteId: t.siteA, role: 'coordinator' }]);
    const admin = await t.login('root');
    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { db, t, admin, call };
  }

  it('creates DF-IL2 as a design, refuses participants until activation seals its list, then it is live', async () => {
    const { db, t, admin, call } = await setup();
    const coord = await t.login('coord');
    expect((await call(coord, 'POST', '/api/studies', dfIl2())).json().error.code).toBe('AUTH_FORBIDDEN');

    const created = await call(admin, 'POST', '/api/studies', dfIl2());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ id: 'df-il2', title: 'Dose-finding study of low-dose IL-2 in type 1 diabetes (DF-IL2)', status: 'design', protocolVersion: '1' });
    expect((await call(admin, 'POST', '/api/studies', dfIl2())).json().error.code).toBe('RECORD_ALREADY_EXISTS');

    const register = { siteId: 'pitie-salpetriere', code: 'DF-001', sex: 'male', birthDate: '1990-01-02' };
    expect((await call(admin, 'POST', '/api/studies/df-il2/participants', register)).json().error.code).toBe('STUDY_NOT_LIVE');

    const live = await call(admin, 'POST', '/api/studies/df-il2/activate');
    expect(live.statusCode, live.body).toBe(200);
    // Permuted blocks without strata: one list of the enrolment target, 24 entries.
    expect(live.json()).toMatchObject({ id: 'df-il2', status: 'live', allocationEntries: 24 });
    const [seal] = await db.query<{ entries: number; list_hmac: string }>("SELECT entries, list_hmac FROM allocation_seals WHERE study_id = 'df-il2'");
    expect(seal?.entries).toBe(24);
    expect(seal?.list_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect((await call(admin, 'POST', '/api/studies/df-il2/activate')).json().error.code).toBe('STUDY_NOT_DESIGN');
    expect((await call(admin, 'POST', '/api/studies/df-il2/participants', register)).statusCode).toBe(201);
    // The placebo was written "matching placebo": the active schedule with every dose 0.
    const [{ protocol }] = (await db.query<{ protocol: { arms: { interventions: { regimen: { steps: { dose: { amount: number } }[] } }[] }[] } }>(
      "SELECT protocol FROM studies WHERE id = 'df-il2'",
    )) as [never];
    expect((protocol as { arms: { interventions: { regimen: { steps: { dose: { amount: number } }[] } }[] }[] }).arms[0]!.interventions[0]!.regimen.steps.map((s) => s.dose.amount)).toEqual([0]);
  });

  it('names an unknown assessment and a non-placebo dose of 0, and refuses to activate an inconsistent design', async () => {
    const { admin, call } = await setup();
    const typo = dfIl2();
    (typo.visits as { assessments: string[] }[])[1]!.assessments = ['labs', 'treg-panel'];
    const unknown = await call(admin, 'POST', '/api/studies', typo);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'PROTOCOL_UNKNOWN_ASSESSMENT', path: 'visits[1].assessments[1]' });
    expect(unknown.json().error.message).toMatch(/^visits\[1\]\.assessments\[1\]: assessment "treg-panel" of visit day-5: it is no instrument il2trials knows/);

    const zero = dfIl2();
    const arm = (zero.arms as { interventions: { regimen: { steps: { dose: { amount: number } }[] } }[] }[])[1]!;
    arm.interventions[0]!.regimen.steps[0]!.dose.amount = 0;
    expect((await call(admin, 'POST', '/api/studies', zero)).json().error).toMatchObject({ code: 'PROTOCOL_INVALID_PROTOCOL', path: 'arms[1].interventions[0].regimen' });

    // Masked, but allocated without randomization: the start-up masking check refuses it at activation.
    const open = { ...dfIl2(), id: 'df-open', design: { ...(dfIl2().design as object), allocation: 'non-randomized', randomization: undefined } };
    expect((await call(admin, 'POST', '/api/studies', open)).statusCode).toBe(201);
    const refused = await call(admin, 'POST', '/api/studies/df-open/activate');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('STUDY_ACTIVATION_REFUSED');
    expect(refused.json().error.message).toContain('check masked-without-randomization failed');
    expect((await call(admin, 'GET', '/api/studies/df-open')).json().study.status).toBe('design');
  });

  it('creates the built-in studies the same way: live, with sealed lists for the randomized ones', async () => {
    const db = await database.fresh();
    expect(await ensureBuiltinStudies(db, testNow)).toEqual(['ss-il2', 'sle-il2', 'als-il2', 'ae-il2']);
    expect(await db.query('SELECT id, status FROM studies ORDER BY id')).toEqual(['ae-il2', 'als-il2', 'sle-il2', 'ss-il2'].map((id) => ({ id, status: 'live' })));
    expect((await db.query<{ study_id: string }>('SELECT study_id FROM allocation_seals ORDER BY study_id')).map((r) => r.study_id)).toEqual(['sle-il2', 'ss-il2']);
    expect(await ensureBuiltinStudies(db, testNow)).toEqual([]);
  });
});
