import type { Role, RoleAssignment } from '../access/index.js';
import { AppError } from '../errors/app-error.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { roleAssignments, users } from './schema/index.js';
import { accountErrors } from '../accounts/errors.js';
import { storeErrors } from './errors.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  disabled: boolean;
  must_change_password: boolean;
  created_at: Date;
}

interface AssignmentRow {
  id: string;
  user_id: string;
  study_id: string | null;
  site_id: string | null;
  role: Role;
}

/** A user account as administrators see it (never the password hash). */
export interface UserAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly disabled: boolean;
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
  readonly roles: readonly (RoleAssignment & { readonly id: string })[];
}

const columns = 'id, username, display_name, email, disabled, must_change_password, created_at';

async function withRoles(q: Queryable, rows: readonly UserRow[]): Promise<UserAccount[]> {
  if (rows.length === 0) return [];
  const assignments = await q.query<AssignmentRow>(
    'SELECT id, user_id, study_id, site_id, role FROM role_assignments WHERE user_id = ANY($1::uuid[]) ORDER BY study_id NULLS FIRST, site_id NULLS FIRST, role',
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    disabled: r.disabled,
    mustChangePassword: r.must_change_password,
    createdAt: new Date(r.created_at).toISOString(),
    roles: assignments.filter((a) => a.user_id === r.id).map((a) => ({ id: a.id, studyId: a.study_id, siteId: a.site_id, role: a.role })),
  }));
}

export async function listUsers(q: Queryable): Promise<UserAccount[]> {
  return withRoles(q, await q.query<UserRow>(`SELECT ${columns} FROM users ORDER BY username`));
}

export async function findUserByUsername(q: Queryable, username: string): Promise<UserAccount | undefined> {
  const [u] = await withRoles(q, await q.query<UserRow>(`SELECT ${columns} FROM users WHERE username = $1`, [username]));
  return u;
}

/** The user named, or a 404 naming the username. */
export async function requireUser(q: Queryable, username: string): Promise<UserAccount> {
  const u = await findUserByUsername(q, username);
  if (!u) throw new AppError(accountErrors.UNKNOWN_USER, `No user is named "${username}".`, 'username');
  return u;
}

export interface NewUserRow {
  readonly username: string;
  readonly displayName: string;
  readonly email?: string | null | undefined;
  readonly passwordHash: string;
  readonly mustChangePassword?: boolean | undefined;
}

/** Insert a user; a taken username is a 409 naming it. */
export async function insertUser(w: AuditedTx, u: NewUserRow): Promise<string> {
  const taken = await w.tx.query('SELECT 1 FROM users WHERE username = $1', [u.username]);
  if (taken.length) throw new AppError(storeErrors.ALREADY_EXISTS, `A user named "${u.username}" already exists.`, 'username');
  const row = await w.insert(users, {
    username: u.username,
    display_name: u.displayName,
    email: u.email ?? null,
    password_hash: u.passwordHash,
    must_change_password: u.mustChangePassword ?? false,
  });
  return row.id;
}

export async function insertRoleAssignment(w: AuditedTx, userId: string, r: RoleAssignment): Promise<void> {
  await w.insert(roleAssignments, { user_id: userId, study_id: r.studyId, site_id: r.siteId, role: r.role });
}

/** Enabled users holding the administrator role for every study. */
export async function countEnabledAdministrators(q: Queryable): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    "SELECT count(DISTINCT u.id)::int AS n FROM users u JOIN role_assignments a ON a.user_id = u.id WHERE a.role = 'admin' AND a.study_id IS NULL AND NOT u.disabled",
  );
  return r?.n ?? 0;
}

/** Whether a study exists and, when `siteId` is given, has that site. */
export async function studySiteExists(q: Queryable, studyId: string, siteId: string | null): Promise<boolean> {
  const rows = siteId === null ? await q.query('SELECT 1 FROM studies WHERE id = $1', [studyId]) : await q.query('SELECT 1 FROM sites WHERE study_id = $1 AND id = $2', [studyId, siteId]);
  return rows.length > 0;
}
