import type { Anchor, CompareOp, Computability, Criterion, Expr, Side, WindowUnit } from './expression.js';
import { findFact } from './facts.js';
import { fillerWords, judgementWords, lexicon, type CodeTerm, type EventTerm, type FlagTerm, type NumericTerm } from './lexicon.js';
import { findConversion, normalizeUnit } from './units.js';

/**
 * Registry text → criterion, by deterministic rules (no model). Phrases from the lexicon become
 * computable parts; whatever words are left over become one attested remainder, with the reason.
 */

/** Whole lines that stay a human judgement whatever they mention, and why. */
const ATTESTED_LINES: readonly (readonly [RegExp, string])[] = [
  [/informed consent/i, 'consent is given by the patient and recorded by a person, not computed'],
  [/^permitted\b/i, 'it says what treatment is permitted, not a condition to check'],
  [/women of (?:reproductive|childbearing) (?:age|potential)/i, 'it applies to women of childbearing potential, a status the fact dictionary does not hold'],
  [/\bexcept\b/i, 'it makes exceptions that the diagnosis codes cannot express'],
  [/should be taken/i, 'it is a commitment for the future, not a fact at screening'],
];

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, twelve: 12 };
const AMOUNT = '(\\d+|one|two|three|four|five|six|twelve)';
const UNIT_WORD = '(days?|weeks?|months?|years?)';
const WINDOWS: readonly (readonly [RegExp, (anchorText: string) => Anchor])[] = [
  [
    new RegExp(`within ${AMOUNT} ${UNIT_WORD} (?:before|prior to|of) (?:the )?(begin(?:ning)? with study medication|first dose|enrol?l?ment|screening(?: visit)?|baseline(?: visit)?|inclusion)`, 'gi'),
    (a) => (/medication|dose|baseline/i.test(a) ? 'first-dose' : 'screening'),
  ],
  [new RegExp(`in the (?:last|past) ${AMOUNT} ${UNIT_WORD}()`, 'gi'), () => 'screening'],
];

const OP = '(>=|<=|>|<|above|over|more than|greater than|under|below|less than|at least)';
const NUM = '(1:\\d+|\\d+(?:\\.\\d+)?)';
const UNIT =
  '(×\\s*10\\^?\\d+\\s*/\\s*l|x\\s*10\\^?\\d+\\s*/\\s*l|10\\^?\\d+\\s*/\\s*l|/\\s*mm3|/\\s*mm³|/\\s*µl|/\\s*ul|mg/kg/d(?:ay)?|mg/kg|mg/day|mg/d\\b|g/day|g/24\\s*h|g/l|mg/dl|iu/l|u/l|µkat/l|ml/min|ml/s|mg|kg|lb|g\\b|mm|cm|years?|months?|uln|n\\b|times the upper limit of normal)';
const LEAD = '[\\s(),:]*(?:(?:score|scores|values?|count|dose|therapy|with dose)\\s*)?[\\s(),:]*';
const COMPARISON = new RegExp(`${LEAD}${OP}\\s*${NUM}\\s*${UNIT}?`, 'iy');
// "(3 times the upper limit of normal >)": the operator written after the number (NCT04952155).
const TRAILING_OP = new RegExp(`${LEAD}${NUM}\\s*(times the upper limit of normal|[×x]\\s*ULN)\\s*(>|<)`, 'iy');
const CONTINUATION = new RegExp(`\\s*,?\\s*(or|and)\\s+${OP}\\s*${NUM}\\s*${UNIT}?`, 'iy');

const OP_WORDS: Readonly<Record<string, CompareOp>> = {
  '>=': '>=', '<=': '<=', '>': '>', '<': '<', above: '>', over: '>', 'more than': '>', 'greater than': '>',
  under: '<', below: '<', 'less than': '<', 'at least': '>=',
};

interface Comparison {
  readonly op: CompareOp;
  readonly value: number;
  /** Normalised unit as written, '' when none. */
  readonly unit: string;
}

interface Atom {
  readonly start: number;
  readonly end: number;
  readonly expr: Expr;
}

/** Unicode and markup variants of one thing written one way; decimal commas as points. */
export function normalizeCriterionText(text: string): string {
  return text
    .replace(/\\([<>[\]()*_-])/g, '$1')
    .replace(/≥|=>/g, '>=')
    .replace(/≤|=</g, '<=')
    .replace(/＞/g, '>')
    .replace(/＜/g, '<')
    .replace(/[´’‘`]/g, "'")
    .replace(/(\d),(\d{3})(?!\d)/g, '$1$2')
    .replace(/(\d),(\d{1,2})(?!\d)/g, '$1.$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function unitOf(written: string | undefined): string {
  if (!written) return '';
  const u = normalizeUnit(written);
  if (u === 'n' || u === 'uln' || u === 'timestheupperlimitofnormal' || u === '×uln' || u === 'xuln') return '×uln';
  if (u === 'year') return 'years';
  if (u === 'month') return 'months';
  return u;
}

function comparison(op: string, num: string, unit: string | undefined): Comparison {
  const value = num.startsWith('1:') ? Number(num.slice(2)) : Number(num);
  return { op: OP_WORDS[op.toLowerCase()] ?? '>', value, unit: unitOf(unit) };
}

/** Comparisons written right after a phrase ("≥ 6", "under 45kg or more than 80kg"). */
function readComparisons(text: string, from: number): { comparisons: Comparison[]; end: number; connective: 'any' | 'all'; opAfter: boolean } | undefined {
  COMPARISON.lastIndex = from;
  let m = COMPARISON.exec(text);
  let opAfter = false;
  let first: Comparison;
  if (m) first = comparison(m[1]!, m[2]!, m[3]);
  else {
    TRAILING_OP.lastIndex = from;
    m = TRAILING_OP.exec(text);
    if (!m) return undefined;
    first = comparison(m[3]!, m[1]!, m[2]);
    opAfter = true;
  }
  const comparisons = [first];
  let end = from + m[0].length;
  let connective: 'any' | 'all' = 'any';
  CONTINUATION.lastIndex = end;
  let c: RegExpExecArray | null;
  while ((c = CONTINUATION.exec(text))) {
    connective = c[1]!.toLowerCase() === 'and' ? 'all' : 'any';
    comparisons.push(comparison(c[2]!, c[3]!, c[4]));
    end += c[0].length;
    CONTINUATION.lastIndex = end;
  }
  return { comparisons, end, connective, opAfter };
}

function accepts(fact: string, unit: string): boolean {
  const def = findFact(fact);
  if (!def || def.type !== 'number') return false;
  return unit === '' || findConversion(def.units ?? [], unit) !== undefined;
}

function compareExpr(fact: string, c: Comparison): Expr {
  const def = findFact(fact);
  return { kind: 'compare', fact, op: c.op, value: c.value, unit: c.unit === '' ? (def?.unit ?? '') : c.unit };
}

const anyOf = (of: Expr[]): Expr => (of.length === 1 ? of[0]! : { kind: 'any', of });
const allOf = (of: Expr[]): Expr => (of.length === 1 ? of[0]! : { kind: 'all', of });

/** A short phrase the parenthesised comparison defines: "renal insufficiency (creatinine clearance ≤30ml/min)". */
function definedPhraseStart(text: string, start: number): number {
  const m = /([A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2}) ?\( ?$/.exec(text.slice(0, start));
  return m ? m.index : start;
}

class LineParser {
  readonly atoms: Atom[] = [];
  readonly reasons: string[] = [];
  readonly flags: string[] = [];
  private readonly covered: boolean[];
  private readonly windows: { start: number; end: number; amount: number; unit: WindowUnit; before: Anchor }[] = [];

  constructor(
    readonly text: string,
    readonly side: Side,
  ) {
    this.covered = new Array<boolean>(text.length).fill(false);
    for (const [re, anchor] of WINDOWS) {
      for (const m of text.matchAll(re)) {
        const amount = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
        const unit = (m[2]!.toLowerCase().replace(/s?$/, 's')) as WindowUnit;
        this.windows.push({ start: m.index, end: m.index + m[0].length, amount, unit, before: anchor(m[3] ?? '') });
      }
    }
  }

  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.covered[i]) return false;
    return true;
  }

  add(start: number, end: number, expr: Expr): void {
    for (let i = start; i < end; i++) this.covered[i] = true;
    this.atoms.push({ start, end, expr });
  }

  /** "Positive for autoantibody (serum and or CSF): NMDAR, …, or glutamic acid decarboxylase (GAD)". */
  antibodyList(): void {
    const m = /positive for (?:auto)?antibod(?:y|ies)[^:]*:\s*(.+)$/i.exec(this.text);
    if (!m) return;
    const items = m[1]!.split(/,\s*(?:or\s+)?|\s+or\s+/).map((s) => s.trim()).filter((s) => s !== '');
    const codes = items.map((item) => {
      // An abbreviation in parentheses names the antibody; what follows it ("(AMPA) 1") belongs to it.
      const abbr = /\(([^()]+)\)\s*(.*)$/.exec(item);
      const name = abbr ? abbr[1]! + abbr[2]! : item;
      return name.toLowerCase().replace(/^-|^anti-/, '').replace(/\s+/g, '').replace(/[^a-z0-9-]/g, '');
    });
    this.add(m.index, this.text.length, anyOf(codes.map((code) => ({ kind: 'has', fact: 'autoantibodies', code }))));
  }

  nyha(): void {
    const re = /(>=|>)\s*(?:NYHA\s*)?(?:grade|class)\s*(IV|III|II|I)\b(?:\s*NYHA)?/gi;
    const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
    for (const m of this.text.matchAll(re)) {
      const start = definedPhraseStart(this.text, m.index);
      const op: CompareOp = m[1] === '>' ? '>' : '>=';
      this.add(start, m.index + m[0].length, { kind: 'compare', fact: 'nyha_class', op, value: roman[m[2]!.toUpperCase()]!, unit: 'class' });
    }
  }

  age(): void {
    for (const m of this.text.matchAll(/(\d+)\s*(?:-|–|to)\s*(\d+)\s*years?/gi)) {
      this.add(m.index, m.index + m[0].length, allOf([
        { kind: 'compare', fact: 'age', op: '>=', value: Number(m[1]), unit: 'years' },
        { kind: 'compare', fact: 'age', op: '<=', value: Number(m[2]), unit: 'years' },
      ]));
    }
    for (const m of this.text.matchAll(/at least (\d+) years? (?:old|of age)/gi)) {
      if (this.free(m.index, m.index + m[0].length)) this.add(m.index, m.index + m[0].length, { kind: 'compare', fact: 'age', op: '>=', value: Number(m[1]), unit: 'years' });
    }
  }

  numeric(term: NumericTerm, m: RegExpExecArray): void {
    const start = m.index;
    const found = readComparisons(this.text, start + m[0].length);
    if (!found) return;
    const uln = found.comparisons.some((c) => c.unit === '×uln');
    const facts = uln ? term.ulnFacts : term.facts;
    const unit = found.comparisons.find((c) => c.unit !== '')?.unit ?? '';
    if (!facts || !facts.every((f) => accepts(f, unit))) {
      this.reasons.push(`"${m[0]}" is compared in a unit (${unit}) that its fact does not accept`);
      return;
    }
    if (found.opAfter) this.flags.push(`"${this.text.slice(start, found.end)}" writes the operator after the number; read as ${found.comparisons[0]!.op}.`);
    const perFact = facts.map((f) => {
      const cmps = found.comparisons.map((c) => compareExpr(f, { ...c, unit: c.unit || unit }));
      return cmps.length === 1 ? cmps[0]! : { kind: found.connective, of: cmps } as Expr;
    });
    this.add(definedPhraseStart(this.text, start), found.end, anyOf(perFact));
  }

  code(term: CodeTerm, m: RegExpExecArray): void {
    const before = this.text.slice(0, m.index);
    // "Serious infection", "other biologics": a qualified phrase is a judgement, left to the remainder.
    if (/\b(?:severe?|serious|relevant|significant|other)\s+(?:[\w-]+\s+)?$/i.test(before)) return;
    let fact: string = term.fact;
    if (term.fact === 'treatments') {
      const prior = [...before.matchAll(/pre-?treatment with|history of|prior treatment|previous(?:ly)?|ever received/gi)].pop();
      const current = [...before.matchAll(/receiving|currently|current/gi)].pop();
      if (!prior && !current) {
        this.reasons.push(`"${m[0]}" is named without saying whether past or current treatment is meant`);
        return;
      }
      fact = (prior?.index ?? -1) > (current?.index ?? -1) ? 'prior_treatments' : 'current_treatments';
    }
    if (term.flag && term.flag.when.test(m[0])) this.flags.push(term.flag.text);
    this.add(m.index, m.index + m[0].length, { kind: 'has', fact, code: term.code });
  }

  flag(term: FlagTerm, m: RegExpExecArray): void {
    const clause = this.text.slice(0, m.index).split(/[,;:(]/).pop() ?? '';
    const negative = /\bnegative\b/i.test(clause);
    const exprs = term.facts.map((fact): Expr => ({ kind: 'is', fact, value: !negative }));
    // "Negative for hepatitis B and C": none of them; "decreased C3 or C4": any of them.
    this.add(m.index, m.index + m[0].length, negative ? allOf(exprs) : anyOf(exprs));
  }

  event(term: EventTerm, m: RegExpExecArray): void {
    const end = m.index + m[0].length;
    const window = this.windows.find((w) => w.start >= end) ?? this.windows[0];
    if (!window) {
      this.reasons.push(`no time window is given for "${m[0]}"`);
      return;
    }
    if (term.flag && term.flag.when.test(m[0])) this.flags.push(term.flag.text);
    const within: Expr = { kind: 'within', fact: term.fact, amount: window.amount, unit: window.unit, before: window.before };
    const dose = term.doseFact ? readComparisons(this.text, end) : undefined;
    const doseUnit = dose?.comparisons[0]?.unit ?? '';
    if (dose && term.doseFact && accepts(term.doseFact, doseUnit) && dose.comparisons.length === 1) {
      this.add(m.index, dose.end, allOf([within, compareExpr(term.doseFact, dose.comparisons[0]!)]));
    } else {
      this.add(m.index, end, within);
    }
    for (let i = window.start; i < window.end; i++) this.covered[i] = true;
  }

  terms(): void {
    for (const term of lexicon) {
      const re = new RegExp(term.pattern.source, 'gi');
      for (const m of this.text.matchAll(re)) {
        if (!this.free(m.index, m.index + m[0].length)) continue;
        const match = m as RegExpExecArray;
        if (term.kind === 'numeric') this.numeric(term, match);
        else if (term.kind === 'code') this.code(term, match);
        else if (term.kind === 'flag') this.flag(term, match);
        else this.event(term, match);
      }
    }
  }

  /** Words no atom covers, other than filler. */
  leftover(): { words: string[]; text: string } {
    const chars = [...this.text].map((ch, i) => (this.covered[i] ? ' ' : ch)).join('');
    const words = (chars.match(/[A-Za-zÀ-ÿ][\w'./-]*/g) ?? []).filter((w) => !fillerWords.has(w.toLowerCase().replace(/[.,;:]+$/, '')));
    const text = chars
      .replace(/[()]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s*([,;:])(?:\s*[,;:.])+/g, '$1')
      .replace(/\s+([,;:.])/g, '$1')
      .replace(/^[\s,;:.]+|[\s,;:.]+$/g, '');
    return { words, text };
  }
}

/** Parse one inclusion or exclusion line into a criterion; the verbatim text is kept beside it. */
export function parseCriterionLine(id: string, side: Side, verbatim: string): Criterion {
  const text = normalizeCriterionText(verbatim);
  const whole = ATTESTED_LINES.find(([re]) => re.test(text));
  if (whole) return { id, side, text: verbatim, computability: 'attested', expr: { kind: 'attested', text: verbatim }, notComputable: whole[1], flags: [] };

  const p = new LineParser(text, side);
  p.antibodyList();
  p.nyha();
  p.age();
  p.terms();
  // The same reading twice ("Cancer or history of cancer") is one alternative.
  const seen = new Set<string>();
  const atoms = [...p.atoms]
    .sort((a, b) => a.start - b.start)
    .filter((a) => {
      const key = JSON.stringify(a.expr);
      return !seen.has(key) && seen.add(key) !== undefined;
    });
  const left = p.leftover();
  const judgement = judgementWords.flatMap((re) => (left.text.match(re) ?? []).map((w) => w.toLowerCase()));
  const reasons = [
    ...p.reasons,
    ...(judgement.length > 0 ? [`it needs judgement (${[...new Set(judgement)].join(', ')})`] : []),
    ...(left.words.length > 0 ? [`no rule reads "${left.text}"`] : []),
  ];
  const flags = [...p.flags];
  if (atoms.length === 0) {
    return { id, side, text: verbatim, computability: 'attested', expr: { kind: 'attested', text: verbatim }, notComputable: reasons.join('; ') || 'no rule reads it', flags };
  }

  const exprs = atoms.map((a) => a.expr);
  const remainder = left.words.length > 0 || judgement.length > 0;
  if (remainder) exprs.push({ kind: 'attested', text: left.text });
  const alternatives =
    side === 'exclusion' ||
    /at least one|one of the following|\bincluding\b|\bsuch as\b/i.test(text) ||
    (atoms.length > 1 && atoms.slice(1).every((a, i) => /\bor\b/i.test(text.slice(atoms[i]!.end, a.start))));
  const expr = alternatives ? anyOf(exprs) : allOf(exprs);
  if (side === 'inclusion' && atoms.every((a) => isAboveUln(a.expr))) {
    flags.push('An inclusion criterion that requires values above the upper limit of normal reads like an exclusion; it is computed as written.');
  }
  const computability: Computability = remainder ? 'partly-computable' : 'computable';
  return { id, side, text: verbatim, computability, expr, ...(remainder ? { notComputable: reasons.join('; ') } : {}), flags };
}

function isAboveUln(e: Expr): boolean {
  if (e.kind === 'compare') return e.unit === '×uln' && (e.op === '>' || e.op === '>=');
  if (e.kind === 'any' || e.kind === 'all') return e.of.every(isAboveUln);
  return false;
}
