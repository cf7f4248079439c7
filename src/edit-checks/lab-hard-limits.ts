import { AppError } from '../errors/app-error.js';
import { isLabAnalyte, labUnitTable, toCanonical, type LabAnalyte } from '../instruments/ctcae/lab-units.js';
import { editCheckErrors } from './errors.js';

/**
 * Hard limits per analyte, in its canonical unit (see lab-units.ts): a value above is an entry
 * error (a slipped decimal or a wrong unit), not a patient. These are this project's data-management
 * limits, not a published standard: each lies well above the extremes described in clinical
 * practice (hyperleukocytosis in leukaemia of some 10^5–10^6/µL, extreme thrombocytosis of a few
 * million/µL, aminotransferases in the tens of thousands U/L in ischaemic or toxic hepatitis,
 * haemoglobin bounded by the mean corpuscular haemoglobin concentration, ~360 g/L, times a
 * haematocrit that never nears 1), so that no real value is refused.
 */
export const labHardLimits: Readonly<Record<LabAnalyte, number>> = {
  leukocytes: 2_000_000,
  neutrophils: 2_000_000,
  lymphocytes: 2_000_000,
  platelets: 10_000_000,
  haemoglobin: 300,
  alt: 100_000,
  ast: 100_000,
  bilirubin: 2_000,
  creatinine: 10_000,
};

/** Refuse a lab value that is not finite, negative, or beyond its hard limit, naming `labs.N.value`. */
export function checkLabHardLimits(labs: readonly { readonly analyte: string; readonly value: number; readonly unit: string }[]): void {
  labs.forEach((lab, i) => {
    const field = `labs.${i}.value`;
    if (!Number.isFinite(lab.value) || lab.value < 0) throw new AppError(editCheckErrors.VALUE_BEYOND_HARD_LIMIT, `Field "${field}" (${lab.value}) is not a finite, non-negative number.`, field);
    if (!isLabAnalyte(lab.analyte)) return; // the grading names an unknown analyte itself
    const limit = labHardLimits[lab.analyte];
    const canonical = labUnitTable[lab.analyte].canonical;
    if (toCanonical(lab.analyte, lab.value, lab.unit) > limit) {
      throw new AppError(
        editCheckErrors.VALUE_BEYOND_HARD_LIMIT,
        `Field "${field}" (${lab.value} ${lab.unit}) is beyond the physiological hard limit of ${lab.analyte} (${limit} ${canonical}); check the value and its unit.`,
        field,
      );
    }
  });
}
