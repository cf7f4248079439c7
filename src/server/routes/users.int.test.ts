import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { ensureFirstAdmin } from '../../auth/accounts.js';
import { testApp, testNow } from '../test-app.js';

const databases = testDatabases();

describe.each(databases)('account administration on $kind', (database) => {
  async function setup() {
    const db = await database.fresh();
    const t = await testApp(db);
    await t.user('root', [{ studyId: null, siteId: null, role: 'admin' }]);
    await t.user('coord', [{ studyId: 'als-il2', siteId: t.siteA, role: 'coordinator' }]);
    const call = (cookie: string | undefined, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(payload ? { payload } : {}) });
    const audits = async (entity: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit WHERE entity = $1', [entity]))[0]!.n;
    return { db, t, call, audits, admin: await t.login('root') };
  }

  it('refuses a coordinator who creates a user, grants a role or resets a password, and writes nothing', async () => {
    const { call, t, db } = await setup();
    const coord = await t.login('coord');
    const before = (await db.query('SELECT count(*)::int AS n FROM users'))[0];
    const add = await call(coord, 'POST', '/api/users', { username: 'eve', displayName: 'Eve', email: 'eve@example.org' });
    expect(add.statusCode).toBe(403);
    expect(add.json().error.code).toBe('AUTH_FORBIDDEN');
    expect((await call(coord, 'POST', '/api/users/coord/roles', { role: 'unblinded-pharmacist', studyId: 'sle-il2' })).statusCode).toBe(403);
    expect((await call(coord, 'POST', '/api/users/root/reset-password')).statusCode).toBe(403);
    expect((await call(coord, 'GET', '/api/users')).statusCode).toBe(403);
    expect((await db.query('SELECT count(*)::int AS n FROM users'))[0]).toEqual(before);
  });

  it('creates a user whose generated password must be changed first, and refuses a weak new password', async () => {
    const { call, t, admin, audits } = await setup();
    const add = await call(admin, 'POST', '/api/users', { username: 'ana', displayName: 'Ana Ruiz', email: 'ana@site-a.example' });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json().user).toMatchObject({ username: 'ana', displayName: 'Ana Ruiz', email: 'ana@site-a.example', mustChangePassword: true, disabled: false, roles: [] });
    expect(add.body).not.toContain('password_hash');
    const first = add.json().password as string;
    expect(await audits('users')).toBe(3);

    const grant = await call(admin, 'POST', '/api/users/ana/roles', { role: 'coordinator', studyId: 'als-il2', siteId: t.siteA });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(grant.json().roles).toMatchObject([{ role: 'coordinator', studyId: 'als-il2', siteId: t.siteA }]);
    expect((await call(admin, 'POST', '/api/users/ana/roles', { role: 'coordinator', studyId: 'als-il2', siteId: t.siteA })).json().error.code).toBe('ACCOUNT_ROLE_ALREADY_HELD');
    expect((await call(admin, 'POST', '/api/users/ana/roles', { role: 'monitor', studyId: 'als-il2', siteId: 'nowhere' })).json().error).toMatchObject({
      code: 'ACCOUNT_UNKNOWN_STUDY_OR_SITE',
      path: 'siteId',
    });

    const ana = await t.login('ana', first);
    const me = await call(ana, 'GET', '/api/auth/me');
    expect(me.json().user.mustChangePassword).toBe(true);
    const blocked = await call(ana, 'GET', '/api/studies/als-il2/participants');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('ACCOUNT_PASSWORD_CHANGE_REQUIRED');

    const short = await call(ana, 'POST', '/api/auth/password', { currentPassword: first, newPassword: 'tooshort' });
    expect(short.json().error).toMatchObject({ code: 'ACCOUNT_WEAK_PASSWORD', path: 'newPassword' });
    expect(short.json().error.message).toBe('The password in field "newPassword" cannot be used: it has 8 characters and needs at least 12.');
    // "qwerty123456" is 12 characters long and on the common-password list.
    const common = await call(ana, 'POST', '/api/auth/password', { currentPassword: first, newPassword: 'qwerty123456' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.message).toContain('on the list of common passwords');
    expect((await call(ana, 'POST', '/api/auth/password', { currentPassword: 'not it', newPassword: 'a long and unusual phrase' })).json().error.code).toBe('ACCOUNT_WRONG_PASSWORD');

    expect((await call(ana, 'POST', '/api/auth/password', { currentPassword: first, newPassword: 'a long and unusual phrase' })).statusCode).toBe(200);
    expect((await call(ana, 'GET', '/api/studies/als-il2/participants')).statusCode).toBe(200);
    expect((await t.login('ana', 'a long and unusual phrase')).length).toBeGreaterThan(4);

    // The reset ends her sessions and forces another change.
    const reset = await call(admin, 'POST', '/api/users/ana/reset-password');
    expect(reset.statusCode).toBe(200);
    expect((await call(ana, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await t.login('ana', reset.json().password);
    expect((await call(again, 'GET', '/api/studies')).json().error.code).toBe('ACCOUNT_PASSWORD_CHANGE_REQUIRED');
  });

  it("stops a disabled user's sessions and API tokens at once, and never deletes the user", async () => {
    const { call, t, admin, db } = await setup();
    const coord = await t.login('coord');
    const token = (await call(coord, 'POST', '/api/auth/tokens', { name: 'script' })).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call(undefined, 'GET', '/api/auth/me', undefined, bearer)).statusCode).toBe(200);
    expect((await call(coord, 'GET', '/api/auth/me')).statusCode).toBe(200);

    expect((await call(admin, 'POST', '/api/users/coord/disable', {})).json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'reason' });
    const off = await call(admin, 'POST', '/api/users/coord/disable', { reason: 'left the trial team' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ username: 'coord', disabled: true });

    expect((await call(coord, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await call(undefined, 'GET', '/api/studies', undefined, bearer)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'coord', password: 'correct horse battery staple' } })).statusCode).toBe(401);
    expect(await db.query("SELECT username FROM users WHERE username = 'coord'")).toEqual([{ username: 'coord' }]);
    expect(await db.query('SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = $1', ['coord'])).toEqual([{ n: 0 }]);
    const [audited] = await db.query<{ changes: unknown; reason: string }>("SELECT changes, reason FROM audit WHERE entity = 'users' AND action = 'update'");
    expect(audited).toEqual({ changes: [{ field: 'disabled', old: false, new: true }], reason: 'left the trial team' });
    expect((await call(admin, 'POST', '/api/users/coord/roles', { role: 'monitor', studyId: 'als-il2' })).json().error.code).toBe('ACCOUNT_USER_DISABLED');
  });

  it('lets the blinded first administrator run accounts but never grant themselves a role, nor leave no administrator', async () => {
    const { call, admin, t } = await setup();
    // root is blinded in the masked SLE study (admins are blinded whenever anyone is masked).
    const self = await call(admin, 'POST', '/api/users/root/roles', { role: 'unblinded-pharmacist', studyId: 'sle-il2' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('ACCOUNT_SELF_GRANT');
    expect((await call(admin, 'POST', '/api/users/root/disable', { reason: 'x' })).json().error.code).toBe('ACCOUNT_SELF_GRANT');
    expect((await call(admin, 'POST', '/api/users/coord/roles', { role: 'monitor' })).json().error).toMatchObject({ code: 'ACCOUNT_STUDY_REQUIRED', path: 'studyId' });
    expect((await call(admin, 'POST', '/api/users/coord/roles/revoke', { role: 'monitor', studyId: 'als-il2' })).json().error.code).toBe('ACCOUNT_ROLE_NOT_HELD');
    const revoke = await call(admin, 'POST', '/api/users/coord/roles/revoke', { role: 'coordinator', studyId: 'als-il2', siteId: t.siteA });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json().roles).toEqual([]);
    expect((await call(admin, 'GET', '/api/users/nobody')).json().error.code).toBe('ACCOUNT_UNKNOWN_USER');
    // Still blinded after all of it: the SLE protocol's arms reach root as their ratios alone.
    expect((await call(admin, 'GET', '/api/studies/sle-il2')).json().protocol.arms).toEqual([{ ratio: 1 }, { ratio: 1 }]);
  });

  it('makes the first administrator replace the printed first-start password before anything else', async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    const first = (await ensureFirstAdmin(db, testNow))!;
    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const admin = await t.login(first.username, first.password);
    expect((await call(admin, 'GET', '/api/auth/me')).json().user).toMatchObject({ username: 'admin', mustChangePassword: true });
    for (const [method, url, payload] of [
      ['GET', '/api/users'],
      ['POST', '/api/users', { username: 'ana', displayName: 'Ana', email: 'ana@example.org' }],
      ['POST', '/api/auth/tokens', { name: 'x' }],
    ] as const) {
      const refused = await call(admin, method, url, payload);
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
      expect(refused.json().error.code).toBe('ACCOUNT_PASSWORD_CHANGE_REQUIRED');
    }
    expect((await db.query('SELECT count(*)::int AS n FROM users'))[0]).toEqual({ n: 1 });
    const changed = await call(admin, 'POST', '/api/auth/password', { currentPassword: first.password, newPassword: 'a long trial-office passphrase 1' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await call(admin, 'GET', '/api/users')).statusCode).toBe(200);
    expect((await call(admin, 'GET', '/api/auth/me')).json().user.mustChangePassword).toBe(false);
  });

  it('lists and revokes only the own sessions, audited', async () => {
    const { call, t, audits } = await setup();
    const one = await t.login('coord');
    const two = await t.login('coord');
    const admin = await t.login('root');
    const list = (await call(one, 'GET', '/api/auth/sessions')).json() as { id: string; current: boolean }[];
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect((await call(admin, 'DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(404);
    expect((await call(one, 'DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await call(two, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await call(one, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect(await audits('sessions')).toBe(1);
  });
});
