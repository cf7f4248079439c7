import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests, from Debian's binaries: initdb into a temporary
 * directory, started on a free loopback port with fsync off, removed by `stop()`.
 */
export interface TestPostgres {
  /** Superuser connection string to database `db` (default `postgres`). */
  url(db?: string, user?: string): string;
  /** Shut the server down (fast mode: every connection is cut), keeping its data, as a restart or failover would. */
  halt(): void;
  /** Start it again after `halt()`. */
  resume(): void;
  stop(): void;
}

/** The directory of initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Whether the suite must run the PostgreSQL tests: always under CI, otherwise when installed. */
export function postgresTestsEnabled(): boolean {
  if (postgresBinDir()) return true;
  if (process.env.CI === 'true') throw new Error('CI=true but PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb) are missing: install the postgresql package.');
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb refuses to run as root: the server binaries then run as the postgres OS user. */
const asRoot = () => process.getuid?.() === 0;

/** Stop the cluster in `data` at once (no checkpoint: it is thrown away) and wait until it is down. */
function stopCluster(bin: string, data: string): void {
  const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
  if (asRoot()) spawnSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
  else spawnSync(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
}

/**
 * The directory the suite's clusters go in (set by the vitest global setup, see test-postgres-teardown.ts),
 * so the end of the run can stop any cluster a test file left behind; elsewhere (benchmarks) the temp dir.
 */
export const clusterRootVariable = 'IL2TRIALS_TEST_PG_ROOT';

/** Stop every cluster under `root` that is still running and remove them all. */
export function stopClustersUnder(root: string): void {
  const bin = postgresBinDir();
  if (bin && existsSync(root)) {
    for (const d of readdirSync(root)) if (existsSync(join(root, d, 'data', 'postmaster.pid'))) stopCluster(bin, join(root, d, 'data'));
  }
  rmSync(root, { recursive: true, force: true });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries are not installed (/usr/lib/postgresql/*/bin/initdb).');
  const run = (cmd: string, args: string[]) => (asRoot() ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' }));
  const dir = mkdtempSync(join(process.env[clusterRootVariable] ?? tmpdir(), 'il2trials-pg-'));
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => run(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  start();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopCluster(bin, data);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const halt = () => run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
  return { url: (db = 'postgres', user = 'postgres') => `postgres://${user}@127.0.0.1:${port}/${db}`, halt, resume: start, stop };
}
