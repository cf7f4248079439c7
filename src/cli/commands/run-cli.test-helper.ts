import { spawnSync } from 'node:child_process';

const cwd = new URL('../../..', import.meta.url).pathname;

/** Run the il2trials CLI in a child process (tests only). */
export function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
