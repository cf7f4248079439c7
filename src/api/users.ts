import { z } from 'zod';
import { isoDateTime, roleAssignment } from './common.js';

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
