import { AppError } from '../errors/app-error.js';
import { audited, type WriteContext } from '../store/audited-tx.js';
import { isUniqueViolation, type Db, type Queryable } from '../store/db.js';
import { insertRoleAssignment, insertUser } from '../store/users.js';
import { hashPassword, randomSecret, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import type { RoleAssignment } from '../access/index.js';
import { authErrors } from './errors.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string | null;
  disabled: boolean;
  must_change_password: boolean;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly email?: string | undefined;
  readonly password: string;
  /** A password an administrator chose or generated: the user must change it at the first sign-in. */
  readonly mustChangePassword?: boolean | undefined;
  readonly roles: readonly RoleAssignment[];
}

/** Create a user with an argon2id password hash and their role assignments. */
export async function createUser(db: Db, ctx: WriteContext, u: NewUser): Promise<string> {
  const passwordHash = await hashPassword(u.password);
  return audited(db, ctx, async (w) => {
    const id = await insertUser(w, { ...u, passwordHash });
    for (const r of u.roles) await insertRoleAssignment(w, id, r);
    return id;
  });
}

interface PrincipalRow {
  id: string;
  username: string;
  display_name: string;
  must_change_password: boolean;
  assignments: RoleAssignment[];
}

/**
 * The columns of a principal, with its role assignments aggregated in the same row (one query per
 * request signs the caller in), from `users u`.
 */
export const principalColumns = `u.id, u.username, u.display_name, u.must_change_password,
  COALESCE((SELECT json_agg(json_build_object('studyId', r.study_id, 'siteId', r.site_id, 'role', r.role) ORDER BY r.study_id NULLS FIRST, r.site_id NULLS FIRST, r.role)
              FROM role_assignments r WHERE r.user_id = u.id), '[]'::json) AS assignments`;

export const toPrincipal = (u: PrincipalRow): Principal => ({
  userId: u.id,
  username: u.username,
  displayName: u.display_name,
  mustChangePassword: u.must_change_password,
  assignments: u.assignments.map((r) => ({ studyId: r.studyId, siteId: r.siteId, role: r.role })),
});

/** The user with all their roles, or undefined for an unknown or disabled user. */
export async function loadPrincipal(q: Queryable, userId: string): Promise<Principal | undefined> {
  const [u] = await q.query<PrincipalRow>(`SELECT ${principalColumns} FROM users u WHERE u.id = $1 AND NOT u.disabled`, [userId]);
  return u && toPrincipal(u);
}

/**
 * An argon2id hash (of a phrase no one types) with the same parameters as every stored hash: an
 * unknown or password-less user is checked against it, so the answer takes as long as for a known
 * user and names cannot be probed by timing.
 */
const timingEqualiser = '$argon2id$v=19$m=19456,t=2,p=1$xgN2FnojGhVp5W/pQox2Bw$WtgIJfU/CdGNicNWo962bhbiFW8vFDLzQ3i2WQr/Q9g';

/** Check a username and password; one error for both kinds of mistake, so names cannot be probed. */
export async function authenticate(db: Queryable, username: string, password: string): Promise<Principal> {
  const [u] = await db.query<UserRow>('SELECT * FROM users WHERE username = $1 AND NOT disabled', [username]);
  const verified = await verifyPassword(u?.password_hash ?? timingEqualiser, password);
  const ok = verified && u?.password_hash !== undefined && u.password_hash !== null;
  const p = ok && u ? await loadPrincipal(db, u.id) : undefined;
  if (!p) throw new AppError(authErrors.BAD_CREDENTIALS, 'The username or password is wrong.', 'password');
  return p;
}

/**
 * On first start (no users yet) create the administrator `admin` with a random password and return
 * it, to be shown once; afterwards return undefined. Whoever saw the console knows that password, so
 * it must be changed at the first sign-in (21 CFR 11.300 controls on issued passwords).
 */
export async function ensureFirstAdmin(db: Db, at: Date): Promise<{ username: string; password: string } | undefined> {
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')) as [{ n: number }];
  if (n > 0) return undefined;
  const password = randomSecret(18);
  try {
    await createUser(
      db,
      { actor: 'system', at, studyId: null },
      {
        username: 'admin',
        displayName: 'Administrator',
        password,
        mustChangePassword: true,
        roles: [{ studyId: null, siteId: null, role: 'admin' }],
      },
    );
  } catch (e) {
    // Another server process starting at the same time created the administrator first.
    if (isUniqueViolation(e) || (e instanceof AppError && e.code === 'RECORD_ALREADY_EXISTS')) return undefined;
    throw e;
  }
  return { username: 'admin', password };
}
