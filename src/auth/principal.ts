import type { RoleHolder } from '../access/index.js';

/** The user a request acts for, with every role they hold (what they may do is src/access's business). */
export interface Principal extends RoleHolder {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  /** Set by an administrator's reset (or a new account): every request but changing it is refused. */
  readonly mustChangePassword?: boolean;
  /** Present when the request came with an API token (its roles are then the token's scope). */
  readonly token?: { readonly id: string; readonly readOnly: boolean };
}
