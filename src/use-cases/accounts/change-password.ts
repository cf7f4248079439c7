import { assertAcceptablePassword } from '../../accounts/password-policy.js';
import type { Principal } from '../../auth/principal.js';
import { hashPassword, sha256, verifyPassword } from '../../auth/passwords.js';
import { AppError } from '../../errors/app-error.js';
import { audited } from '../../store/audited-tx.js';
import type { Db } from '../../store/db.js';
import { users } from '../../store/schema/index.js';
import { accountErrors } from '../../accounts/errors.js';

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The session the change is made from: it stays, every other session of the user ends. */
  readonly sessionSecret?: string | undefined;
}

/** A user changes their own password (which also clears a reset's must-change flag). */
export async function changeOwnPassword(db: Db, me: Principal, at: Date, input: ChangePasswordInput): Promise<void> {
  assertAcceptablePassword(input.newPassword, me.username);
  const [row] = await db.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [me.userId]);
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError(accountErrors.WRONG_PASSWORD, 'The password in field "currentPassword" is not your current password.', 'currentPassword');
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError(accountErrors.WEAK_PASSWORD, 'The password in field "newPassword" cannot be used: it is the current password.', 'newPassword');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await audited(db, { actor: me.userId, at, studyId: null }, async (w) => {
    await w.update(users, { id: me.userId }, { password_hash: passwordHash, must_change_password: false }, 'password changed by its user');
    await w.tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [me.userId, input.sessionSecret ? sha256(input.sessionSecret) : '']);
  });
}
