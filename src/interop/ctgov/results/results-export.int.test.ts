import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../../demo/load-demo.js';
import { getBuiltinProtocol } from '../../../protocol/builtin/index.js';
import type { Db } from '../../../store/db.js';
import { createStudy, findStudy, type Study } from '../../../store/studies.js';
import { testDatabases } from '../../../store/test-databases.js';
import { lockStudy } from '../../../use-cases/lock-study.js';
import { exportStudy } from '../../export-files/export-study.js';
import { readRecordResults } from './read-results.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-ctgov-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDatabases())('ctgov-results export of the locked sle-il2 demo study ($kind)', (engine) => {
  let db: Db;
  let study: Study;
  const out = (name: string) => join(dir, `${engine.kind}-${name}`);
  const run = async (name: string, blinded: boolean) => {
    const [file] = await exportStudy(db, { study, format: 'ctgov-results', dir: out(name), blinded, at });
    return readRecordResults(JSON.parse(readFileSync(file!.path, 'utf8')));
  };

  beforeAll(async () => {
    db = await engine.fresh();
    await createStudy(db, { actor: 'test', at }, getBuiltinProtocol('sle-il2'));
    await loadDemoCohorts(db, 1, '2025-06-02', at);
    study = (await findStudy(db, 'sle-il2'))!;
  }, 120_000);

  it('refuses an unblinded section of an unlocked study in one sentence and writes no file', async () => {
    await expect(exportStudy(db, { study, format: 'ctgov-results', dir: out('unlocked'), blinded: false, at })).rejects.toMatchObject({
      message: 'Study sle-il2 is not locked: lock the database before writing its ClinicalTrials.gov results.',
    });
    expect(existsSync(join(out('unlocked'), 'sle-il2-ctgov-results.json'))).toBe(false);
    // A blinded request before lock is answered pooled, as after lock.
    expect((await run('blind-unlocked', true)).flow.groups).toEqual([{ id: 'FG000', title: 'All participants' }]);
  });

  it('writes the results by arm once locked, and reads them back with the counts the database holds', async () => {
    await lockStudy(db, { actor: 'test', at }, 'sle-il2', 'final analysis');
    const r = await run('open', false);
    // Counted straight from the tables: the ITT set per arm (enrolled with an arm), and the safety set (a dose given) with each term's confirmed events.
    const itt = await db.query<{ arm: string; n: number }>(
      `SELECT p.arm_id AS arm, count(*)::int AS n FROM participants p JOIN enrolments e ON e.participant_id = p.id WHERE p.study_id = 'sle-il2' AND p.arm_id IS NOT NULL GROUP BY 1`,
    );
    const safe = `SELECT p.id, p.arm_id FROM participants p WHERE p.study_id = 'sle-il2' AND p.arm_id IS NOT NULL AND EXISTS (SELECT 1 FROM doses d WHERE d.participant_id = p.id AND d.status = 'given')`;
    const atRisk = await db.query<{ arm: string; n: number }>(`SELECT arm_id AS arm, count(*)::int AS n FROM (${safe}) s GROUP BY 1`);
    const affected = await db.query<{ arm: string; term: string; serious: boolean; n: number }>(
      `SELECT s.arm_id AS arm, a.term, a.serious, count(DISTINCT a.participant_id)::int AS n FROM (${safe}) s JOIN adverse_events a ON a.participant_id = s.id WHERE a.status = 'confirmed' GROUP BY 1, 2, 3`,
    );
    const arms = getBuiltinProtocol('sle-il2').arms;
    expect(r.flow.groups.map((g) => g.title)).toEqual(arms.map((a) => a.label));
    const byArm = (rows: { arm: string; n: number }[], prefix: string) => Object.fromEntries(arms.map((a, i) => [`${prefix}00${i}`, rows.find((x) => x.arm === a.id)?.n ?? 0]));
    expect(r.flow.milestones[0]).toEqual({ period: 'Overall Study', type: 'STARTED', counts: byArm(itt, 'FG') });
    expect(Object.values(r.flow.milestones[0]!.counts).reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
    const n = (c: Record<string, number>) => Object.values(c).reduce((s, x) => s + x, 0);
    expect(n(r.flow.milestones[1]!.counts) + n(r.flow.milestones[2]!.counts)).toBe(n(r.flow.milestones[0]!.counts));
    expect(r.adverseEvents.groups.map((g) => g.seriousAtRisk)).toEqual(Object.values(byArm(atRisk, 'EG')));
    for (const [list, serious] of [
      [r.adverseEvents.serious, true],
      [r.adverseEvents.other, false],
    ] as const) {
      const terms = [...new Set(affected.filter((a) => a.serious === serious).map((a) => a.term))].sort();
      expect(list.map((t) => t.term)).toEqual(terms);
      for (const t of list)
        expect(t.stats).toEqual(
          Object.fromEntries(
            arms.map((a, i) => [
              `EG00${i}`,
              { affected: affected.find((x) => x.arm === a.id && x.term === t.term && x.serious === serious)?.n ?? 0, atRisk: atRisk.find((x) => x.arm === a.id)?.n ?? 0 },
            ]),
          ),
        );
    }
  });

  it('writes a blinded export pooled: one group of all participants, no arm named', async () => {
    const r = await run('blind', true);
    expect(r.flow.groups).toEqual([{ id: 'FG000', title: 'All participants' }]);
    expect(r.adverseEvents.groups).toHaveLength(1);
    expect(r.outcomes.measures.every((m) => m.analyses.length === 0)).toBe(true);
    expect(readFileSync(join(out('blind'), 'sle-il2-ctgov-results.json'), 'utf8')).not.toContain('hrIL-2 placebo');
  });
});
