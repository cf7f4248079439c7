import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { syntheticCohort } from '../../demo/synthetic-cohort.js';
import { builtinProtocols, getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { lockStudy } from '../../use-cases/lock-study.js';
import { openStore } from '../../store/open-store.js';
import { createStudy } from '../../store/studies.js';
import { cli } from './run-cli.test-helper.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-report-'));
const data = join(dir, 'data');

beforeAll(async () => {
  const { db } = await openStore({ dataDir: data, databaseUrl: '' });
  await createStudy(db, { actor: 'test', at }, getBuiltinProtocol('ss-il2'));
  await loadDemoCohorts(db, 1, '2025-06-02', at);
  await db.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('il2trials report', () => {
  it('writes the pooled JSON and HTML report from the embedded database; --by-arm needs the lock', async () => {
    // ss-il2 is the first built-in protocol, so its demo seed is 1 + 0.
    const cohort = syntheticCohort(builtinProtocols[0]!, 1, '2025-06-02');
    const json = join(dir, 'r.json');
    const r = cli('report', '--study', 'ss-il2', '--out', json, '--format', 'json', '--data', data, '--date', '2025-06-02', '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ study: 'ss-il2', format: 'json', view: 'pooled', locked: false });
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.flow.screened).toBe(cohort.length);
    expect(report.flow.enrolled).toBe(cohort.filter((d) => d.path.some((x) => x.to === 'enrolled')).length);
    expect(JSON.stringify(report)).not.toMatch(/"(armId|byArm|randomizedByArm)"/);

    const refused = cli('report', '--study', 'ss-il2', '--out', join(dir, 'x.html'), '--data', data, '--by-arm');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Study ss-il2 is not locked/);

    const { db } = await openStore({ dataDir: data, databaseUrl: '' });
    await lockStudy(db, { actor: 'test', at }, 'ss-il2', 'final analysis');
    await db.close();
    const html = join(dir, 'r.html');
    const ok = cli('report', '--study', 'ss-il2', '--out', html, '--data', data, '--by-arm', '--date', '2025-06-02');
    expect(ok.code, ok.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('<svg');
    expect(text).toContain('allocated to placebo');
  }, 120_000);
});
