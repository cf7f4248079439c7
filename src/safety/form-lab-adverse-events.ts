import { labAnalyteCatalogue } from '../forms/builtin/lab-analytes.js';
import type { FilledEntry } from '../forms/validate-form.js';
import { gradeFormLab } from '../instruments/ctcae/grade-form-lab.js';
import type { ParticipantLabGrading } from '../instruments/index.js';

/** One result of an analyte of the extensible lab list (src/forms/builtin/lab-analytes.ts), as a form entered it. */
export interface FormLabResult {
  /** The item's path in the form, e.g. `ck`. */
  readonly path: string;
  readonly analyte: string;
  readonly value: number;
  readonly unit: string;
}

/** A site's upper reference limit of one analyte, in `unit`. */
export interface FormLabRange {
  readonly unit: string;
  readonly uln?: number | undefined;
}

/** The analytes of the extensible lab list that CTCAE v5.0 grades against the site's ULN (grade-form-lab.ts), whose range a site sets. */
export const formLabRangeAnalytes = ['ck', 'proteinuria-24h'] as const;
export type FormLabRangeAnalyte = (typeof formLabRangeAnalytes)[number];

export function isFormLabRangeAnalyte(a: string): a is FormLabRangeAnalyte {
  return (formLabRangeAnalytes as readonly string[]).includes(a);
}

/** The units an analyte of the extensible lab list is entered in (its canonical unit first). */
export function formLabUnits(analyte: string): string[] {
  return (labAnalyteCatalogue[analyte]?.units ?? []).map((u) => u.unit);
}

/**
 * Upper limits used where a site has entered none: ASSUMED, typical adult values, not any site's own
 * (the reference-range API answers them with `assumed: true`; a site sets its own through it).
 * - CK: 200 U/L, one limit for both sexes (textbook adult CK limits lie near 150–300 U/L and differ by sex).
 * - Urine protein: 150 mg/24 h = 0.15 g/24 h, the usual adult upper limit of 24-hour proteinuria.
 * CTCAE "CPK increased" is graded in multiples of the ULN and proteinuria grade 1 starts at it.
 */
export const defaultFormLabRanges: Readonly<Record<FormLabRangeAnalyte, FormLabRange>> = {
  ck: { unit: 'U/L', uln: 200 },
  'proteinuria-24h': { unit: 'g/24h', uln: 0.15 },
};

/** The form's entered results of catalogue analytes: top-level decimal items named by the analyte, entered in one of its units. */
export function formLabResults(entries: readonly FilledEntry[]): FormLabResult[] {
  return entries.flatMap((e) => {
    const analyte = labAnalyteCatalogue[e.item];
    if (e.group !== undefined || e.type !== 'decimal' || analyte === undefined || typeof e.value !== 'number' || e.unit === undefined) return [];
    if (!analyte.units.some((u) => u.unit === e.unit)) return [];
    return [{ path: e.path, analyte: e.item, value: e.value, unit: e.unit }];
  });
}

/** `value` in `from` converted to `to`, both units of `analyte`; undefined when either is not one. */
function convert(analyte: string, value: number, from: string, to: string): number | undefined {
  const units = labAnalyteCatalogue[analyte]?.units ?? [];
  const f = units.find((u) => u.unit === from)?.factor;
  const t = units.find((u) => u.unit === to)?.factor;
  return f === undefined || t === undefined ? undefined : (value * f) / t;
}

/**
 * Grade one result (CTCAE v5.0, see grade-form-lab.ts) against the site's range (else the default),
 * and the adverse event it proposes: a grade 1 or worse at a visit after baseline proposes one under the
 * CTCAE term; a baseline result proposes none (an abnormality before treatment is medical history, ICH E2A).
 */
export function gradeFormLabResult(result: FormLabResult, siteRange: FormLabRange | undefined, isBaseline: boolean): ParticipantLabGrading {
  const range = siteRange ?? (isFormLabRangeAnalyte(result.analyte) ? defaultFormLabRanges[result.analyte] : undefined);
  const uln = range?.uln === undefined ? undefined : convert(result.analyte, range.uln, range.unit, result.unit);
  const g = gradeFormLab(result.analyte, result.value, result.unit, uln);
  if (g.kind !== 'graded') return { gradings: [], worst: null, proposals: [] };
  const worst = { grade: g.grade, term: g.term };
  if (isBaseline || g.grade === 0) return { gradings: [], worst, proposals: [] };
  return { gradings: [], worst, proposals: [{ term: g.term, grade: g.grade }] };
}
