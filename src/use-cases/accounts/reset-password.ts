import { hashPassword, randomSecret } from '../../auth/passwords.js';
import { AppError } from '../../errors/app-error.js';
import { audited } from '../../store/audited-tx.js';
import { requireUser } from '../../store/users.js';
import { callerId, requireAction, type UseCaseContext } from '../use-case-context.js';
import { users } from '../../store/schema/index.js';
import { accountErrors } from '../../accounts/errors.js';

/**
 * An administrator gives a user a new generated password, returned once; the user must change it
 * at the next sign-in, and every session they had ends.
 */
export async function resetPassword(c: UseCaseContext, input: { readonly username: string }): Promise<{ username: string; password: string }> {
  requireAction(c.by, 'user.manage', null);
  const password = randomSecret(15);
  const passwordHash = await hashPassword(password);
  await audited(c.db, { actor: callerId(c.by), at: c.at, studyId: null }, async (w) => {
    const user = await requireUser(w.tx, input.username);
    if (user.disabled) throw new AppError(accountErrors.USER_DISABLED, `User ${user.username} is disabled; their password cannot be reset.`, 'username');
    await w.update(users, { id: user.id }, { password_hash: passwordHash, must_change_password: true }, 'password reset by an administrator');
    await w.tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
  });
  return { username: input.username, password };
}
