/**
 * The criteria language. A criterion is an expression over named patient facts (see facts.ts),
 * evaluated in three-valued logic: met, not met, or unknown when a fact it needs is missing.
 */
export type CompareOp = '<' | '<=' | '>' | '>=';

/** The date a time window is counted back from. Enrolment is read as the screening date. */
export type Anchor = 'screening' | 'first-dose';

export type WindowUnit = 'days' | 'weeks' | 'months' | 'years';

export type Expr =
  /** A number fact against a threshold written in `unit` (converted to the fact's canonical unit once, at compile time). */
  | { readonly kind: 'compare'; readonly fact: string; readonly op: CompareOp; readonly value: number; readonly unit: string }
  /** A yes/no fact has this value. */
  | { readonly kind: 'is'; readonly fact: string; readonly value: boolean }
  /** A code fact (sex) has this value. */
  | { readonly kind: 'equals'; readonly fact: string; readonly value: string }
  /** A set-of-codes fact (diagnoses, treatments) contains this code. */
  | { readonly kind: 'has'; readonly fact: string; readonly code: string }
  /** A dated event happened within `amount` `unit` before the anchor date, both ends inclusive. */
  | { readonly kind: 'within'; readonly fact: string; readonly amount: number; readonly unit: WindowUnit; readonly before: Anchor }
  | { readonly kind: 'all'; readonly of: readonly Expr[] }
  /** "At least one of". */
  | { readonly kind: 'any'; readonly of: readonly Expr[] }
  | { readonly kind: 'not'; readonly of: Expr }
  /**
   * What stays a human judgement. Its fact is `attested.<criterion id>`: whether `text` holds for
   * the patient, by whom and when.
   */
  | { readonly kind: 'attested'; readonly text: string };

export type Side = 'inclusion' | 'exclusion';

export type Computability = 'computable' | 'partly-computable' | 'attested';

export interface Criterion {
  /** `age`, `sex` for the protocol-level limits; `inc-N` / `exc-N` for the record's lines. */
  readonly id: string;
  readonly side: Side;
  /** The registry text, verbatim. */
  readonly text: string;
  readonly computability: Computability;
  readonly expr: Expr;
  /** Why (part of) the criterion was not made computable; absent when it is fully computable. */
  readonly notComputable?: string;
  /** Flaws of the record noticed while parsing (kept verbatim, computed as written). */
  readonly flags: readonly string[];
  /** The expression is the designer's correction (the protocol's `expression`), not the parser's reading of `text`. */
  readonly corrected?: true;
}

const OP_TEXT: Record<CompareOp, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** A one-line rendering of an expression, for explanations and tables. */
export function formatExpr(e: Expr): string {
  switch (e.kind) {
    case 'compare':
      return `${e.fact} ${OP_TEXT[e.op]} ${e.value}${e.unit ? ' ' + e.unit : ''}`;
    case 'is':
      return e.value ? e.fact : `not ${e.fact}`;
    case 'equals':
      return `${e.fact} = ${e.value}`;
    case 'has':
      return `${e.fact} has ${e.code}`;
    case 'within':
      return `${e.fact} within ${e.amount} ${e.unit} before ${e.before}`;
    case 'all':
      return e.of.map((x) => (x.kind === 'any' ? `(${formatExpr(x)})` : formatExpr(x))).join(' and ');
    case 'any':
      return e.of.map((x) => (x.kind === 'all' ? `(${formatExpr(x)})` : formatExpr(x))).join(' or ');
    case 'not':
      return `not (${formatExpr(e.of)})`;
    case 'attested':
      return `attested: "${e.text}"`;
  }
}
