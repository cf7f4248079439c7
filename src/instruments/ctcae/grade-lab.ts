import { AppError } from '../../errors/app-error.js';
import { labCriteria, type LabCriterion, type Rung } from './lab-criteria.js';
import { isLabAnalyte, labAnalytes, labUnitTable, roundSignificant, toCanonical, type LabAnalyte, type LabUnit } from './lab-units.js';
import { instrumentsErrors } from '../errors.js';

/** One laboratory result with the site's reference range and the participant's baseline, all in `unit`. */
export type LabResult = {
  readonly analyte: string;
  readonly value: number;
  readonly unit: string;
  readonly lln?: number;
  readonly uln?: number;
  readonly baseline?: number;
};

export type CtcaeGrade = 0 | 1 | 2 | 3 | 4;
export type ProposedAdverseEvent = { readonly term: string; readonly grade: 1 | 2 | 3 | 4 };

export type LabGrading =
  | {
      readonly kind: 'graded';
      readonly analyte: LabAnalyte;
      readonly term: string;
      readonly grade: CtcaeGrade;
      /** Value in the analyte's canonical unit, the one the thresholds are written in. */
      readonly value: number;
      readonly unit: LabUnit;
      /** The criterion that decided the grade, in words with the value and threshold in `unit` (e.g. "130 U/L > 3 × ULN = 120 U/L, baseline normal"). */
      readonly rule: string;
      readonly proposedAdverseEvent: ProposedAdverseEvent | null;
    }
  | { readonly kind: 'ungradable'; readonly analyte: LabAnalyte; readonly term: string; readonly reason: string };

type Refs = { readonly lln?: number; readonly uln?: number; readonly baseline?: number };

const refNames = { lln: 'lower limit of normal (LLN)', uln: 'upper limit of normal (ULN)', baseline: 'baseline value' } as const;

/** The rung's threshold in the canonical unit, or the name of the missing reference. */
function thresholdOf(rung: Rung, refs: Refs): number | 'lln' | 'uln' | 'baseline' {
  const t = rung.threshold;
  if (t.of === 'absolute') return t.value;
  const ref = refs[t.of];
  return ref === undefined ? t.of : roundSignificant(ref * t.times + (t.plus ?? 0));
}

/** true / false, or the name of the missing reference. */
function evaluate(rung: Rung, value: number, refs: Refs): boolean | 'lln' | 'uln' | 'baseline' {
  const threshold = thresholdOf(rung, refs);
  if (typeof threshold === 'string') return threshold;
  return rung.op === '<' ? value < threshold : rung.op === '>' ? value > threshold : value >= threshold;
}

const opText = { '<': '<', '>': '>', '>=': '≥' } as const;

/** A rung in words: "> 3 × ULN = 120 U/L, baseline normal". */
function describeRung(rung: Rung, refs: Refs, unit: LabUnit): string {
  const t = rung.threshold;
  const threshold = thresholdOf(rung, refs);
  const ref = t.of === 'absolute' ? '' : `${t.times} × ${t.of === 'baseline' ? 'baseline' : t.of.toUpperCase()}${t.plus === undefined ? '' : ` + ${t.plus} ${unit}`} = `;
  return `${opText[rung.op]} ${ref}${String(threshold)} ${unit}${rung.whenBaseline === undefined ? '' : `, baseline ${rung.whenBaseline}`}`;
}

function baselineStatus(refs: Refs): 'normal' | 'abnormal' | 'unknown' {
  // Without a baseline value the baseline counts as normal (admiral's convention, BNRIND not high).
  if (refs.baseline === undefined) return 'normal';
  if (refs.uln === undefined) return 'unknown';
  return refs.baseline > refs.uln ? 'abnormal' : 'normal';
}

function gradeCriterion(c: LabCriterion, value: number, unit: LabUnit, refs: Refs): LabGrading {
  const ungradable = (missing: keyof typeof refNames): LabGrading => ({
    kind: 'ungradable',
    analyte: c.analyte,
    term: c.term,
    reason: `${c.term} cannot be graded without the ${refNames[missing]}.`,
  });
  const status = baselineStatus(refs);
  const conditional = c.rungs.some((r) => r.whenBaseline !== undefined);
  if (conditional && status === 'unknown') return ungradable('uln');
  const rungs = c.rungs.filter((r) => r.whenBaseline === undefined || r.whenBaseline === status);

  for (const grade of [4, 3, 2, 1] as const) {
    const outcomes = rungs
      .filter((r) => r.grade === grade)
      .flatMap((r) => {
        const o = evaluate(r, value, refs);
        return typeof o === 'string' && r.optional ? [] : [o];
      });
    const hit = rungs.find((r) => r.grade === grade && evaluate(r, value, refs) === true);
    if (hit) {
      return { kind: 'graded', analyte: c.analyte, term: c.term, grade, value, unit, rule: `${value} ${unit} ${describeRung(hit, refs, unit)}`, proposedAdverseEvent: { term: c.term, grade } };
    }
    const missing = outcomes.find((o) => typeof o === 'string');
    if (missing !== undefined) return ungradable(missing);
  }
  const mildest = Math.min(...rungs.map((r) => r.grade));
  const rule = `${value} ${unit} is not ${rungs
    .filter((r) => r.grade === mildest && typeof thresholdOf(r, refs) === 'number')
    .map((r) => describeRung(r, refs, unit))
    .join(' nor ')} (grade ${mildest})`;
  return { kind: 'graded', analyte: c.analyte, term: c.term, grade: 0, value, unit, rule, proposedAdverseEvent: null };
}

function checkNumber(field: string, v: number | undefined, analyte: string): void {
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
    throw new AppError(instrumentsErrors.LAB_VALUE_INVALID, `The ${field} of ${analyte} must be a finite number of zero or more, not ${String(v)}.`, field);
  }
}

/** Every CTCAE v5.0 term the analyte is graded under (e.g. lymphocytes: decreased and increased). */
export function gradeLab(result: LabResult): LabGrading[] {
  const { analyte } = result;
  if (!isLabAnalyte(analyte)) {
    throw new AppError(instrumentsErrors.UNKNOWN_ANALYTE, `Analyte "${analyte}" is not graded; use one of ${labAnalytes.join(', ')}.`, 'analyte');
  }
  for (const field of ['value', 'lln', 'uln', 'baseline'] as const) checkNumber(field, result[field], analyte);
  const canon = (v: number | undefined) => (v === undefined ? undefined : toCanonical(analyte, v, result.unit));
  const refs: Refs = { lln: canon(result.lln), uln: canon(result.uln), baseline: canon(result.baseline) };
  const value = toCanonical(analyte, result.value, result.unit);
  return labCriteria.filter((c) => c.analyte === analyte).map((c) => gradeCriterion(c, value, labUnitTable[analyte].canonical, refs));
}

/** The adverse events a set of gradings proposes (grade ≥ 1), for the investigator to confirm. */
export function proposedAdverseEvents(gradings: readonly LabGrading[]): ProposedAdverseEvent[] {
  return gradings.flatMap((g) => (g.kind === 'graded' && g.proposedAdverseEvent ? [g.proposedAdverseEvent] : []));
}
