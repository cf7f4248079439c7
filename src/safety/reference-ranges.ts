import type { LabAnalyte, LabUnit } from '../instruments/index.js';
import type { FormLabRangeAnalyte } from './form-lab-adverse-events.js';

export interface ReferenceRange {
  readonly analyte: LabAnalyte;
  readonly unit: LabUnit;
  readonly lln?: number;
  readonly uln?: number;
}

/**
 * Ranges used where a site has entered none: ASSUMED, typical adult ranges (textbook values, e.g. Kratz A
 * et al. N Engl J Med 2004;351:1548–1563, rounded), not any site's own. Every site should enter the
 * ranges of its laboratory in `site_reference_ranges`, since CTCAE grade 1 is defined against them.
 */
export const defaultReferenceRanges: readonly ReferenceRange[] = [
  { analyte: 'leukocytes', unit: '/mm3', lln: 4000, uln: 10_000 },
  { analyte: 'neutrophils', unit: '/mm3', lln: 1800, uln: 7500 },
  { analyte: 'lymphocytes', unit: '/mm3', lln: 1000, uln: 4000 },
  { analyte: 'platelets', unit: '/mm3', lln: 150_000, uln: 400_000 },
  { analyte: 'haemoglobin', unit: 'g/L', lln: 120, uln: 160 },
  { analyte: 'alt', unit: 'U/L', uln: 40 },
  { analyte: 'ast', unit: 'U/L', uln: 40 },
  { analyte: 'bilirubin', unit: 'umol/L', uln: 21 },
  { analyte: 'creatinine', unit: 'umol/L', lln: 45, uln: 106 },
];

/**
 * Any range a site sets: one of the nine safety labs, or the range of a CTCAE-graded analyte of the
 * extensible lab list (CK, 24-hour proteinuria), in one of the analyte's units (checked at the API).
 */
export interface SiteReferenceRange {
  readonly analyte: LabAnalyte | FormLabRangeAnalyte;
  readonly unit: string;
  readonly lln?: number | undefined;
  readonly uln?: number | undefined;
}

/** A range as the site's list shows it: `assumed` when it is the default because the site entered none. */
export interface ListedReferenceRange extends SiteReferenceRange {
  readonly assumed: boolean;
}
