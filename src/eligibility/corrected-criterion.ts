import type { Computability, Criterion, Expr, Side } from './expression.js';
import { parseExpression } from './parse-expression.js';

/** The texts an expression leaves to a person's attestation, in reading order. */
export function attestedTexts(e: Expr): string[] {
  if (e.kind === 'attested') return [e.text];
  if (e.kind === 'all' || e.kind === 'any') return e.of.flatMap(attestedTexts);
  if (e.kind === 'not') return attestedTexts(e.of);
  return [];
}

/**
 * A criterion read from the designer's expression (the protocol's `expression`) instead of the
 * parser's reading of its text; the verbatim text stays beside it. Throws ELIGIBILITY_BAD_EXPRESSION.
 */
export function correctedCriterion(id: string, side: Side, text: string, expression: string): Criterion {
  const expr = parseExpression(expression);
  const left = attestedTexts(expr);
  const computability: Computability = expr.kind === 'attested' ? 'attested' : left.length > 0 ? 'partly-computable' : 'computable';
  const notComputable = left.length > 0 ? `the correction leaves ${left.map((t) => `"${t}"`).join(' and ')} to a person's attestation` : undefined;
  return { id, side, text, computability, expr, ...(notComputable ? { notComputable } : {}), flags: [], corrected: true };
}
