import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { labAnalytes, labUnits, labUnitTable } from '../ctcae/lab-units.js';
import { instrumentsErrors } from '../errors.js';

/**
 * Dose-hold rules of a protocol, as data.
 * - `lab-below`: hold while the latest result of the analyte is below the threshold (from the day of
 *   the low result until the day before the next result of that analyte);
 * - `related-ae-grade`: hold from the onset of a treatment-related adverse event of at least that CTCAE
 *   grade until the day before it resolved.
 */
export const doseHoldRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('lab-below'), analyte: z.enum(labAnalytes), threshold: z.number().nonnegative(), unit: z.enum(labUnits) }),
    z.object({ kind: z.literal('related-ae-grade'), minGrade: z.number().int().min(1).max(5) }),
  ])
  .superRefine((rule, ctx) => {
    if (rule.kind === 'lab-below' && labUnitTable[rule.analyte].factors[rule.unit] === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `unit "${rule.unit}" is not supported for ${rule.analyte}` });
    }
  });

export type DoseHoldRule = z.infer<typeof doseHoldRuleSchema>;

/** Validate rules from a protocol file or the API; every problem is counted, the first is named with its path. */
export function parseDoseHoldRules(input: unknown): DoseHoldRule[] {
  const result = z.array(doseHoldRuleSchema).safeParse(input);
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  const path = `rules${(first?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  throw new AppError(instrumentsErrors.HOLD_RULE_INVALID, `Dose-hold rule ${path} is invalid: ${first?.message ?? 'unknown problem'}${more}.`, path);
}
