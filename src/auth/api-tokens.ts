import { AppError } from '../errors/app-error.js';
import { audited, type WriteContext } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { apiTokens, type Row } from '../store/schema/index.js';
import { loadPrincipal } from './accounts.js';
import { randomSecret, sha256 } from './passwords.js';
import type { Principal } from './principal.js';
import type { RoleAssignment } from '../access/index.js';
import { authErrors } from './errors.js';
import { storeErrors } from '../store/errors.js';

const tokenPrefix = 'il2t_';
const dayMs = 86_400_000;
/** A token lives 90 days unless asked otherwise, a year at most, so a forgotten one dies by itself. */
export const defaultTokenDays = 90;
export const maxTokenDays = 365;

export interface TokenRequest {
  readonly name: string;
  /** The roles the token acts with: a subset of its user's (default: all of them, as they are when used). */
  readonly roles?: readonly RoleAssignment[] | undefined;
  readonly readOnly: boolean;
  readonly days: number;
}

export interface TokenListing {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly RoleAssignment[] | null;
  readonly readOnly: boolean;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: 'valid' | 'expired' | 'revoked';
}

const sameAssignment = (a: RoleAssignment, b: RoleAssignment) => a.role === b.role && a.studyId === b.studyId && a.siteId === b.siteId;

/**
 * Issue an API token for scripts; returns the token, shown once (only its hash is stored). Only a
 * user signed in with a password mints tokens: a token cannot, or a stolen one would live forever.
 */
export async function createApiToken(db: Db, ctx: WriteContext, owner: Principal, request: TokenRequest): Promise<{ id: string; token: string; expiresAt: string }> {
  if (owner.token) throw new AppError(authErrors.TOKEN_CANNOT_MINT, 'An API token cannot create tokens: sign in with your password to create one.');
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > maxTokenDays) {
    throw new AppError(authErrors.INVALID_TOKEN_SCOPE, `Field "days" must be a whole number of days from 1 to ${maxTokenDays}.`, 'days');
  }
  const foreign = (request.roles ?? []).findIndex((r) => !owner.assignments.some((a) => sameAssignment(a, r)));
  if (foreign >= 0) {
    const r = request.roles![foreign]!;
    throw new AppError(
      authErrors.INVALID_TOKEN_SCOPE,
      `Field "roles.${foreign}" names a role you do not hold (${r.role} in ${r.studyId ?? 'every study'}${r.siteId ? ` at ${r.siteId}` : ''}).`,
      `roles.${foreign}`,
    );
  }
  const token = tokenPrefix + randomSecret();
  const expiresAt = new Date(ctx.at.getTime() + request.days * dayMs);
  const row = await audited(db, ctx, (w) =>
    w.insert(apiTokens, {
      user_id: owner.userId,
      name: request.name,
      token_hash: sha256(token),
      expires_at: expiresAt,
      read_only: request.readOnly,
      scope: request.roles === undefined ? null : [...request.roles],
    }),
  );
  return { id: row.id, token, expiresAt: expiresAt.toISOString() };
}

type TokenRow = Row<typeof apiTokens>;

/**
 * The principal a token acts for: its user's current roles, cut down to the token's scope, or
 * undefined when the token is unknown, revoked, expired or its user disabled.
 */
export async function principalFromToken(db: Db, token: string, now: Date): Promise<Principal | undefined> {
  if (!token.startsWith(tokenPrefix)) return undefined;
  const [t] = await db.query<TokenRow>('SELECT * FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2', [sha256(token), now]);
  const user = t ? await loadPrincipal(db, t.user_id) : undefined;
  if (!t || !user) return undefined;
  const scope = t.scope;
  const assignments = scope === null ? user.assignments : user.assignments.filter((a) => scope.some((s) => sameAssignment(a, s)));
  return { ...user, assignments, token: { id: t.id, readOnly: t.read_only } };
}

export async function listApiTokens(db: Db, owner: Principal, now: Date): Promise<TokenListing[]> {
  if (owner.token) throw new AppError(authErrors.TOKEN_CANNOT_MINT, 'An API token cannot list tokens: sign in with your password to see them.');
  const rows = await db.query<TokenRow>('SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id', [owner.userId]);
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    roles: t.scope,
    readOnly: t.read_only,
    createdAt: t.created_at.toISOString(),
    expiresAt: t.expires_at.toISOString(),
    status: t.revoked_at ? 'revoked' : t.expires_at <= now ? 'expired' : 'valid',
  }));
}

/** Revoke one of the owner's tokens (audited); revoking a revoked token changes nothing. */
export async function revokeApiToken(db: Db, ctx: WriteContext, owner: Principal, tokenId: string): Promise<void> {
  if (owner.token) throw new AppError(authErrors.TOKEN_CANNOT_MINT, 'An API token cannot revoke tokens: sign in with your password to revoke one.');
  const [t] = await db.query<TokenRow>('SELECT * FROM api_tokens WHERE id::text = $1 AND user_id = $2', [tokenId, owner.userId]);
  if (!t) throw new AppError(storeErrors.NOT_FOUND, `You have no API token ${tokenId}.`, 'id');
  if (t.revoked_at) return;
  await audited(db, ctx, (w) => w.update(apiTokens, { id: t.id }, { revoked_at: ctx.at }, 'revoked by its owner'));
}
