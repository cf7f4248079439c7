import { z } from 'zod';

/** Ids of studies, sites, arms, visits: what URLs and records carry. */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
