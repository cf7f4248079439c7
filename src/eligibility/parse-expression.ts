import { AppError } from '../errors/app-error.js';
import type { Anchor, CompareOp, Expr, WindowUnit } from './expression.js';
import { findFact, isCodeValue } from './facts.js';
import { findConversion } from './units.js';
import { eligibilityErrors } from './errors.js';

/**
 * The criteria language as a designer types it, which is what formatExpr prints:
 *   age ≥ 18 years and (ecog ≤ 1 or karnofsky ≥ 70)      not (history has cancer)
 *   pregnant   not pregnant   sex = female   last.stroke within 6 months before screening
 *   attested: "any other text a person confirms"
 * "and" and "or" are not mixed without parentheses (which one binds first is not guessed). Every
 * fact is checked against the dictionary, with its type and unit, and an error names the
 * 1-based character where the expression stops making sense.
 */
const OPS: Readonly<Record<string, CompareOp>> = { '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=' };
const WINDOW_UNITS = new Set<WindowUnit>(['days', 'weeks', 'months', 'years']);
const ANCHORS = new Set<Anchor>(['screening', 'first-dose']);
const TOKEN = /\s*(?:(\()|(\))|(<=|>=|[<>≤≥=])|"((?:[^"\\]|\\.)*)"|([^\s()"<>=≤≥]+))/y;

interface Token {
  readonly at: number;
  readonly kind: '(' | ')' | 'op' | 'string' | 'word';
  readonly text: string;
}

function tokens(source: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (;;) {
    const rest = source.slice(TOKEN.lastIndex);
    if (rest.trim() === '') return out;
    const start = TOKEN.lastIndex + (rest.length - rest.trimStart().length);
    const m = TOKEN.exec(source);
    if (!m) fail(start, rest.trimStart().startsWith('"') ? 'a quoted text that is never closed' : 'a character the language does not use');
    const kind = m[1] ? '(' : m[2] ? ')' : m[3] ? 'op' : m[4] !== undefined ? 'string' : 'word';
    out.push({ at: start, kind, text: m[4] !== undefined ? m[4].replace(/\\(.)/g, '$1') : m[0].trim() });
  }
}

function fail(at: number, what: string): never {
  throw new AppError(eligibilityErrors.BAD_EXPRESSION, `Character ${at + 1} of the expression: ${what}.`, 'expression');
}

/** Parse and check an expression; throws ELIGIBILITY_BAD_EXPRESSION naming the position. */
export function parseExpression(source: string): Expr {
  const ts = tokens(source);
  let i = 0;
  const peek = (): Token | undefined => ts[i];
  const end = (): number => (ts[i] ? ts[i]!.at : source.length);
  const word = (w: string): boolean => peek()?.kind === 'word' && peek()!.text.toLowerCase() === w;
  const expect = (kind: Token['kind'], what: string): Token => {
    const t = peek();
    if (!t || t.kind !== kind) fail(end(), `expected ${what}${t ? `, found "${t.text}"` : ', found the end'}`);
    i++;
    return t;
  };

  const expr = (): Expr => {
    const first = term();
    const joiner = word('and') ? 'and' : word('or') ? 'or' : undefined;
    if (!joiner) return first;
    const of = [first];
    while (word('and') || word('or')) {
      if (!word(joiner)) fail(end(), `"${peek()!.text}" after "${joiner}" needs parentheses to say which binds first`);
      i++;
      of.push(term());
    }
    return { kind: joiner === 'and' ? 'all' : 'any', of };
  };

  const term = (): Expr => {
    const t = peek();
    if (!t) fail(end(), 'expected a condition, found the end');
    if (t.kind === '(') {
      i++;
      const e = expr();
      expect(')', '")"');
      return e;
    }
    if (word('not')) {
      i++;
      if (peek()?.kind === '(') return { kind: 'not', of: term() };
      const f = expect('word', 'a yes/no fact or "(" after "not"');
      factOf(f, 'boolean');
      return { kind: 'is', fact: f.text, value: false };
    }
    if (word('attested') || word('attested:')) {
      i++;
      if (t.text.endsWith(':') === false) expect('word', '":"');
      const s = expect('string', 'the quoted text a person confirms');
      if (s.text.trim() === '') fail(s.at, 'the attested text is empty');
      return { kind: 'attested', text: s.text };
    }
    const f = expect('word', 'a fact name');
    return condition(f);
  };

  const factOf = (t: Token, type: string) => {
    const def = findFact(t.text);
    if (!def) fail(t.at, `"${t.text}" is not a fact of the dictionary`);
    if (def.type !== type) fail(t.at, `"${t.text}" is a ${def.type} fact, not a ${type} one`);
    return def;
  };

  const condition = (f: Token): Expr => {
    const next = peek();
    if (next?.kind === 'op' && next.text !== '=') {
      i++;
      const def = factOf(f, 'number');
      const n = expect('word', 'a number');
      const value = Number(n.text);
      if (!/^-?\d+(?:\.\d+)?$/.test(n.text)) fail(n.at, `"${n.text}" is not a number`);
      let unit = def.unit ?? '';
      const u = peek();
      if (u?.kind === 'word' && !['and', 'or'].includes(u.text.toLowerCase())) {
        i++;
        if (!findConversion(def.units ?? [], u.text)) fail(u.at, `${f.text} is not compared in "${u.text}" (it takes ${(def.units ?? []).map((c) => c.unit).join(', ') || 'no unit'})`);
        unit = u.text;
      } else if (def.unitImplied === undefined) fail(end(), `the ${f.text} limit needs its unit (${(def.units ?? []).map((c) => c.unit).join(', ')})`);
      return { kind: 'compare', fact: f.text, op: OPS[next.text]!, value, unit };
    }
    if (next?.kind === 'op') {
      i++;
      const def = factOf(f, 'code');
      const v = expect('word', 'a value');
      if (!isCodeValue(def, v.text)) fail(v.at, def.values ? `${f.text} is one of ${def.values.join(', ')}` : `"${v.text}" is not a code (lower-case letters, digits and hyphens)`);
      return { kind: 'equals', fact: f.text, value: v.text };
    }
    if (word('has')) {
      i++;
      factOf(f, 'codes');
      const c = expect('word', 'a code');
      if (!/^[a-z0-9][a-z0-9-]*$/.test(c.text)) fail(c.at, `"${c.text}" is not a code (lower-case letters, digits and hyphens)`);
      return { kind: 'has', fact: f.text, code: c.text };
    }
    if (word('within')) {
      i++;
      factOf(f, 'date');
      const n = expect('word', 'a number of days, weeks, months or years');
      if (!/^\d+$/.test(n.text) || Number(n.text) === 0) fail(n.at, `"${n.text}" is not a whole number above 0`);
      const u = expect('word', 'days, weeks, months or years');
      if (!WINDOW_UNITS.has(u.text as WindowUnit)) fail(u.at, `"${u.text}" is not days, weeks, months or years`);
      if (!word('before')) fail(end(), 'expected "before screening" or "before first-dose"');
      i++;
      const a = expect('word', 'screening or first-dose');
      if (!ANCHORS.has(a.text as Anchor)) fail(a.at, `"${a.text}" is not screening or first-dose`);
      return { kind: 'within', fact: f.text, amount: Number(n.text), unit: u.text as WindowUnit, before: a.text as Anchor };
    }
    factOf(f, 'boolean');
    return { kind: 'is', fact: f.text, value: true };
  };

  if (ts.length === 0) fail(0, 'the expression is empty');
  const e = expr();
  if (i < ts.length) fail(ts[i]!.at, `"${ts[i]!.text}" does not continue the expression`);
  return e;
}

/** The ELIGIBILITY_BAD_EXPRESSION sentence for a source that does not parse (without its full stop), or undefined when it does. */
export function expressionIssue(source: string): string | undefined {
  try {
    parseExpression(source);
    return undefined;
  } catch (e) {
    if (e instanceof AppError && e.code === 'ELIGIBILITY_BAD_EXPRESSION') return e.message.replace(/\.$/, '');
    throw e;
  }
}
