import { z } from 'zod';
import { defaultTokenDays } from '../auth/api-tokens.js';
import { isoDateTime, roleAssignment } from './common.js';
import { roles } from '../access/index.js';

/** Signing in, one's own sessions and API tokens. */

export const session = z.object({
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), mustChangePassword: z.boolean() }),
  roles: z.array(roleAssignment),
});

export const ownSession = z.object({ id: z.string(), createdAt: isoDateTime, expiresAt: isoDateTime, current: z.boolean() });

export const createdToken = z.object({ id: z.string(), token: z.string(), expiresAt: isoDateTime });

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(roleAssignment).nullable(),
  readOnly: z.boolean(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  status: z.enum(['valid', 'expired', 'revoked']),
});

export const loginBody = z.object({ username: z.string().min(1), password: z.string().min(1) });
export const tokenBody = z.object({
  name: z.string().min(1).max(100),
  /** A subset of the user's roles; omitted, the token acts with all of them. */
  roles: z.array(z.object({ studyId: z.string().nullable(), siteId: z.string().nullable(), role: z.enum(roles) })).optional(),
  readOnly: z.boolean().default(false),
  days: z.number().int().default(defaultTokenDays),
});
export const tokenParams = z.object({ id: z.string().min(1).max(100) });
export const passwordBody = z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1) });
