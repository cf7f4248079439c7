import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterRootVariable, postgresTestsEnabled, startTestPostgres, stopClustersUnder } from './test-postgres.js';

/**
 * Whether the process runs: it exists and is no zombie. A stopped postmaster was reparented to PID 1,
 * which in a container may be slow to reap it, so the pid alone can outlive the server (state Z).
 */
const alive = (pid: number) => {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  return readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
};

describe.runIf(postgresTestsEnabled())('the end of the run stops throwaway clusters left running', () => {
  it('a cluster whose file never stopped it is stopped and removed by stopClustersUnder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'il2trials-pg-run-'));
    chmodSync(root, 0o755);
    const before = process.env[clusterRootVariable];
    process.env[clusterRootVariable] = root;
    try {
      const pg = await startTestPostgres();
      expect(pg.url()).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    } finally {
      if (before === undefined) delete process.env[clusterRootVariable];
      else process.env[clusterRootVariable] = before;
    }
    // As a killed worker would leave it: running, never stopped.
    const [cluster] = readdirSync(root);
    const pid = Number(readFileSync(join(root, cluster!, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(pid)).toBe(true);
    stopClustersUnder(root);
    expect(alive(pid)).toBe(false);
    expect(existsSync(root)).toBe(false);
  });
});
