import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { syntheticCohort } from '../../demo/synthetic-cohort.js';
import { builtinProtocols, getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { lockStudy } from '../../use-cases/lock-study.js';
import { openStore } from '../../store/open-store.js';
import { createStudy } from '../../store/studies.js';
import { cli } from './run-cli.test-helper.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-export-'));
const data = join(dir, 'data');
const study = 'ss-il2';

beforeAll(async () => {
  const { db } = await openStore({ dataDir: data, databaseUrl: '' });
  await createStudy(db, { actor: 'test', at }, getBuiltinProtocol(study));
  await loadDemoCohorts(db, 1, '2025-06-02', at);
  await db.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowsOf = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];

describe('il2trials export csv', () => {
  it('writes one CSV per table without the arm; --unblinded needs the lock; an unknown format writes nothing', async () => {
    // ss-il2 is the first built-in protocol, so its demo seed is 1 + 0.
    const cohort = syntheticCohort(builtinProtocols[0]!, 1, '2025-06-02');
    const out = join(dir, 'blind');
    const r = cli('export', 'csv', '--study', study, '--out', out, '--data', data, '--json');
    expect(r.stderr).toBe('');
    const written = JSON.parse(r.stdout);
    expect(written.files.map((f: { name: string }) => f.name)).toEqual(['participants', 'visits', 'observations', 'doses', 'adverse_events']);
    expect(readdirSync(out).sort()).toEqual(['adverse_events', 'doses', 'observations', 'participants', 'visits'].map((t) => `${study}-${t}.csv`));
    const participants = rowsOf(join(out, `${study}-participants.csv`));
    expect(participants.map((p) => p['participant_code'])).toEqual(cohort.map((d) => d.code).sort());
    expect(Object.keys(participants[0]!)).not.toContain('arm_id');
    expect(readFileSync(join(out, `${study}-participants.csv`), 'utf8')).not.toMatch(/placebo|active/);
    const observations = rowsOf(join(out, `${study}-observations.csv`));
    expect(written.files.find((f: { name: string }) => f.name === 'observations').rows).toBe(observations.length);
    expect(observations.every((o) => /^\d{4}-\d{2}-\d{2}$/.test(o['visit_date']!))).toBe(true);

    const refused = cli('export', 'csv', '--study', study, '--out', join(dir, 'open'), '--data', data, '--unblinded');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`il2trials: Study ${study} is not locked, so its export cannot name the arms (drop --unblinded).\n`);
    expect(existsSync(join(dir, 'open'))).toBe(false);
    const format = cli('export', 'sas', '--study', study, '--out', join(dir, 'sas'), '--data', data);
    expect(format.code).toBe(1);
    expect(format.stderr).toBe('il2trials: Export format "sas" is not one of: csv, odm, sdtm, define, fhir, redcap, ctgov-results.\n');
    expect(existsSync(join(dir, 'sas'))).toBe(false);

    const { db } = await openStore({ dataDir: data, databaseUrl: '' });
    await lockStudy(db, { actor: 'test', at }, study, 'final analysis');
    await db.close();
    const ok = cli('export', 'csv', '--study', study, '--out', join(dir, 'open'), '--data', data, '--unblinded');
    expect(ok.code, ok.stderr).toBe(0);
    const arms = new Map(cohort.map((d) => [d.code, d.armId ?? '']));
    for (const p of rowsOf(join(dir, 'open', `${study}-participants.csv`))) expect(p['arm_id']).toBe(arms.get(p['participant_code']!));
  }, 120_000);
});
