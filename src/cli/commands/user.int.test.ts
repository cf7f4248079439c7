import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, ensureFirstAdmin } from '../../auth/accounts.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { openStore } from '../../store/open-store.js';
import { createStudy } from '../../store/studies.js';
import { cliAsync } from './run-cli.test-helper.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-user-'));
const data = join(dir, 'data');

beforeAll(async () => {
  const { db } = await openStore({ dataDir: data, databaseUrl: '' });
  await createStudy(db, { actor: 'test', at }, getBuiltinProtocol('sle-il2'));
  await ensureFirstAdmin(db, at);
  await db.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => cliAsync(...args, '--data', data);

describe('il2trials user and site', () => {
  it('adds a site and a user and grants a role at it, audited as the operator; bad input is one sentence', async () => {
    const site = await run('site', 'add', 'sle-il2', 'beijing-2', '--name', 'Second Beijing site', '--json');
    expect(site.stderr).toBe('');
    expect(JSON.parse(site.stdout)).toEqual({ studyId: 'sle-il2', id: 'beijing-2', name: 'Second Beijing site', closedOn: null });

    const added = await run('user', 'add', 'li.wei', '--name', 'Li Wei', '--email', 'li.wei@example.org', '--json');
    expect(added.stderr).toBe('');
    const { user, password } = JSON.parse(added.stdout);
    expect(user).toMatchObject({ username: 'li.wei', displayName: 'Li Wei', email: 'li.wei@example.org', mustChangePassword: true, roles: [] });

    const granted = await run('user', 'grant', 'li.wei', '--role', 'coordinator', '--study', 'sle-il2', '--site', 'beijing-2', '--json');
    expect(JSON.parse(granted.stdout).user.roles).toMatchObject([{ role: 'coordinator', studyId: 'sle-il2', siteId: 'beijing-2' }]);

    // Bad input: one sentence on stderr, exit 1, nothing written.
    const badEmail = await run('user', 'add', 'zhang', '--name', 'Zhang', '--email', 'not-an-address');
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/^il2trials: --email "not-an-address" is invalid: [^\n]+\.\n$/);
    // The operator cannot leave the platform without an enabled administrator.
    expect((await run('user', 'revoke', 'admin', '--role', 'admin')).stderr).toBe('il2trials: User admin is the last enabled administrator and keeps the role.\n');

    const { db } = await openStore({ dataDir: data, databaseUrl: '' });
    try {
      expect((await db.query<{ username: string }>('SELECT username FROM users ORDER BY username')).map((u) => u.username)).toEqual(['admin', 'li.wei']);
      await expect(authenticate(db, 'li.wei', password)).resolves.toMatchObject({ username: 'li.wei', mustChangePassword: true });
      const actors = await db.query<{ actor: string }>("SELECT DISTINCT actor FROM audit WHERE entity IN ('users', 'role_assignments', 'sites') AND actor <> 'test' AND actor <> 'system'");
      expect(actors.map((a) => a.actor)).toEqual([expect.stringMatching(/^cli:/)]);
    } finally {
      await db.close();
    }
  }, 400_000);

  it('lists the new commands in --help', async () => {
    const help = (await cliAsync('--help')).stdout;
    for (const c of ['user', 'site']) expect(help).toContain(`\n  ${c} `);
    const userHelp = (await cliAsync('user', '--help')).stdout;
    for (const c of ['add', 'grant', 'revoke', 'disable', 'reset-password']) expect(userHelp).toContain(`\n  ${c} `);
  }, 120_000);
});
