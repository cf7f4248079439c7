import { spawn, spawnSync } from 'node:child_process';

const cwd = new URL('../../..', import.meta.url).pathname;
const args = (a: readonly string[]) => ['--import', 'tsx', 'src/cli/main.ts', ...a];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the il2trials CLI in a child process (tests only). */
export function cli(...a: string[]): CliResult {
  return cliWithEnv({}, ...a);
}

/** The same, with environment variables set (DATABASE_URL, …). */
export function cliWithEnv(env: NodeJS.ProcessEnv, ...a: string[]): CliResult {
  const r = spawnSync(process.execPath, args(a), { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same without blocking the test worker, for commands slow to start (they open a database). */
export function cliAsync(...a: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args(a), { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
