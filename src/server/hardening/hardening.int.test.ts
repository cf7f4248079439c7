import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, testPassword } from '../test-app.js';
import { createLogger } from './logger.js';

const databases = testDatabases();
const study = 'als-il2';

/** A logger writing its JSON lines into memory. */
function memoryLog(): { logger: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[]; text: () => string } {
  let text = '';
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((text += chunk.toString()), done()) });
  return {
    logger: createLogger(sink),
    lines: () =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => text,
  };
}

describe.each(databases)('HTTP hardening on $kind', (database) => {
  it('sends the security headers, no-store on API answers and a request id', async () => {
    const t = await testApp(await database.fresh());
    const r = await t.app.inject({ url: '/api/auth/me' });
    expect(r.statusCode).toBe(401);
    const csp = String(r.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'self'", "object-src 'none'"]) expect(csp).toContain(directive);
    // Framed by the app itself only (its analysis page), never by another site (clickjacking).
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('same-origin');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers['strict-transport-security']).toBeUndefined();
    const secure = await testApp(await database.fresh(), { secureCookies: true });
    await secure.user('ana', [{ studyId: study, siteId: secure.siteA, role: 'coordinator' }]);
    const login = await secure.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ana', password: testPassword } });
    expect(login.headers['set-cookie']).toMatch(/; Secure/);
    expect(login.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('refuses a cross-origin POST (Origin or Referer of another host) and writes nothing; same-origin and tool requests pass', async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    await t.user('ana', [{ studyId: study, siteId: t.siteA, role: 'coordinator' }]);
    const cookie = await t.login('ana');
    const post = (headers: Record<string, string>, code: string) =>
      t.app.inject({ method: 'POST', url: `/api/studies/${study}/participants`, headers: { cookie, ...headers }, payload: { siteId: t.siteA, code, sex: 'female', birthDate: '1970-05-04' } });
    const evil = await post({ origin: 'http://evil.example' }, 'P-1');
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toEqual({
      error: { code: 'HTTP_CROSS_ORIGIN_REFUSED', message: 'A POST from "http://evil.example" to localhost:80 is refused: state-changing requests must come from this site.' },
    });
    expect((await post({ referer: 'https://evil.example/page' }, 'P-2')).statusCode).toBe(403);
    expect((await post({ origin: 'null' }, 'P-3')).json().error.message).toBe('A POST from an opaque origin to localhost:80 is refused: state-changing requests must come from this site.');
    expect(await db.query('SELECT code FROM participants')).toEqual([]);
    expect((await post({ origin: 'http://localhost' }, 'P-4')).statusCode).toBe(201);
    expect((await post({}, 'P-5')).statusCode).toBe(201);
    // Reads are not state-changing: a cross-origin GET is answered (the browser keeps its body from the other site).
    expect((await t.app.inject({ url: `/api/studies/${study}/participants`, headers: { cookie, origin: 'http://evil.example' } })).statusCode).toBe(200);
  });

  it('refuses NUL and lone surrogates in a body, a key or the query with a 400 naming the field, storing nothing', async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    await t.user('ana', [{ studyId: study, siteId: t.siteA, role: 'coordinator' }]);
    const cookie = await t.login('ana');
    const send = (body: string) => t.app.inject({ method: 'POST', url: `/api/studies/${study}/participants`, headers: { cookie, 'content-type': 'application/json' }, payload: body });
    const nul = await send(`{"siteId":"${t.siteA}","code":"P\\u00001","sex":"female","birthDate":"1970-05-04"}`);
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toEqual({ error: { code: 'HTTP_INVALID_CHARACTER', message: 'Field "code" of the request body holds a NUL character, which cannot be stored.', path: 'code' } });
    const lone = await send(`{"siteId":"${t.siteA}","code":"P-\\ud800","sex":"female","birthDate":"1970-05-04"}`);
    expect(lone.json()).toEqual({ error: { code: 'HTTP_INVALID_CHARACTER', message: 'Field "code" of the request body holds a lone UTF-16 surrogate, which cannot be stored.', path: 'code' } });
    const key = await send(`{"siteId":"${t.siteA}","code":"P-9","sex":"female","birthDate":"1970-05-04","extra":{"a\\udc00":1}}`);
    expect(key.json().error.path).toBe('extra.a\udc00');
    // A correct pair (U+1F600) is a character like any other.
    expect((await send(`{"siteId":"${t.siteA}","code":"P-\\ud83d\\ude00","sex":"female","birthDate":"1970-05-04"}`)).statusCode).toBe(201);
    const query = await t.app.inject({ url: `/api/studies/${study}/participants?siteId=%00`, headers: { cookie } });
    expect(query.json().error).toMatchObject({ code: 'HTTP_INVALID_CHARACTER', path: 'siteId' });
    expect(await db.query('SELECT code FROM participants')).toEqual([{ code: 'P-\u{1F600}' }]);
  });

  it('logs each request with its id and every 5xx with the error, never a password, cookie or token', async () => {
    const db = await database.fresh();
    // The next read of the studies fails, once.
    let fail = false;
    const failing: Db = { ...db, query: (sql, params) => (fail && sql.includes('FROM studies') && !(fail = false) ? Promise.reject(new Error('disk on fire')) : db.query(sql, params)) };
    const log = memoryLog();
    const t = await testApp(failing, { logger: log.logger });
    await t.user('ana', [{ studyId: study, siteId: t.siteA, role: 'coordinator' }]);
    const cookie = await t.login('ana');
    const token = (await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie }, payload: { name: 'script' } })).json().token as string;
    await t.app.inject({ url: '/api/auth/me?password=hunter2', headers: { authorization: `Bearer ${token}` } });
    fail = true;
    const broken = await t.app.inject({ url: `/api/studies`, headers: { cookie } });
    expect(broken.statusCode).toBe(500);
    const errors = log.lines().filter((l) => l['level'] === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reqId: broken.headers['x-request-id'], msg: 'answered 500 HTTP_INTERNAL_ERROR', err: { message: 'disk on fire' } });
    const completed = log.lines().filter((l) => l['msg'] === 'request completed');
    expect(completed.map((l) => (l['res'] as { statusCode: number }).statusCode)).toEqual([200, 201, 200, 500]);
    expect(log.text()).not.toContain(testPassword);
    expect(log.text()).not.toContain(cookie.slice('sid='.length));
    expect(log.text()).not.toContain(token);
    expect(log.text()).not.toContain('hunter2');
  });
});
