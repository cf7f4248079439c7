import { z } from 'zod';
import { roles } from '../access/roles.js';

/** The pieces every part of the API contract uses. */

export const isoDate = z.iso.date();
export const isoDateTime = z.string().describe('an ISO 8601 date-time');

/** What an action with nothing else to say answers. */
export const ok = z.object({ ok: z.literal(true) });

export const roleAssignment = z.object({ studyId: z.string().nullable(), siteId: z.string().nullable(), role: z.enum(roles) });

/** Every refusal: one sentence naming the field (`path`), the catalogue's code, and each problem for a body that failed validation. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    path: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** A file the server streams (CSV, XML, XPT, HTML, PDF): documented as a string, never parsed as JSON. */
export const fileBody = z.string().describe('the file itself');
