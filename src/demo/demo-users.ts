import { administrator, roles, type Role } from '../access/index.js';
import { createUser } from '../auth/accounts.js';
import { randomSecret } from '../auth/passwords.js';
import type { Db } from '../store/db.js';
import { findUserByUsername } from '../store/users.js';

/** A demo account as created: its password is returned this once, to be printed and not kept. */
export interface DemoUser {
  readonly username: string;
  readonly role: Role;
  readonly password: string;
}

/**
 * One demo user per role, named `demo-<role>`, holding it in every study given at every site (the
 * administrator for every study at once, as the policy wants). Users that exist already are left as
 * they are and not returned, so a restart prints no password again.
 */
export async function createDemoUsers(db: Db, at: Date, studyIds: readonly string[]): Promise<DemoUser[]> {
  const created: DemoUser[] = [];
  for (const role of roles) {
    const username = `demo-${role}`;
    if (await findUserByUsername(db, username)) continue;
    const password = randomSecret(18);
    const grants = role === administrator ? [{ studyId: null, siteId: null, role }] : studyIds.map((studyId) => ({ studyId, siteId: null, role }));
    await createUser(db, { actor: 'demo', at, studyId: null }, { username, displayName: `Demo ${role}`, password, roles: grants });
    created.push({ username, role, password });
  }
  return created;
}
