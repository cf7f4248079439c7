import { AppError } from '../../errors/app-error.js';
import type { Expr, Value } from './ast.js';
import { asNumber, formFunctions } from './functions.js';
import { formsErrors } from '../errors.js';

/** What an expression reads: item values (missing as null) and the form's lookup tables. */
export interface EvaluationContext {
  /** An item's value; for `[item(code)]`, whether that option is chosen. */
  readonly item: (id: string, code: string | undefined) => Value;
  readonly lookup: (table: string, key: Value) => Value;
}

/**
 * Truth of a condition: missing stays missing; booleans as they are; a number is true unless 0.
 * Text is no condition, so it is refused (a definition error a test of the form shows at once).
 */
function truth(v: Value, what: string): boolean | null {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  throw new AppError(formsErrors.EXPRESSION_TYPE_ERROR, `${what} needs a condition, not the text "${v}".`, 'expression');
}

/**
 * Equality and order. The empty text '' stands for missing, as in REDCap (`[x] = ''` is true when x
 * has no value); otherwise missing compares as missing. Numbers and numeric text compare as numbers,
 * other text as text (ISO dates and times order correctly as text).
 */
function compare(op: string, a: Value, b: Value): Value {
  if (a === '' || b === '') {
    const blank = (v: Value) => v === '' || v === null;
    const eq = blank(a) && blank(b);
    if (op === '=') return eq;
    if (op === '<>') return !eq;
  }
  if (a === null || b === null) return null;
  const na = asNumber(a);
  const nb = asNumber(b);
  const [x, y]: [number | string, number | string] = na !== null && nb !== null ? [na, nb] : [String(a), String(b)];
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function arithmetic(op: string, a: Value, b: Value): Value {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x === null || y === null) return null;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '^':
      return x ** y;
    // Division by zero has no value: missing, as REDCap leaves such a calculation blank.
    default:
      return y === 0 ? null : x / y;
  }
}

/**
 * Evaluate an expression. Missing propagates through arithmetic, comparisons and functions, except:
 * `and` is false when either side is false and `or` true when either side is true (Kleene logic);
 * `coalesce` and `missing` exist to read missing values; `if` with a missing condition is missing.
 */
export function evaluate(e: Expr, ctx: EvaluationContext): Value {
  switch (e.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return e.value;
    case 'ref':
      return ctx.item(e.item, e.code);
    case 'neg': {
      const n = asNumber(evaluate(e.operand, ctx));
      return n === null ? null : -n;
    }
    case 'not': {
      const t = truth(evaluate(e.operand, ctx), 'not');
      return t === null ? null : !t;
    }
    case 'binary': {
      if (e.op === 'and' || e.op === 'or') {
        const l = truth(evaluate(e.left, ctx), e.op);
        const r = truth(evaluate(e.right, ctx), e.op);
        if (e.op === 'and') return l === false || r === false ? false : l === null || r === null ? null : true;
        return l === true || r === true ? true : l === null || r === null ? null : false;
      }
      const l = evaluate(e.left, ctx);
      const r = evaluate(e.right, ctx);
      return ['+', '-', '*', '/', '^'].includes(e.op) ? arithmetic(e.op, l, r) : compare(e.op, l, r);
    }
    case 'call': {
      if (e.name === 'if') {
        const [cond, then, otherwise] = e.args as [Expr, Expr, Expr];
        const t = truth(evaluate(cond, ctx), 'if');
        return t === null ? null : evaluate(t ? then : otherwise, ctx);
      }
      if (e.name === 'lookup') {
        const [table, key] = e.args as [Expr & { value: string }, Expr];
        return ctx.lookup(table.value, evaluate(key, ctx));
      }
      return formFunctions[e.name]!.apply(e.args.map((a) => evaluate(a, ctx)));
    }
  }
}
