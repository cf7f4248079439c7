import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random/seeded-random.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp } from '../test-app.js';

const databases = testDatabases();
const study = 'als-il2';
const requestsPerDatabase = 2000;

/**
 * Naughty values (after the "Big List of Naughty Strings" idea): wrong types, limits of JSON
 * numbers, NUL and lone surrogates, SQL and path tricks, prototype keys, deep nesting.
 */
const naughtyValues: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 1,
  '',
  ' ',
  'a'.repeat(20_000),
  '\u0000',
  'x\ud800',
  '\udc00y',
  "'; DROP TABLE participants;--",
  '../../etc/passwd',
  '9999-12-31',
  '0000-00-00',
  '2025-02-30',
  '1900-01-01T00:00:00Z',
  'NaN',
  'Infinity',
  '-0',
  '<script>alert(1)</script>',
  [],
  [[[]]],
  {},
  { __proto__: { admin: true } },
  { constructor: { prototype: { x: 1 } } },
  Array.from({ length: 500 }, (_, i) => i),
  '\u202e',
  '𝕏',
  'ﬁ',
  '0x10',
  '1e400',
];
const naughtySegments = ['x', '%00', '%ED%A0%80', '%ZZ', '..%2F..', '-1', '0', '1e999', "'%20OR%201=1--", 'a'.repeat(3000), '%F0%9F%98%80', '00000000-0000-0000-0000-000000000000', study, 'site-b'];
const naughtyQueries = [
  '',
  '?date=9999-99-99',
  '?before=abc',
  '?limit=-1',
  '?limit=1e9',
  '?siteId[]=x',
  '?a=%00',
  '?status=%ED%A0%80',
  '?date=2025-06-02&date=2025-06-03',
  '?table=audit;--',
  '?__proto__[x]=1',
];
const rawBodies = ['{', '{"a":', '[', 'null', '"', '{"a":1}}', '\u0000', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', 'true', '1e999', '{"a":1,"a":2}'];

interface Route {
  readonly method: string;
  readonly path: string;
  readonly fields: readonly string[];
}

describe.each(databases)('fuzzing every route on $kind', (database) => {
  it(`answers ${requestsPerDatabase} malformed requests without a single 5xx`, async () => {
    const t = await testApp(await database.fresh());
    await t.user('adm', [{ studyId: null, siteId: null, role: 'admin' }]);
    await t.user('inv', [{ studyId: study, siteId: t.siteA, role: 'investigator' }]);
    const cookies = [await t.login('adm'), await t.login('inv'), 'sid=%00', 'sid=' + 'z'.repeat(500), ''];
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/studies/${study}/participants`,
      headers: { cookie: cookies[1]! },
      payload: { siteId: t.siteA, code: 'F-1', sex: 'male', birthDate: '1960-01-01' },
    });
    expect(created.statusCode).toBe(201);
    const participant = created.json().id as string;
    await t.app.ready();
    const spec = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }>> };
    const routes: Route[] = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, fields: Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}) })),
    );
    expect(routes.length).toBeGreaterThan(40);

    const rnd = seededRandom(18);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd.uniform() * xs.length)]!;
    const segment = () => (rnd.uniform() < 0.4 ? pick([participant, study, t.siteA]) : pick(naughtySegments));
    const body = (r: Route): { payload: string; type: string } => {
      const u = rnd.uniform();
      if (u < 0.25) return { payload: pick(rawBodies), type: 'application/json' };
      if (u < 0.3) return { payload: 'code=1', type: pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) };
      const fields = r.fields.length ? r.fields : ['a'];
      const obj = Object.fromEntries(fields.filter(() => rnd.uniform() < 0.8).map((f) => [f, pick(naughtyValues)]));
      if (rnd.uniform() < 0.2) Object.assign(obj, { [pick(['__proto__', 'constructor', 'x\u0000', 'k\ud800'])]: pick(naughtyValues) });
      return { payload: JSON.stringify(rnd.uniform() < 0.1 ? [obj] : obj), type: 'application/json' };
    };

    const failures: string[] = [];
    for (let i = 0; i < requestsPerDatabase; i++) {
      const r = pick(routes);
      const url = r.path.replace(/\{[^}]+\}/g, segment) + pick(naughtyQueries);
      const headers: Record<string, string> = { cookie: pick(cookies) };
      if (rnd.uniform() < 0.1) headers['authorization'] = pick(['Bearer il2t_', 'Bearer il2t_%00', 'Basic YTpi', 'Bearer ' + 'x'.repeat(10_000)]);
      const withBody = r.method !== 'GET';
      const b = withBody ? body(r) : undefined;
      if (b) headers['content-type'] = b.type;
      const res = await t.app.inject({ method: r.method as 'GET', url, headers, ...(b ? { payload: b.payload } : {}) });
      if (res.statusCode >= 500) failures.push(`${r.method} ${url.slice(0, 120)} ${b?.payload.slice(0, 120) ?? ''} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      // Whatever the answer, it is the one JSON error body or data, never a stack trace.
      expect(res.body).not.toMatch(/\n\s+at \S+ \(/);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
