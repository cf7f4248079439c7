import { AppError } from '../../errors/app-error.js';
import { formsErrors } from '../errors.js';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | { readonly kind: 'ref'; readonly item: string; readonly code?: string; readonly at: number }
  | { readonly kind: 'name'; readonly value: string; readonly at: number }
  | { readonly kind: 'op'; readonly value: string; readonly at: number }
  | { readonly kind: 'end'; readonly at: number };

/** Where a problem is, as a user reads it: 1-based character position. */
export function expressionError(source: string, at: number, what: string): AppError {
  return new AppError(formsErrors.EXPRESSION_INVALID, `Expression "${source}" at character ${at + 1}: ${what}.`, 'expression');
}

const itemId = /^[A-Za-z][A-Za-z0-9_-]*$/;
const operators = ['<=', '>=', '<>', '!=', '==', '+', '-', '*', '/', '^', '=', '<', '>', '(', ')', ','];

/** Split an expression into tokens; the only characters accepted are those of the language. */
export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i));
      if (!m) throw expressionError(source, i, `"${c}" does not start a number`);
      tokens.push({ kind: 'number', value: Number(m[0]), at: i });
      i += m[0].length;
    } else if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw expressionError(source, i, 'the text is not closed by a matching quote');
      tokens.push({ kind: 'string', value: source.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (c === '[') {
      const end = source.indexOf(']', i);
      if (end < 0) throw expressionError(source, i, 'the item reference is not closed by "]"');
      const m = /^([^()]+)(?:\(([^()]+)\))?$/.exec(source.slice(i + 1, end).trim());
      const item = m?.[1]?.trim();
      if (!item || !itemId.test(item)) throw expressionError(source, i, `"${source.slice(i, end + 1)}" is not an item reference like [item] or [item(code)]`);
      const code = m?.[2]?.trim();
      tokens.push(code === undefined ? { kind: 'ref', item, at: i } : { kind: 'ref', item, code, at: i });
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'name', value: m[0], at: i });
      i += m[0].length;
    } else {
      const op = operators.find((o) => source.startsWith(o, i));
      if (!op) throw expressionError(source, i, `"${c}" is not part of the expression language`);
      // `==` and `!=` are accepted spellings of `=` and `<>`.
      tokens.push({ kind: 'op', value: op === '==' ? '=' : op === '!=' ? '<>' : op, at: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}
