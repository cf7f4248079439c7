import { z } from 'zod';
import { isoDateTime } from './common.js';

/** An electronic signature as shown with its record (src/signatures/signature.ts ShownSignature). */
export const shownSignature = z.object({
  id: z.string(),
  participantId: z.string(),
  /** null: the casebook. */
  visitId: z.string().nullable(),
  signerUsername: z.string(),
  signerName: z.string(),
  meaning: z.string(),
  signedAt: isoDateTime,
  status: z.enum(['valid', 'invalidated']),
  line: z.string(),
});
