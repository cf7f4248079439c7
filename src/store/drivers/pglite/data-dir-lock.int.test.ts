import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../../cli/commands/run-cli.test-helper.js';
import { serveProcess } from '../../../cli/commands/serve-process.test-helper.js';
import { lockDataDir, lockFileName } from './data-dir-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-lock-'));
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const host = hostname();

describe('one process per PGlite data directory', () => {
  it('refuses a second serve and a read-only command while the first runs, naming it; a killed holder leaves a stale lock that is taken over', async () => {
    const first = await serveProcess(['--data', data], { DATABASE_URL: '' });
    try {
      const pid = first.child.pid!;
      const second = cli('serve', '--port', '0', '--host', '127.0.0.1', '--data', data);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(
        new RegExp(
          `^il2trials: serve cannot open ${data}: il2trials serve \\(pid ${pid} on ${host}, since [0-9T:.Z-]+\\) holds it; stop it first, or use PostgreSQL \\(DATABASE_URL\\) to share one database between processes\\.\\n$`,
        ),
      );
      const verify = cli('audit', 'verify', '--data', data);
      expect(verify.code).toBe(1);
      expect(verify.stderr).toMatch(new RegExp(`^il2trials: audit verify cannot read ${data}: il2trials serve \\(pid ${pid} on ${host}, `));
      expect(verify.stderr).toMatch(/a live embedded database has no consistent snapshot to read; stop it first, or read through its API\.\n$/);
      // The first server is unharmed: it still answers.
      expect((await fetch(`${first.url}/api/auth/me`)).status).toBe(401);
    } finally {
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
    }
    // kill -9 left the lock file behind; its pid no longer runs, so the next command takes it over.
    expect(existsSync(join(data, lockFileName))).toBe(true);
    const after = cli('audit', 'verify', '--data', data, '--json');
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ kind: 'intact' });
    expect(existsSync(join(data, lockFileName))).toBe(false);
  }, 120_000);

  it('takes over a lock whose process is gone, and refuses one held on another host with how to clear it', () => {
    const lockDir = mkdtempSync(join(dir, 'l-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const file = join(lockDir, lockFileName);
    // The holder is a process of this host that has exited.
    writeFileSync(file, JSON.stringify({ pid: Number(gone.stdout), host, command: 'serve', since: '2025-06-01T00:00:00.000Z' }));
    const taken = lockDataDir(lockDir, 'backup', new Date('2025-06-02T09:00:00Z'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'backup' });
    taken.release();
    expect(existsSync(file)).toBe(false);

    writeFileSync(file, JSON.stringify({ pid: 1, host: 'ward-server-2', command: 'serve', since: '2025-06-01T00:00:00.000Z' }));
    expect(() => lockDataDir(lockDir, 'serve', new Date())).toThrow(
      `serve cannot open ${lockDir}: il2trials serve (pid 1 on ward-server-2, since 2025-06-01T00:00:00.000Z) holds it (if that process is gone, delete ${file}); stop it first, or use PostgreSQL (DATABASE_URL) to share one database between processes.`,
    );
  });
});
