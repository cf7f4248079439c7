import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { audited } from '../store/audited-tx.js';
import { migrate } from '../store/migrate.js';
import { openPglite } from '../store/drivers/pglite/pglite-db.js';
import { sites, studies } from '../store/schema/index.js';
import type { Protocol } from '../protocol/schema.js';

const run = promisify(execFile);
const cwd = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'il2trials-audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('il2trials audit verify', () => {
  it('passes on an intact trail and names the record a superuser altered', async () => {
    const db = await openPglite(dir);
    await migrate(db);
    const ctx = { actor: 'u1', at: new Date('2025-01-01T00:00:00Z'), studyId: 's' };
    await audited(db, ctx, async (w) => {
      await w.insert(studies, { id: 's', protocol_id: 'p', protocol_version: '1', protocol: {} as Protocol, title: 'T' });
      await w.insert(sites, { study_id: 's', id: 'a', name: 'A' });
      await w.insert(sites, { study_id: 's', id: 'b', name: 'B' });
    });
    await db.close();

    const ok = await cli('audit', 'verify', '--data', dir, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'intact', records: 3, chains: { 'study:s': { records: 3 } } });
    const text = await cli('audit', 'verify', '--data', dir, '--study', 's');
    expect(text.stdout).toMatch(/^Audit trail intact: 3 records in 1 chain\.\n  study:s: 3 records, last hash [0-9a-f]{64}\n$/);
    const otherStudy = await cli('audit', 'verify', '--data', dir, '--study', 'other', '--json');
    expect(JSON.parse(otherStudy.stdout)).toEqual({ kind: 'intact', records: 0, chains: {} });

    const again = await openPglite(dir);
    const [second] = await again.query<{ seq: number }>('SELECT seq FROM audit ORDER BY seq OFFSET 1 LIMIT 1');
    await again.exec(`ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete;
      UPDATE audit SET actor = 'someone-else' WHERE seq = ${second!.seq};
      ALTER TABLE audit ENABLE TRIGGER audit_no_update_delete;`);
    await again.close();

    const broken = await cli('audit', 'verify', '--data', dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(`il2trials: Audit record ${second!.seq} was altered after it was written (its hash does not match its content).\n`);
    const json = await cli('audit', 'verify', '--data', dir, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'broken', seq: second!.seq, problem: 'hash-mismatch' });
    // Five CLI processes, each starting PGlite: more than the default minute on a busy machine.
  }, 180_000);
});
