import { expect } from 'vitest';
import type { Expr, Side } from './expression.js';
import { parseCriterionLine } from './parse-line.js';

/** Expression builders and expectations for the tests that pin a line's reading. */
export const cmp = (fact: string, op: '<' | '<=' | '>' | '>=', value: number, unit: string): Expr => ({ kind: 'compare', fact, op, value, unit });
export const has = (fact: string, code: string): Expr => ({ kind: 'has', fact, code });
export const any = (...of: Expr[]): Expr => ({ kind: 'any', of });
export const all = (...of: Expr[]): Expr => ({ kind: 'all', of });
export const within = (fact: string, amount: number, unit: 'days' | 'weeks' | 'months', before: 'screening' | 'first-dose'): Expr => ({ kind: 'within', fact, amount, unit, before });
export const rest = (text: string): Expr => ({ kind: 'attested', text });

export const read = (side: Side, text: string) => parseCriterionLine('x', side, text);
export const inc = (text: string) => read('inclusion', text);
export const exc = (text: string) => read('exclusion', text);
export function computes(c: ReturnType<typeof read>, expr: Expr): void {
  expect(c.computability).toBe('computable');
  expect(c.expr).toEqual(expr);
}
export function partly(c: ReturnType<typeof read>, expr: Expr): void {
  expect(c.computability).toBe('partly-computable');
  expect(c.expr).toEqual(expr);
}
export function attested(c: ReturnType<typeof read>, reason: RegExp): void {
  expect(c.computability).toBe('attested');
  expect(c.notComputable).toMatch(reason);
}
