import { z } from 'zod';

/** Sample size for a new trial from a published effect (GET /api/evidence/sample-size). */

export const sampleSizeQuery = z.object({
  effect: z.string().trim().min(1).optional(),
  disease: z.string().trim().min(1).optional(),
  alpha: z.coerce.number().optional(),
  power: z.coerce.number().optional(),
  ratio: z.coerce.number().optional(),
});

// A fresh schema per use; "group", not "arm": masking (src/randomization/masking.ts) strips arm keys for blinded viewers.
const armCount = () => z.object({ group: z.string(), responders: z.number(), n: z.number() });

export const reportedEffect = z.object({
  id: z.string(),
  disease: z.string(),
  aliases: z.array(z.string()),
  endpoint: z.string(),
  kind: z.literal('proportions'),
  treated: armCount(),
  control: armCount(),
  citation: z.string(),
});

export const sampleSize = z.object({
  effect: reportedEffect,
  pTreated: z.number(),
  pControl: z.number(),
  alpha: z.number(),
  power: z.number(),
  ratio: z.number(),
  nTreated: z.number(),
  nControl: z.number(),
  total: z.number(),
  method: z.string(),
});

/** The published effects a sample size can start from. */
export const reportedEffectList = z.array(reportedEffect);
