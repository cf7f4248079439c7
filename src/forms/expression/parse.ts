import type { BinaryOp, Expr } from './ast.js';
import { formFunctions } from './functions.js';
import { expressionError, lex, type Token } from './lex.js';

/**
 * Parse an expression (recursive descent, no eval). Precedence, loosest first: `or`, `and`, `not`,
 * comparisons (`=`, `<>`, `<`, `<=`, `>`, `>=`; not chained), `+ -`, `* /`, unary minus, `^`
 * (power, as REDCap calculations write it; right to left, so 2^3^2 is 2^9).
 */
export function parseExpression(source: string): Expr {
  const tokens = lex(source);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const isOp = (...ops: string[]) => {
    const t = peek();
    return (t.kind === 'op' && ops.includes(t.value)) || (t.kind === 'name' && ops.includes(t.value.toLowerCase()));
  };
  const take = () => tokens[pos++]!;
  const expectOp = (op: string, what: string) => {
    if (!isOp(op)) throw expressionError(source, peek().at, `expected "${op}" ${what}`);
    take();
  };

  const binaryLevel = (ops: readonly string[], next: () => Expr) => (): Expr => {
    let left = next();
    while (isOp(...ops)) {
      const t = take() as { value: string };
      left = { kind: 'binary', op: t.value.toLowerCase() as BinaryOp, left, right: next() };
    }
    return left;
  };

  const primary = (): Expr => {
    const t = take();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: t.value };
      case 'string':
        return { kind: 'string', value: t.value };
      case 'ref':
        return t.code === undefined ? { kind: 'ref', item: t.item } : { kind: 'ref', item: t.item, code: t.code };
      case 'name': {
        const lower = t.value.toLowerCase();
        if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true' };
        const fn = formFunctions[t.value];
        if (!fn) throw expressionError(source, t.at, `"${t.value}" is not a function of the language (${Object.keys(formFunctions).join(', ')}); items are written in brackets, [${t.value}]`);
        expectOp('(', `after ${t.value}`);
        const args: Expr[] = [];
        if (!isOp(')')) {
          args.push(or());
          while (isOp(',')) {
            take();
            args.push(or());
          }
        }
        expectOp(')', `to close ${t.value}(`);
        if (args.length < fn.minArgs || args.length > fn.maxArgs) {
          const want = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs > 100 ? `at least ${fn.minArgs}` : `${fn.minArgs} or ${fn.maxArgs}`;
          throw expressionError(source, t.at, `${t.value} takes ${want} argument${want.endsWith(' 1') || want === '1' ? '' : 's'}, not ${args.length}`);
        }
        if (t.value === 'lookup' && args[0]?.kind !== 'string') throw expressionError(source, t.at, "lookup's first argument is the table's name in quotes, lookup('table', [item])");
        return { kind: 'call', name: t.value, args };
      }
      case 'op':
        if (t.value === '(') {
          const inner = or();
          expectOp(')', 'to close "("');
          return inner;
        }
        if (t.value === '-') return { kind: 'neg', operand: power() };
        throw expressionError(source, t.at, `"${t.value}" cannot start a value`);
      case 'end':
        throw expressionError(source, t.at, 'the expression ends where a value is expected');
    }
  };
  const power = (): Expr => {
    const base = primary();
    if (!isOp('^')) return base;
    take();
    // `-` after `^` belongs to the exponent: 2^-1 = 0.5.
    return { kind: 'binary', op: '^', left: base, right: isOp('-') ? (take(), { kind: 'neg', operand: power() }) : power() };
  };
  const mul = binaryLevel(['*', '/'], power);
  const add = binaryLevel(['+', '-'], mul);
  const comparison = (): Expr => {
    const left = add();
    if (!isOp('=', '<>', '<', '<=', '>', '>=')) return left;
    const op = (take() as { value: string }).value as BinaryOp;
    const right = add();
    if (isOp('=', '<>', '<', '<=', '>', '>=')) throw expressionError(source, peek().at, 'comparisons cannot be chained; join them with and');
    return { kind: 'binary', op, left, right };
  };
  const not = (): Expr => {
    if (isOp('not')) {
      take();
      return { kind: 'not', operand: not() };
    }
    return comparison();
  };
  const and = binaryLevel(['and'], not);
  const or = binaryLevel(['or'], and);

  const result = or();
  const rest = peek();
  if (rest.kind !== 'end') throw expressionError(source, rest.at, 'unexpected text after the end of the expression');
  return result;
}
