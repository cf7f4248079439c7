import { AppError } from '../../errors/app-error.js';
import { audited } from '../../store/audited-tx.js';
import { countEnabledAdministrators, findUserByUsername, requireUser, type UserAccount } from '../../store/users.js';
import { callerId, requireAction, type UseCaseContext } from '../use-case-context.js';
import { refuseSelf } from './role-changes.js';
import { apiTokens, users } from '../../store/schema/index.js';
import { accountErrors } from '../../accounts/errors.js';

/**
 * Disable an account (users are never deleted: the audit trail names them). Its sessions end and
 * its API tokens are revoked in the same transaction, so nothing it holds works a moment longer.
 */
export async function disableUser(c: UseCaseContext, input: { readonly username: string; readonly reason: string }): Promise<UserAccount> {
  requireAction(c.by, 'user.manage', null);
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId: null }, async (w) => {
    const user = await requireUser(w.tx, input.username);
    refuseSelf(c, user, 'disable');
    if (user.disabled) throw new AppError(accountErrors.USER_DISABLED, `User ${user.username} is already disabled.`, 'username');
    await w.update(users, { id: user.id }, { disabled: true }, input.reason);
    if ((await countEnabledAdministrators(w.tx)) === 0)
      throw new AppError(accountErrors.LAST_ADMINISTRATOR, `User ${user.username} is the last enabled administrator and cannot be disabled.`, 'username');
    // Sessions are not audited rows (only their hashes, which mean nothing to a reader).
    await w.tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
    const tokens = await w.tx.query<{ id: string }>('SELECT id FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
    for (const t of tokens) await w.update(apiTokens, { id: t.id }, { revoked_at: c.at }, `user ${user.username} disabled`);
    return (await findUserByUsername(w.tx, user.username)) as UserAccount;
  });
}
