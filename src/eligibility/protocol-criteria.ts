import type { EligibilityText } from '../protocol/schema.js';
import type { Criterion, Expr } from './expression.js';
import { correctedCriterion } from './corrected-criterion.js';
import { parseCriterionLine } from './parse-line.js';

/**
 * All criteria of a protocol, in screening order: the protocol-level age and sex limits first
 * (ids `age`, `sex`), then the inclusion lines, then the exclusion lines. Sex `all` sets no limit.
 * A line with the designer's `expression` is read from it instead of the parser's reading.
 */
export function protocolCriteria(eligibility: EligibilityText): readonly Criterion[] {
  const out: Criterion[] = [];
  const { minAge, maxAge } = eligibility;
  const ageParts: Expr[] = [
    ...(minAge ? [{ kind: 'compare', fact: 'age', op: '>=', value: minAge.value, unit: minAge.unit } as const] : []),
    ...(maxAge ? [{ kind: 'compare', fact: 'age', op: '<=', value: maxAge.value, unit: maxAge.unit } as const] : []),
  ];
  if (ageParts.length > 0) {
    const range = [minAge ? `${minAge.value} ${minAge.unit}` : 'any age', maxAge ? `${maxAge.value} ${maxAge.unit}` : 'no upper limit'].join(' to ');
    out.push({
      id: 'age',
      side: 'inclusion',
      text: `Ages eligible: ${range}`,
      computability: 'computable',
      expr: ageParts.length === 1 ? ageParts[0]! : { kind: 'all', of: ageParts },
      flags: [],
    });
  }
  if (eligibility.sex !== 'all') {
    out.push({ id: 'sex', side: 'inclusion', text: `Sexes eligible: ${eligibility.sex}`, computability: 'computable', expr: { kind: 'equals', fact: 'sex', value: eligibility.sex }, flags: [] });
  }
  for (const side of ['inclusion', 'exclusion'] as const) {
    for (const c of eligibility[side]) out.push(c.expression === undefined ? parseCriterionLine(c.id, side, c.text) : correctedCriterion(c.id, side, c.text, c.expression));
  }
  return out;
}
