import { describe, expect, it } from 'vitest';
import { roles } from '../access/index.js';
import { signIn } from '../auth/sign-in.js';
import { testDatabases } from '../store/test-databases.js';
import { createStudy } from '../store/studies.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { createDemoUsers } from './demo-users.js';

const databases = testDatabases();
const at = new Date('2025-06-02T09:00:00.000Z');

describe.each(databases)('demo users on $kind', (database) => {
  it('creates one user per role, each holding it in every study, with a password that signs in; a second run creates none', async () => {
    const db = await database.fresh();
    for (const id of ['ss-il2', 'als-il2']) await createStudy(db, { actor: 'system', at }, getBuiltinProtocol(id));
    const users = await createDemoUsers(db, at, ['ss-il2', 'als-il2']);
    expect(users.map((u) => u.role)).toEqual([...roles]);
    const grants = await db.query<{ username: string; study_id: string | null; role: string }>(
      'SELECT u.username, r.study_id, r.role FROM users u JOIN role_assignments r ON r.user_id = u.id ORDER BY u.username, r.study_id',
    );
    // 7 roles × 2 studies, and the administrator once for every study.
    expect(grants).toHaveLength(7 * 2 + 1);
    expect(grants.filter((g) => g.username === 'demo-admin')).toEqual([{ username: 'demo-admin', study_id: null, role: 'admin' }]);
    const coordinator = users.find((u) => u.role === 'coordinator')!;
    await expect(signIn(db, { username: coordinator.username, password: coordinator.password, address: '127.0.0.1', now: at })).resolves.toMatchObject({ username: 'demo-coordinator' });
    expect(await createDemoUsers(db, at, ['ss-il2', 'als-il2'])).toEqual([]);
  });
});
