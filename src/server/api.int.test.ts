import { describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { testDatabases } from '../store/test-databases.js';
import { testApp, type TestApp } from './test-app.js';

const databases = testDatabases();
const study = 'als-il2';

async function setup(db: Db) {
  const t = await testApp(db);
  await t.user('coord-a', [{ studyId: study, siteId: t.siteA, role: 'coordinator' }]);
  await t.user('coord-b', [{ studyId: study, siteId: 'site-b', role: 'coordinator' }]);
  await t.user('inv-a', [{ studyId: study, siteId: t.siteA, role: 'investigator' }]);
  await t.user('mon', [{ studyId: study, siteId: null, role: 'monitor' }]);
  return t;
}

async function createParticipant(t: TestApp, cookie: string, siteId: string, code: string): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: `/api/studies/${study}/participants`, headers: { cookie }, payload: { siteId, code, sex: 'female', birthDate: '1970-05-04' } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

describe.each(databases)('HTTP API on $kind', (database) => {
  it('logs in with a session cookie (HttpOnly, SameSite=Strict), answers /me, logs out', async () => {
    const t = await setup(await database.fresh());
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'coord-a', password: 'correct horse battery staple' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['set-cookie']).toMatch(/sid=[^;]+;.*HttpOnly/i);
    expect(r.headers['set-cookie']).toMatch(/SameSite=Strict/i);
    expect(r.json()).toMatchObject({ user: { username: 'coord-a', displayName: 'coord-a' }, roles: [{ studyId: study, siteId: t.siteA, role: 'coordinator' }] });
    const cookie = `sid=${r.cookies[0]!.value}`;
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const after = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_NOT_AUTHENTICATED');
  });

  it('refuses a wrong password with 401 and no session', async () => {
    const t = await setup(await database.fresh());
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'coord-a', password: 'wrong' } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('AUTH_BAD_CREDENTIALS');
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('accepts an API token as a Bearer credential', async () => {
    const t = await setup(await database.fresh());
    const cookie = await t.login('mon');
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie }, payload: { name: 'nightly export' } });
    expect(r.statusCode).toBe(201);
    const { token } = r.json();
    const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user.username).toBe('mon');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}x` } })).statusCode).toBe(401);
  });

  it('answers a bad body with 400 naming the field and writes nothing', async () => {
    const db = await database.fresh();
    const t = await setup(db);
    const cookie = await t.login('coord-a');
    const before = await db.query('SELECT count(*)::int AS n FROM audit');
    const r = await t.app.inject({ method: 'POST', url: `/api/studies/${study}/participants`, headers: { cookie }, payload: { siteId: t.siteA, code: 'P1', sex: 'female', birthDate: '1970-02-30' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'birthDate' });
    expect(r.json().error.message).toBe('Field "birthDate" must be a date as YYYY-MM-DD, not "1970-02-30".');
    expect(await db.query('SELECT * FROM participants')).toEqual([]);
    expect(await db.query('SELECT count(*)::int AS n FROM audit')).toEqual(before);
  });

  it('walks a participant through the lifecycle and refuses a skipped step with 409', async () => {
    const t = await setup(await database.fresh());
    const cookie = await t.login('coord-a');
    const id = await createParticipant(t, cookie, t.siteA, 'ALS-001');
    const go = (to: string, extra: object = {}) => t.app.inject({ method: 'POST', url: `/api/participants/${id}/transition`, headers: { cookie }, payload: { to, ...extra } });
    const skip = await go('enrolled');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: 'RECORD_TRANSITION_NOT_ALLOWED' });
    expect(skip.json().error.message).toBe('A participant cannot go from screening to enrolled: the next status can only be eligible or ineligible or withdrawn.');
    const override = await t.app.inject({
      method: 'POST',
      url: `/api/participants/${id}/transition`,
      headers: { cookie: await t.login('inv-a') },
      payload: { to: 'eligible', date: '2025-04-28', reason: 'screened on paper' },
    });
    expect(override.statusCode, override.body).toBe(200);
    expect((await go('consented', { date: '2025-04-30' })).statusCode).toBe(200);
    expect((await go('enrolled', { date: '2025-05-01' })).json()).toMatchObject({ status: 'enrolled', enrolledOn: '2025-05-01' });
    expect((await go('on-treatment', { date: '2025-05-05' })).json()).toMatchObject({ status: 'on-treatment', startDate: '2025-05-05', armId: 'il2' });
    const noReason = await go('withdrawn');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.path).toBe('reason');
    expect((await go('withdrawn', { reason: 'moved abroad' })).json().status).toBe('withdrawn');
    expect((await go('completed')).statusCode).toBe(409);
  });

  it('records doses on calendar days; a held dose needs a reason; a correction needs changeReason', async () => {
    const t = await setup(await database.fresh());
    const cookie = await t.login('coord-a');
    const id = await createParticipant(t, cookie, t.siteA, 'ALS-002');
    for (const [to, date] of [
      ['eligible', '2025-05-01'],
      ['consented', '2025-05-01'],
      ['enrolled', '2025-05-01'],
      ['on-treatment', '2025-05-05'],
    ] as const) {
      const by = to === 'eligible' ? await t.login('inv-a') : cookie;
      await t.app.inject({ method: 'POST', url: `/api/participants/${id}/transition`, headers: { cookie: by }, payload: { to, date, reason: 'screened on paper' } });
    }
    const dose = (payload: object) => t.app.inject({ method: 'POST', url: `/api/participants/${id}/doses`, headers: { cookie }, payload });
    // ALS regimen: 1 MIU every other day for 2 weeks → doses on study days 1, 3, 5, …; day 2 is a rest day.
    expect((await dose({ day: 1, date: '2025-05-05', status: 'given' })).statusCode).toBe(201);
    expect((await dose({ day: 2, date: '2025-05-06', status: 'given' })).json().error).toMatchObject({ code: 'RECORD_DOSE_OUTSIDE_CALENDAR', path: 'day' });
    expect((await dose({ day: 3, date: '2025-05-07', status: 'held' })).json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'reason' });
    expect((await dose({ day: 1, date: '2025-05-06', status: 'given' })).json().error).toMatchObject({ code: 'AUDIT_REASON_REQUIRED', path: 'changeReason' });
    expect((await dose({ day: 1, date: '2025-05-06', status: 'given', changeReason: 'date typed wrong' })).statusCode).toBe(201);
    const cal = (await t.app.inject({ url: `/api/participants/${id}/calendar`, headers: { cookie } })).json();
    expect(cal.startDate).toBe('2025-05-05');
    expect(cal.doses[0]).toMatchObject({ day: 1, date: '2025-05-05', recorded: { day: 1, date: '2025-05-06', status: 'given', reason: null } });
    expect(cal.doses[1]).toMatchObject({ day: 3, date: '2025-05-07', recorded: null });
  });

  it("never shows a site-B participant to site A's coordinator, through any endpoint", async () => {
    const t = await setup(await database.fresh());
    const b = await t.login('coord-b');
    const secretCode = 'B-SECRET-1';
    const bId = await createParticipant(t, b, 'site-b', secretCode);
    const a = await t.login('coord-a');
    await createParticipant(t, a, t.siteA, 'A-1');
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const paths = Object.entries(spec.paths as Record<string, Record<string, unknown>>);
    expect(paths.length).toBeGreaterThan(8);
    let crawled = 0;
    for (const [path, methods] of paths) {
      // Logging out would end the session the crawl runs in.
      if (path === '/api/auth/logout') continue;
      for (const method of Object.keys(methods)) {
        const url = path.replace('{studyId}', study).replace('{id}', bId);
        const payload =
          method === 'get' ? undefined : { to: 'eligible', day: 1, date: '2025-05-05', status: 'given', siteId: 'site-b', code: 'B-NEW', sex: 'male', birthDate: '1960-01-01', name: 'x' };
        const r = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers: { cookie: a }, ...(payload ? { payload } : {}) });
        crawled++;
        expect(r.body, `${method} ${url}`).not.toContain(secretCode);
        // A refusal may echo the id that was asked for; nothing else may mention it.
        if (r.statusCode < 400) expect(r.body, `${method} ${url}`).not.toContain(bId);
        if (path.includes('{id}')) expect([403, 404], `${method} ${url}`).toContain(r.statusCode);
        if (method === 'post' && path === '/api/studies/{studyId}/participants') expect(r.statusCode).toBe(403);
      }
    }
    expect(crawled).toBeGreaterThan(8);
    // The monitor (study-wide) sees both sites.
    const mon = await t.login('mon');
    const list = (await t.app.inject({ url: `/api/studies/${study}/participants`, headers: { cookie: mon } })).json();
    expect(list.map((p: { code: string }) => p.code).sort()).toEqual(['A-1', secretCode]);
  });

  it('lists visible studies and hides the others', async () => {
    const t = await setup(await database.fresh());
    const cookie = await t.login('coord-a');
    const studies = (await t.app.inject({ url: '/api/studies', headers: { cookie } })).json();
    expect(studies).toEqual([{ id: study, protocolId: study, title: expect.any(String), registryId: 'NCT04952155', phase: 'phase2', status: 'live', enrolmentTarget: 13, enrolled: 0 }]);
    expect((await t.app.inject({ url: '/api/studies/sle-il2', headers: { cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/studies/sle-il2/participants', headers: { cookie } })).statusCode).toBe(404);
  });

  it('serves the review tables at /api/evidence, filtered by disease', async () => {
    const t = await setup(await database.fresh());
    const cookie = await t.login('mon');
    const all = (await t.app.inject({ url: '/api/evidence', headers: { cookie } })).json();
    const sle = (await t.app.inject({ url: '/api/evidence?disease=SLE', headers: { cookie } })).json();
    expect(all.published.length).toBeGreaterThan(sle.published.length);
    expect(sle.published.length).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/evidence' })).statusCode).toBe(401);
  });

  it('plans a sample size from a published evidence row at /api/evidence/sample-size', async () => {
    const t = await setup(await database.fresh());
    const cookie = await t.login('mon');
    const effects = (await t.app.inject({ url: '/api/evidence/effects', headers: { cookie } })).json();
    expect(effects.find((e: { id: string }) => e.id === 'ss-essdai-w24')).toMatchObject({ treated: { group: 'IL-2', responders: 20, n: 30 }, control: { group: 'placebo', responders: 8, n: 30 } });
    // 66.7 % vs 26.7 %, alpha 0.05, power 0.8: 24 per arm (hand calculation in src/evidence/sample-size.test.ts)
    const ss = await t.app.inject({ url: '/api/evidence/sample-size?disease=Sj%C3%B6gren&power=0.8', headers: { cookie } });
    expect(ss.statusCode).toBe(200);
    expect(ss.json()).toMatchObject({ nTreated: 24, nControl: 24, total: 48, effect: { id: 'ss-essdai-w24', treated: { group: 'IL-2' }, control: { group: 'placebo' } } });
    const bad = await t.app.inject({ url: '/api/evidence/sample-size?effect=ss-essdai-w24&power=1.5', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('power must be strictly between 0 and 1, got 1.5.');
    expect((await t.app.inject({ url: '/api/evidence/sample-size?disease=GVHD', headers: { cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/evidence/sample-size?disease=SS' })).statusCode).toBe(401);
  });

  it('answers an unknown API path with the catalogue body', async () => {
    const t = await setup(await database.fresh());
    const r = await t.app.inject({ url: '/api/nope' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: { code: 'HTTP_ROUTE_NOT_FOUND', message: 'No API endpoint GET /api/nope exists.' } });
  });
});
