import { z } from 'zod';

/** What a REDCap records import took in: records registered, visits and forms saved. */
export const redcapRecordsImport = z.object({
  studyId: z.string(),
  records: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  forms: z.number().int().nonnegative(),
});
