import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import { withOperator } from './store-command.js';

describe('a command run as the operator over a PGlite directory', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('names itself in the lock, so a process it refuses is told which command holds the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'il2-operator-'));
    dirs.push(dir);
    const previous = process.env['DATABASE_URL'];
    delete process.env['DATABASE_URL'];
    try {
      await withOperator(dir, 'user add', async () => {
        await expect(openStore({ dataDir: dir, command: 'serve' })).rejects.toThrow(new RegExp(`^serve cannot open ${dir}: il2trials user add \\(pid ${process.pid} on `));
      });
    } finally {
      if (previous !== undefined) process.env['DATABASE_URL'] = previous;
    }
  });
});
