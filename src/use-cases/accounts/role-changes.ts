import { administrator, type Role, type RoleAssignment } from '../../access/index.js';
import { AppError } from '../../errors/app-error.js';
import { audited } from '../../store/audited-tx.js';
import { countEnabledAdministrators, findUserByUsername, insertRoleAssignment, requireUser, studySiteExists, type UserAccount } from '../../store/users.js';
import { callerId, requireAction, type UseCaseContext } from '../use-case-context.js';
import { roleAssignments } from '../../store/schema/index.js';
import { accountErrors } from '../../accounts/errors.js';

export interface RoleChange {
  readonly username: string;
  readonly role: Role;
  /** Absent only for the administrator of every study. */
  readonly studyId?: string | undefined;
  /** Absent: every site of the study. */
  readonly siteId?: string | undefined;
}

const sameGrant = (a: RoleAssignment, b: RoleAssignment) => a.role === b.role && a.studyId === b.studyId && a.siteId === b.siteId;
const describe = (r: RoleAssignment) => `${r.role}${r.studyId ? ` in study ${r.studyId}` : ' of every study'}${r.siteId ? ` at site ${r.siteId}` : ''}`;

function assignmentOf(change: RoleChange): RoleAssignment {
  if (change.studyId === undefined && change.role !== administrator) {
    throw new AppError(accountErrors.STUDY_REQUIRED, `Role ${change.role} is held in a study: name it in field "studyId".`, 'studyId');
  }
  if (change.studyId === undefined && change.siteId !== undefined) throw new AppError(accountErrors.STUDY_REQUIRED, 'A site is named together with its study in field "studyId".', 'studyId');
  return { role: change.role, studyId: change.studyId ?? null, siteId: change.siteId ?? null };
}

/**
 * Refuse changes to one's own account: an administrator who is blinded must not reach the arm by
 * granting themselves the pharmacist's role, and cannot lock themselves out either.
 */
export function refuseSelf(c: UseCaseContext, target: UserAccount, what: string): void {
  if (c.by.kind === 'user' && c.by.principal.userId === target.id) {
    throw new AppError(accountErrors.SELF_GRANT, `You cannot ${what} your own account; another administrator must.`, 'username');
  }
}

/** Grant a role in a study (and site) to an enabled user. */
export async function grantRole(c: UseCaseContext, change: RoleChange): Promise<UserAccount> {
  requireAction(c.by, 'user.manage', null);
  const grant = assignmentOf(change);
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId: null }, async (w) => {
    const user = await requireUser(w.tx, change.username);
    refuseSelf(c, user, 'grant a role to');
    if (user.disabled) throw new AppError(accountErrors.USER_DISABLED, `User ${user.username} is disabled; no role can be granted to them.`, 'username');
    if (grant.studyId !== null && !(await studySiteExists(w.tx, grant.studyId, grant.siteId))) {
      throw new AppError(
        accountErrors.UNKNOWN_STUDY_OR_SITE,
        grant.siteId ? `Study ${grant.studyId} has no site "${grant.siteId}".` : `No study "${grant.studyId}" exists.`,
        grant.siteId ? 'siteId' : 'studyId',
      );
    }
    if (user.roles.some((r) => sameGrant(r, grant))) throw new AppError(accountErrors.ROLE_ALREADY_HELD, `User ${user.username} already holds ${describe(grant)}.`, 'role');
    await insertRoleAssignment(w, user.id, grant);
    return (await findUserByUsername(w.tx, user.username)) as UserAccount;
  });
}

/** Revoke a role a user holds; the last enabled administrator keeps theirs. */
export async function revokeRole(c: UseCaseContext, change: RoleChange & { readonly reason?: string | undefined }): Promise<UserAccount> {
  requireAction(c.by, 'user.manage', null);
  const grant = assignmentOf(change);
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId: null }, async (w) => {
    const user = await requireUser(w.tx, change.username);
    refuseSelf(c, user, 'revoke a role from');
    const held = user.roles.find((r) => sameGrant(r, grant));
    if (!held) throw new AppError(accountErrors.ROLE_NOT_HELD, `User ${user.username} does not hold ${describe(grant)}.`, 'role');
    await w.remove(roleAssignments, { id: held.id }, change.reason?.trim() || `revoked ${describe(grant)}`);
    if (grant.role === administrator && grant.studyId === null && (await countEnabledAdministrators(w.tx)) === 0) {
      throw new AppError(accountErrors.LAST_ADMINISTRATOR, `User ${user.username} is the last enabled administrator and keeps the role.`, 'role');
    }
    return (await findUserByUsername(w.tx, user.username)) as UserAccount;
  });
}
