import { z } from 'zod';
import { isoDateTime, roleAssignment } from './common.js';
import { roles } from '../access/index.js';
import { usernameSchema } from '../accounts/username.js';

/** Accounts as the administrator manages them. */

export const userAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: isoDateTime,
  roles: z.array(roleAssignment.extend({ id: z.string() })),
});

/** A password the administrator set: shown once, to be handed to the user, who must change it. */
export const issuedPassword = z.object({ username: z.string(), password: z.string() });

/** Request bodies. */
export const newUserBody = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  email: z.email(),
});
export const roleBody = z.object({
  role: z.enum(roles),
  studyId: z.string().min(1).optional(),
  siteId: z.string().min(1).optional(),
  reason: z.string().trim().min(1).optional(),
});
export const disableBody = z.object({ reason: z.string().trim().min(1, 'a reason for disabling the account is required') });
