import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../demo/load-demo.js';
import { verifyAuditTrail } from '../audit/verify-audit.js';
import { ensureBuiltinStudies } from '../use-cases/studies/builtin-studies.js';
import { testDatabases } from '../store/test-databases.js';
import { buildServer } from './app.js';

const [pglite] = testDatabases();
const web = mkdtempSync(join(tmpdir(), 'il2trials-web-'));
afterAll(() => rmSync(web, { recursive: true, force: true }));

describe('web app and demo', () => {
  it('serves web/dist at / with index.html for client routes, and JSON errors under /api', async () => {
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>il2trials</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const app = await buildServer({ db: await pglite!.fresh(), now: () => new Date('2025-06-02T00:00:00Z'), webDist: web });
    expect((await app.inject({ url: '/assets/app.js' })).body).toBe('console.log(1)');
    const spa = await app.inject({ url: '/studies/als-il2/participants' });
    expect(spa.statusCode).toBe(200);
    expect(spa.body).toContain('<title>il2trials</title>');
    expect((await app.inject({ url: '/api/studies/x/nothing' })).json().error.code).toBe('HTTP_ROUTE_NOT_FOUND');
  });

  it('fills the built-in studies with the demo cohort through the store, with an intact audit chain', async () => {
    const db = await pglite!.fresh();
    const at = new Date('2025-06-02T08:00:00Z');
    expect(await ensureBuiltinStudies(db, at)).toEqual(['ss-il2', 'sle-il2', 'als-il2', 'ae-il2']);
    const written = await loadDemoCohorts(db, 1, '2025-06-02', at);
    expect(Object.keys(written)).toEqual(['ss-il2', 'sle-il2', 'als-il2', 'ae-il2']);
    const [counts] = await db.query<{ p: number; d: number; v: number }>(
      'SELECT (SELECT count(*)::int FROM participants) AS p, (SELECT count(*)::int FROM doses) AS d, (SELECT count(*)::int FROM visits) AS v',
    );
    expect(counts!.p).toBe(Object.values(written).reduce((a, b) => a + b, 0));
    expect(counts!.d).toBeGreaterThan(counts!.p);
    expect(counts!.v).toBeGreaterThan(0);
    // A second run leaves studies that already have participants alone.
    expect(await loadDemoCohorts(db, 1, '2025-06-02', at)).toEqual({});
    expect((await verifyAuditTrail(db)).kind).toBe('intact');
  });
});
