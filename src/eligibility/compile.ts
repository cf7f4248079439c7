import { AppError } from '../errors/app-error.js';
import { parseIsoDay, type DayNumber } from '../dates/iso-date.js';
import { windowStart } from './window-start.js';
import type { Anchor, CompareOp, Criterion, Expr } from './expression.js';
import { attestationFactName, findFact } from './facts.js';
import type { Attestation, PatientFacts } from './patient-facts.js';
import { findConversion } from './units.js';
import { eligibilityErrors } from './errors.js';

/** Three-valued truth: NO, YES, or UNKNOWN (a fact is missing). Kleene's strong logic. */
export const NO = 0;
export const YES = 1;
export const UNKNOWN = 2;
export type Truth = typeof NO | typeof YES | typeof UNKNOWN;

/** The dates windows are counted back from. No clock: the caller passes them. */
export interface ReferenceDates {
  readonly screening: string;
  readonly firstDose?: string;
}

export interface CompiledNode {
  readonly expr: Expr;
  readonly test: (facts: PatientFacts) => Truth;
  /** Facts this node reads directly (leaves) — weight too for a per-kg threshold. */
  readonly facts: readonly string[];
  readonly children: readonly CompiledNode[];
  /** Why a leaf is unknown whatever the facts (an anchor date not given). */
  readonly alwaysUnknown?: string;
}

export interface CompiledCriterion {
  readonly criterion: Criterion;
  readonly root: CompiledNode;
}

const COMPARE: Record<CompareOp, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

interface Anchors {
  readonly screening: DayNumber;
  readonly 'first-dose': DayNumber | undefined;
}

function readAnchors(ref: ReferenceDates): Anchors {
  const day = (text: string, what: string): DayNumber => {
    const d = parseIsoDay(text);
    if (d === undefined) throw new AppError(eligibilityErrors.BAD_REFERENCE_DATE, `The ${what} date "${text}" is not a calendar date (YYYY-MM-DD).`, what);
    return d;
  };
  return { screening: day(ref.screening, 'screening'), 'first-dose': ref.firstDose === undefined ? undefined : day(ref.firstDose, 'first-dose') };
}

function leaf(expr: Expr, facts: readonly string[], test: (f: PatientFacts) => Truth): CompiledNode {
  return { expr, test, facts, children: [] };
}

function compileCompare(e: Extract<Expr, { kind: 'compare' }>): CompiledNode {
  const def = findFact(e.fact);
  if (!def || def.type !== 'number') throw new AppError(eligibilityErrors.UNKNOWN_FACT, `"${e.fact}" is not a number fact in the dictionary.`);
  const cmp = COMPARE[e.op];
  const conv = e.unit === (def.unit ?? '') ? { factor: 1, perKg: false } : findConversion(def.units ?? [], e.unit);
  if (!conv) throw new AppError(eligibilityErrors.UNKNOWN_UNIT, `Unit "${e.unit}" is not accepted for ${e.fact}.`);
  const threshold = e.value * conv.factor;
  const name = e.fact;
  if (conv.perKg) {
    // The threshold scales with the patient's weight: dose > 1.5 mg/kg is dose > 1.5 × weight mg.
    return leaf(e, [name, 'weight'], (f) => {
      const v = f[name];
      const w = f.weight;
      if (typeof v !== 'number' || typeof w !== 'number') return UNKNOWN;
      return cmp(v, threshold * w) ? YES : NO;
    });
  }
  return leaf(e, [name], (f) => {
    const v = f[name];
    if (typeof v !== 'number') return UNKNOWN;
    return cmp(v, threshold) ? YES : NO;
  });
}

function compileWithin(e: Extract<Expr, { kind: 'within' }>, anchors: Anchors): CompiledNode {
  const anchor = anchors[e.before as Anchor];
  const name = e.fact;
  if (anchor === undefined) {
    return { ...leaf(e, [name], () => UNKNOWN), alwaysUnknown: `the ${e.before} date was not given` };
  }
  const start = windowStart(anchor, e.amount, e.unit);
  // Inclusive both ends: an event exactly `amount` `unit` before the anchor is within the window.
  return leaf(e, [name], (f) => {
    const v = f[name];
    if (typeof v !== 'number') return UNKNOWN;
    return v >= start && v <= anchor ? YES : NO;
  });
}

function compileNode(e: Expr, anchors: Anchors, criterionId: string): CompiledNode {
  switch (e.kind) {
    case 'compare':
      return compileCompare(e);
    case 'within':
      return compileWithin(e, anchors);
    case 'is': {
      const { fact, value } = e;
      return leaf(e, [fact], (f) => {
        const v = f[fact];
        return typeof v !== 'boolean' ? UNKNOWN : v === value ? YES : NO;
      });
    }
    case 'equals': {
      const { fact, value } = e;
      return leaf(e, [fact], (f) => {
        const v = f[fact];
        return typeof v !== 'string' ? UNKNOWN : v === value ? YES : NO;
      });
    }
    case 'has': {
      const { fact, code } = e;
      return leaf(e, [fact], (f) => {
        const v = f[fact];
        return v instanceof Set ? (v.has(code) ? YES : NO) : UNKNOWN;
      });
    }
    case 'attested': {
      const fact = attestationFactName(criterionId);
      return leaf(e, [fact], (f) => {
        const v = f[fact] as Attestation | undefined;
        return v === undefined ? UNKNOWN : v.holds ? YES : NO;
      });
    }
    case 'not': {
      const child = compileNode(e.of, anchors, criterionId);
      const t = child.test;
      return {
        expr: e,
        facts: [],
        children: [child],
        test: (f) => {
          const r = t(f);
          return r === UNKNOWN ? UNKNOWN : r === YES ? NO : YES;
        },
      };
    }
    case 'all':
    case 'any': {
      const children = e.of.map((x) => compileNode(x, anchors, criterionId));
      const tests = children.map((c) => c.test);
      // all: any NO decides NO; any: any YES decides YES; otherwise UNKNOWN if one is unknown.
      const decisive = e.kind === 'all' ? NO : YES;
      const otherwise = e.kind === 'all' ? YES : NO;
      const test = (f: PatientFacts): Truth => {
        let unknown = false;
        for (const t of tests) {
          const r = t(f);
          if (r === decisive) return decisive;
          if (r === UNKNOWN) unknown = true;
        }
        return unknown ? UNKNOWN : otherwise;
      };
      return { expr: e, facts: [], children, test };
    }
  }
}

/** Compile criteria once into closures over patient facts; reference dates are fixed here. */
export function compileCriteria(criteria: readonly Criterion[], ref: ReferenceDates): readonly CompiledCriterion[] {
  const anchors = readAnchors(ref);
  return criteria.map((criterion) => ({ criterion, root: compileNode(criterion.expr, anchors, criterion.id) }));
}

/** Leaves of a node whose result is unknown for these facts: what is missing, and why. */
export function unknownLeaves(node: CompiledNode, facts: PatientFacts): CompiledNode[] {
  if (node.children.length === 0) return node.test(facts) === UNKNOWN ? [node] : [];
  return node.children.flatMap((c) => (c.test(facts) === UNKNOWN ? unknownLeaves(c, facts) : []));
}

/** Missing fact names behind an unknown result (anchor-date gaps are not facts and are left out). */
export function missingFacts(node: CompiledNode, facts: PatientFacts): string[] {
  const names = unknownLeaves(node, facts).flatMap((l) => (l.alwaysUnknown ? [] : l.facts.filter((n) => facts[n] === undefined)));
  return [...new Set(names)];
}
