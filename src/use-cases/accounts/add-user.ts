import { hashPassword, randomSecret } from '../../auth/passwords.js';
import { audited } from '../../store/audited-tx.js';
import { findUserByUsername, insertUser, type UserAccount } from '../../store/users.js';
import { callerId, requireAction, type UseCaseContext } from '../use-case-context.js';

export interface AddUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
}

/**
 * An administrator creates an account with no role yet. Its first password is generated, returned
 * once to be handed over, and must be changed at the first sign-in.
 */
export async function addUser(c: UseCaseContext, input: AddUserInput): Promise<{ user: UserAccount; password: string }> {
  requireAction(c.by, 'user.manage', null);
  const password = randomSecret(15);
  const passwordHash = await hashPassword(password);
  const user = await audited(c.db, { actor: callerId(c.by), at: c.at, studyId: null }, async (w) => {
    await insertUser(w, { ...input, passwordHash, mustChangePassword: true });
    return (await findUserByUsername(w.tx, input.username)) as UserAccount;
  });
  return { user, password };
}
