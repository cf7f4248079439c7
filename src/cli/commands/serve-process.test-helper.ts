import { spawn, type ChildProcess } from 'node:child_process';

const cwd = new URL('../../..', import.meta.url).pathname;

export interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly admin: { username: string; password: string } | null;
}

/** Start `il2trials serve --json` as a child process and read the start-up facts it prints (tests only). */
export function serveProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--json', ...args], {
    cwd,
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      try {
        resolve({ child, ...(JSON.parse(out) as { url: string; admin: Served['admin'] }) });
      } catch {
        // Not the whole document yet.
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}
