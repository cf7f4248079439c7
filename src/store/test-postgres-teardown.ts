import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterRootVariable, stopClustersUnder } from './test-postgres.js';

/**
 * Vitest global setup: every throwaway cluster of the run goes under one directory, and the end of
 * the run stops whatever is still running there. A file's afterAll stops its own cluster, but a worker
 * that is killed or times out never gets there, and pg_ctl's server outlives it.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'il2trials-pg-run-'));
  // Under root the clusters belong to the postgres user, who must be able to reach them.
  chmodSync(root, 0o755);
  process.env[clusterRootVariable] = root;
  return () => stopClustersUnder(root);
}
