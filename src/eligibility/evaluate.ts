import { compileCriteria, missingFacts, unknownLeaves, UNKNOWN, YES, type CompiledCriterion, type CompiledNode, type ReferenceDates, type Truth } from './compile.js';
import { formatDay } from '../dates/iso-date.js';
import { formatExpr, type Computability, type Criterion, type Side } from './expression.js';
import { findFact } from './facts.js';
import type { FactValue, PatientFacts } from './patient-facts.js';

/** Whether the criterion's statement holds: for an exclusion, met means the patient is excluded. */
export type CriterionStatus = 'met' | 'not-met' | 'unknown';
export type EligibilityStatus = 'eligible' | 'ineligible' | 'incomplete';

export interface CriterionResult {
  readonly id: string;
  readonly side: Side;
  readonly text: string;
  readonly computability: Computability;
  readonly status: CriterionStatus;
  /** This criterion alone makes the patient ineligible (inclusion not met, exclusion met). */
  readonly fails: boolean;
  readonly reason: string;
  /** The facts the criterion read, as given (canonical units). */
  readonly factsUsed: Readonly<Record<string, string>>;
  readonly missing: readonly string[];
}

export interface EligibilityResult {
  readonly status: EligibilityStatus;
  readonly criteria: readonly CriterionResult[];
  /** Ids of criteria that make the patient ineligible. */
  readonly failed: readonly string[];
  /** Facts whose absence leaves a criterion unknown. */
  readonly missing: readonly string[];
}

const STATUS: Record<Truth, CriterionStatus> = { 0: 'not-met', 1: 'met', 2: 'unknown' };

/** Does this truth value of a criterion exclude the patient? An unknown never does. */
export function fails(side: Side, truth: Truth): boolean {
  return truth !== UNKNOWN && (side === 'inclusion' ? truth !== YES : truth === YES);
}

/** Overall decision: any failing criterion → ineligible; else any unknown → incomplete; else eligible. */
export function overallStatus(anyFailed: boolean, anyUnknown: boolean): EligibilityStatus {
  return anyFailed ? 'ineligible' : anyUnknown ? 'incomplete' : 'eligible';
}

export function formatFactValue(name: string, v: FactValue): string {
  if (typeof v === 'number') {
    const def = findFact(name);
    if (def?.type === 'date') return Number.isFinite(v) ? formatDay(v) : 'never';
    return def?.unit ? `${v} ${def.unit}` : String(v);
  }
  if (typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (v instanceof Set) return v.size === 0 ? 'none' : [...v].join(';');
  const a = v as { holds: boolean; by: string; at: string };
  return `${a.holds ? 'holds' : 'does not hold'}, attested by ${a.by} on ${a.at}`;
}

function factNames(node: CompiledNode): string[] {
  return [...node.facts, ...node.children.flatMap(factNames)];
}

function explain(c: CompiledCriterion, facts: PatientFacts, truth: Truth, missing: readonly string[]): string {
  const rule = formatExpr(c.criterion.expr);
  if (truth !== UNKNOWN) return `${STATUS[truth]}: ${rule}`;
  const dateGaps = unknownLeaves(c.root, facts).flatMap((l) => (l.alwaysUnknown ? [l.alwaysUnknown] : []));
  const why = [...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []), ...new Set(dateGaps)];
  return `unknown (${why.join('; ')}): ${rule}`;
}

/** Evaluate already-compiled criteria for one patient. */
export function evaluateCompiled(compiled: readonly CompiledCriterion[], facts: PatientFacts): EligibilityResult {
  const results = compiled.map((c): CriterionResult => {
    const truth = c.root.test(facts);
    const missing = truth === UNKNOWN ? missingFacts(c.root, facts) : [];
    const used: Record<string, string> = {};
    for (const name of factNames(c.root)) {
      const v = facts[name];
      if (v !== undefined) used[name] = formatFactValue(name, v);
    }
    const { id, side, text, computability } = c.criterion;
    return { id, side, text, computability, status: STATUS[truth], fails: fails(side, truth), reason: explain(c, facts, truth, missing), factsUsed: used, missing };
  });
  const failed = results.filter((r) => r.fails).map((r) => r.id);
  const missing = [...new Set(results.flatMap((r) => r.missing))];
  const anyUnknown = results.some((r) => r.status === 'unknown');
  return { status: overallStatus(failed.length > 0, anyUnknown), criteria: results, failed, missing };
}

/** Evaluate a protocol's criteria for one patient on the given reference dates. */
export function evaluateEligibility(criteria: readonly Criterion[], facts: PatientFacts, ref: ReferenceDates): EligibilityResult {
  return evaluateCompiled(compileCriteria(criteria, ref), facts);
}
