import { z } from 'zod';

/** Usernames are what people type at sign-in: short, lower case, no spaces. */
export const usernameSchema = z.string().regex(/^[a-z][a-z0-9._-]{1,39}$/, 'must be 2–40 lower-case letters, digits, ".", "_" or "-", starting with a letter');
