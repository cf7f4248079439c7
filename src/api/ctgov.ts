import { z } from 'zod';

/** The ClinicalTrials.gov import and results API (src/server/routes/ctgov.ts). */

/** POST /api/studies/import/ctgov: the study record's JSON text as uploaded (read here, so a truncated file is named by line). */
export const ctgovImportBody = z.strictObject({
  record: z.string().min(1, 'record is the text of a ClinicalTrials.gov API v2 study JSON file'),
  /** false: draft and report only (a preview); true: also create the design-stage study from the draft. */
  create: z.boolean().default(true),
});
export type CtgovImportBody = z.input<typeof ctgovImportBody>;

export const ctgovReportEntry = z.object({
  kind: z.enum(['unmapped', 'assumption', 'discrepancy']),
  field: z.string(),
  protocolField: z.string().optional(),
  reason: z.string(),
  count: z.number().int().optional(),
});
export type CtgovReportEntry = z.infer<typeof ctgovReportEntry>;

export const ctgovImportResponse = z.object({
  /** The design-stage study created from the draft (absent for a preview). */
  study: z.object({ id: z.string(), title: z.string(), status: z.string(), protocolVersion: z.string() }).optional(),
  /** The protocol draft (see `il2trials protocol schema`). */
  protocol: z.record(z.string(), z.unknown()),
  report: z.object({ record: z.string(), entries: z.array(ctgovReportEntry) }),
});
export type CtgovImportResponse = z.infer<typeof ctgovImportResponse>;
