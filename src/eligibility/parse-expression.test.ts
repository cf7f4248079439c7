import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { builtinProtocols } from '../protocol/builtin/index.js';
import { formatExpr, type Expr } from './expression.js';
import { parseExpression } from './parse-expression.js';
import { protocolCriteria } from './protocol-criteria.js';

const message = (source: string): string => {
  try {
    parseExpression(source);
  } catch (e) {
    if (e instanceof AppError && e.code === 'ELIGIBILITY_BAD_EXPRESSION') return e.message;
    throw e;
  }
  throw new Error(`"${source}" parsed`);
};

describe('the criteria language as typed', () => {
  it('reads each kind of condition, with "and"/"or" and parentheses', () => {
    expect(parseExpression('age ≥ 18 years and (ecog <= 1 or karnofsky >= 70 %)')).toEqual({
      kind: 'all',
      of: [
        { kind: 'compare', fact: 'age', op: '>=', value: 18, unit: 'years' },
        {
          kind: 'any',
          of: [
            { kind: 'compare', fact: 'ecog', op: '<=', value: 1, unit: '' },
            { kind: 'compare', fact: 'karnofsky', op: '>=', value: 70, unit: '%' },
          ],
        },
      ],
    } satisfies Expr);
    expect(parseExpression('not pregnant')).toEqual({ kind: 'is', fact: 'pregnant', value: false });
    expect(parseExpression('not (history has cancer)')).toEqual({ kind: 'not', of: { kind: 'has', fact: 'history', code: 'cancer' } });
    expect(parseExpression('sex = female')).toEqual({ kind: 'equals', fact: 'sex', value: 'female' });
    expect(parseExpression('last.stroke within 6 months before screening')).toEqual({ kind: 'within', fact: 'last.stroke', amount: 6, unit: 'months', before: 'screening' });
    expect(parseExpression('attested: "lives within 50 km"')).toEqual({ kind: 'attested', text: 'lives within 50 km' });
    // A unit implied by the fact's definition: BMI is kg/m² (WHO).
    expect(parseExpression('bmi < 30')).toEqual({ kind: 'compare', fact: 'bmi', op: '<', value: 30, unit: 'kg/m2' });
  });
  it('names the character where it stops making sense', () => {
    expect(message('age ≥ 18 years and ecog ≤ 1 or pregnant')).toBe('Character 29 of the expression: "or" after "and" needs parentheses to say which binds first.');
    expect(message('agee ≥ 18 years')).toBe('Character 1 of the expression: "agee" is not a fact of the dictionary.');
    expect(message('weight < 110')).toBe('Character 13 of the expression: the weight limit needs its unit (kg, g, lb).');
    expect(message('age ≥ 18 parsecs')).toMatch(/^Character 10 of the expression: age is not compared in "parsecs"/);
    expect(message('pregnant has yes')).toBe('Character 1 of the expression: "pregnant" is a boolean fact, not a codes one.');
    expect(message('(age ≥ 18 years')).toBe('Character 16 of the expression: expected ")", found the end.');
    expect(message('attested: "open')).toBe('Character 11 of the expression: a quoted text that is never closed.');
    expect(message('')).toBe('Character 1 of the expression: the expression is empty.');
  });
  it('reads back what the parser prints for every computable criterion of the seed protocols', () => {
    const printed = builtinProtocols
      .flatMap((p) => protocolCriteria(p.eligibility))
      .map((c) => formatExpr(c.expr))
      .filter((s) => !s.includes('"'));
    expect(printed.length).toBeGreaterThan(20);
    for (const s of printed) expect(formatExpr(parseExpression(s))).toBe(s);
  });
});
