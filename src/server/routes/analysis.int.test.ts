import { describe, expect, it } from 'vitest';
import { keysOf } from '../../analysis/endpoints/test-data.js';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { syntheticCohort } from '../../demo/synthetic-cohort.js';
import { builtinProtocols } from '../../protocol/builtin/index.js';
import { audited } from '../../store/audited-tx.js';
import type { Db } from '../../store/db.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, testNow, testPassword } from '../test-app.js';
import { observations, visits } from '../../store/schema/index.js';

const databases = testDatabases();
const study = 'sle-il2';
const site = 'peking-university';
const today = testNow.toISOString().slice(0, 10);

/** The demo cohort loadDemoCohorts writes for sle-il2 (same protocol, same seed: 1 + its index). */
const index = builtinProtocols.findIndex((p) => p.id === study);
const cohort = syntheticCohort(builtinProtocols[index]!, 1 + index, today);
const reached = (s: string) => cohort.filter((d) => d.path.some((x) => x.to === s));
const ended = (s: string) => cohort.filter((d) => d.path[d.path.length - 1]?.to === s);

/**
 * Known SLEDAI-2K totals at week 0 and week 24 (the clinical response's last visit), over the demo's own, for every randomized
 * participant (the i-th by code): baseline 8 + i mod 4; change −(4 + i mod 3) on active, −(i mod 2) on placebo.
 * Returns the changes per arm.
 */
async function addSledai(db: Db): Promise<Record<string, number[]>> {
  const rows = await db.query<{ id: string; arm_id: string }>('SELECT id, arm_id FROM participants WHERE study_id = $1 AND arm_id IS NOT NULL ORDER BY code', [study]);
  const changes: Record<string, number[]> = { active: [], placebo: [] };
  await audited(db, { actor: 'test', at: testNow, studyId: study }, async (w) => {
    for (const [i, p] of rows.entries()) {
      const base = 8 + (i % 4);
      const change = p.arm_id === 'active' ? -(4 + (i % 3)) : -(i % 2);
      changes[p.arm_id]!.push(change);
      for (const [visitId, value] of [
        ['week-0', base],
        ['week-24', base + change],
      ] as const) {
        const [existing] = await w.tx.query<{ id: string }>('SELECT id FROM visits WHERE participant_id = $1 AND visit_id = $2', [p.id, visitId]);
        const visit = existing ?? (await w.insert(visits, { participant_id: p.id, visit_id: visitId, visit_date: today, status: 'done' }));
        const [score] = await w.tx.query<{ id: string }>("SELECT id FROM observations WHERE visit_row_id = $1 AND kind = 'score' AND key = 'sledai-2k'", [visit.id]);
        if (score) await w.update(observations, { id: score.id }, { value_num: value }, 'known values for the analysis test');
        else await w.insert(observations, { participant_id: p.id, visit_row_id: visit.id, kind: 'score', key: 'sledai-2k', value_num: value });
      }
    }
  });
  return changes;
}

async function setup(db: Db) {
  const t = await testApp(db);
  await loadDemoCohorts(db, 1, today, testNow);
  await t.user('dm', [{ studyId: study, siteId: null, role: 'data-manager' }]);
  await t.user('stat', [{ studyId: study, siteId: null, role: 'statistician' }]);
  await t.user('coord', [{ studyId: study, siteId: site, role: 'coordinator' }]);
  return t;
}

describe.each(databases)('database lock, analysis and report on $kind', (database) => {
  it('pooled before lock; lock by a data manager with password and reason; writes refused after; by arm for the statistician', async () => {
    const db = await database.fresh();
    const t = await setup(db);
    const changes = await addSledai(db);
    const [dm, stat, coord] = [await t.login('dm'), await t.login('stat'), await t.login('coord')];
    const get = (url: string, cookie: string) => t.app.inject({ url: `/api/studies/${study}${url}`, headers: { cookie } });

    // Before lock the statistician sees pooled summaries only.
    const before = await get('/report', stat);
    expect(before.statusCode, before.body).toBe(200);
    const pooled = before.json();
    expect(pooled.view).toBe('pooled');
    expect(keysOf(pooled).filter((k) => /arm/i.test(k))).toEqual([]);
    expect(pooled.flow).toEqual({
      screened: cohort.length,
      ineligible: ended('ineligible').length,
      consented: reached('consented').length,
      enrolled: reached('enrolled').length,
      randomized: reached('randomized').length,
      onTreatment: reached('on-treatment').length,
      completed: ended('completed').length,
      withdrawn: ended('withdrawn').length,
      withdrawalReasons: expect.any(Array),
    });
    expect(pooled.flow.withdrawalReasons.reduce((s: number, w: { n: number }) => s + w.n, 0)).toBe(ended('withdrawn').length);
    expect((await get('/analysis', coord)).statusCode).toBe(403); // site staff: the analysis covers every site

    // Lock: only a data manager or admin, with the password and a reason, once.
    const lock = (cookie: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/studies/${study}/lock`, headers: { cookie }, payload });
    expect((await lock(stat, { reason: 'final', password: testPassword })).statusCode).toBe(403);
    expect((await lock(dm, { reason: 'final', password: 'wrong' })).json().error.code).toBe('AUTH_BAD_CREDENTIALS');
    expect((await lock(dm, { password: testPassword })).json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'reason' });
    const locked = await lock(dm, { reason: 'all queries closed; final analysis', password: testPassword });
    expect(locked.statusCode, locked.body).toBe(200);
    expect(locked.json()).toMatchObject({ locked: true, lockedAt: testNow.toISOString(), reason: 'all queries closed; final analysis' });
    expect((await lock(dm, { reason: 'again', password: testPassword })).json().error.code).toBe('LOCK_ALREADY_LOCKED');
    const [audit] = await db.query<{ reason: string }>("SELECT reason FROM audit WHERE entity = 'studies' AND entity_id = $1 AND action = 'update'", [study]);
    expect(audit?.reason).toBe('all queries closed; final analysis');
    expect((await get('', dm)).json().study).toMatchObject({ locked: true, lockedAt: testNow.toISOString() });

    // After lock no clinical write passes; the other study still accepts writes.
    const add = (s: string, siteId: string, cookie: string) =>
      t.app.inject({ method: 'POST', url: `/api/studies/${s}/participants`, headers: { cookie }, payload: { siteId, code: 'LATE-1', sex: 'female', birthDate: '1980-01-01' } });
    const refused = await add(study, site, coord);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LOCK_STUDY_LOCKED');
    await t.user('als-coord', [{ studyId: 'als-il2', siteId: t.siteA, role: 'coordinator' }]);
    expect((await add('als-il2', t.siteA, await t.login('als-coord'))).statusCode).toBe(201);

    // After lock: the statistician gets the comparison by arm; the data manager stays blinded.
    const unblinded = (await get('/report', stat)).json();
    expect(unblinded.view).toBe('by-arm');
    const byArm = cohort.filter((d) => d.path.some((x) => x.to === 'randomized'));
    expect(unblinded.flow.randomizedByArm).toEqual(['active', 'placebo'].map((armId) => ({ armId, n: byArm.filter((d) => d.armId === armId).length })));
    const sledai = unblinded.analysis.endpoints.find((e: { outcomeId: string; analysisSet: string }) => e.outcomeId === 'clinical-response' && e.analysisSet === 'itt');
    const welch = sledai.measures[0].tests.find((x: { kind: string }) => x.kind === 'welch');
    const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(welch.result.estimate).toBeCloseTo(meanOf(changes.active!) - meanOf(changes.placebo!), 10);
    expect(sledai.measures[0].tests.map((x: { kind: string }) => x.kind)).toContain('ancova');
    const blind = (await get('/report', dm)).json();
    expect(blind.view).toBe('pooled');
    expect(keysOf(blind).filter((k) => /arm/i.test(k))).toEqual([]);

    const html = await get('/report.html', stat);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    for (const id of ['consort', 'baseline', 'endpoints', 'adverse-events', 'plots']) expect(html.body).toContain(`<section id="${id}">`);
    expect(html.body).toContain('<svg');
    expect(html.body).toContain('allocated to placebo');
    const blindHtml = (await get('/report.html', dm)).body;
    expect(blindHtml).toContain('<svg');
    expect(blindHtml).not.toMatch(/placebo|allocated to/i);
  }, 240_000); // six analyses and two reports over a whole study: minutes on a loaded 2-core machine
});
