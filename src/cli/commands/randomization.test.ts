import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'randomization', 'simulate', ...args], { cwd: process.cwd() }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('il2trials randomization simulate', () => {
  it('simulates ss-il2 with small --runs, reproducibly from --seed, as JSON and as a table', async () => {
    const [json, again, table] = await Promise.all([
      cli('ss-il2', '--runs', '25', '--seed', 'audit-1', '--json'),
      cli('ss-il2', '--runs', '25', '--seed', 'audit-1', '--json'),
      cli('ss-il2', '--runs', '10', '--n', '20'),
    ]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.seed).toBe(createHash('sha256').update('audit-1').digest('hex'));
    expect(report).toMatchObject({ protocolId: 'ss-il2', runs: 25, participants: 60 });
    expect(report.schemes.map((s: { id: string }) => s.id)).toEqual(['protocol', 'simple', 'blocks-fixed', 'blocks-random', 'minimization']);
    expect(report.covariates.map((c: { id: string }) => c.id)).toEqual(['site', 'severity']);
    expect(again.stdout).toBe(json.stdout);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('20 participants');
    expect(table.stdout).toMatch(/^protocol\s+\d/m);
    expect(table.stdout).toContain('severity: moderate 0.500, high 0.500');
  }, 60_000);

  it('refuses a single-arm protocol and a bad --runs with one sentence and exit 1', async () => {
    const [single, bad] = await Promise.all([cli('als-il2', '--runs', '5'), cli('ss-il2', '--runs', 'many')]);
    expect(single.code).toBe(1);
    expect(single.stderr).toBe('il2trials: Protocol "als-il2" has no randomization scheme (design.randomization is absent).\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('il2trials: --runs must be a positive whole number, not "many".\n');
  }, 60_000);
});
