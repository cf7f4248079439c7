import { contentWords } from './content-words.js';
import { ITEM_NUMBER } from './item-number.js';
import type { Expr, Side } from './expression.js';
import { allOf, anyOf, type Reading } from './combine.js';
import { definedPhraseStart, readComparisons, type Comparison } from './comparisons.js';
import { findFact, lastOccurrenceFactName } from './facts.js';
import { lexicon, type CodeTerm, type EventTerm, type FlagTerm, type NumericTerm, type Term } from './lexicon.js';
import { negate } from './negation.js';
import { qualify, type Qualified } from './qualifiers.js';
import { findWindows, flagImpliedAnchor, type TimeWindow } from './time-windows.js';
import { findConversion } from './units.js';
import { COMPOUND, compoundTerm } from './compound-names.js';
import { namedConditions } from './named-conditions.js';
import { windowFor } from './window-for.js';
import { numericTermAt } from './numeric-terms.js';
import { inheritedTense, lineTense, treatmentTense } from './line-tense.js';

// Devices recorded as diagnoses while implanted (condition-lexicon.ts, organ-condition-names.ts, more-condition-names.ts).
const IMPLANTED_DEVICES = new Set([
  'cardiac-pacemaker',
  'cardiac-implantable-device',
  'implantable-cardioverter-defibrillator',
  'cochlear-implant',
  'left-ventricular-assist-device',
  'mechanical-heart-valve',
  'prosthetic-heart-valve',
  'metallic-implant',
]);

/**
 * The readings of one normalised line: which characters each reading covers, the reasons for what
 * could not be read, and the record flaws noticed. parse-line.ts joins the readings into a criterion.
 */
export class LineParser {
  readonly readings: (Reading & { kind: 'compare' | 'term' })[] = [];
  readonly reasons: string[] = [];
  readonly flags: string[] = [];
  /** Phrases read within a window that may not bind them: the rest of their meaning stays attested. */
  readonly unsure: { readonly phrase: string; readonly window: string }[] = [];
  /** Narrowing words read as attested beside a name ("severe" renal impairment, in an exclusion). */
  readonly narrowed: string[] = [];
  readonly windows: TimeWindow[];
  private readonly covered: boolean[];
  private readonly named: boolean[];

  constructor(
    readonly text: string,
    readonly side: Side,
  ) {
    this.covered = new Array<boolean>(text.length).fill(false);
    this.named = new Array<boolean>(text.length).fill(false);
    this.windows = findWindows(text, side);
  }

  isCovered = (i: number): boolean => this.covered[i] === true;
  /** Covered, or a name the vocabulary knows (read or not): "HIV or hepatitis C" shares nothing. */
  isNamed = (i: number): boolean => this.covered[i] === true || this.named[i] === true;

  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.covered[i]) return false;
    return true;
  }

  cover(start: number, end: number, value = true): void {
    for (let i = start; i < end; i++) this.covered[i] = value;
  }

  add(start: number, end: number, expr: Expr, kind: 'compare' | 'term'): void {
    this.cover(start, end);
    this.readings.push({ start, end, expr, kind });
  }

  windowAt = (i: number): number => this.windows.find((w) => w.start === i)?.end ?? -1;

  /** The unit a fact's threshold is read in, or the reason it cannot be. */
  unitFor(fact: string, unit: string): string | { reason: string } {
    const def = findFact(fact);
    if (!def || def.type !== 'number') return { reason: `${fact} is not a number` };
    if (unit === '') return def.unitImplied !== undefined ? (def.unit ?? '') : { reason: `the unit of the ${fact} limit is not stated` };
    return findConversion(def.units ?? [], unit) ? unit : { reason: `${fact} is compared in a unit (${unit}) that its fact does not accept` };
  }

  compare(fact: string, c: Comparison, unit: string): Expr {
    return { kind: 'compare', fact, op: c.op, value: c.value, unit };
  }

  /** Comparisons of facts: one reading per fact (any of a term's facts, "transaminases"), and per term as `each` says. */
  comparisons(termFacts: readonly (readonly string[])[], start: number, from: number, phrase: string, each = false): boolean {
    const found = readComparisons(this.text, from, this.side);
    if (!found) return false;
    const written = found.comparisons.find((c) => c.unit !== '')?.unit ?? '';
    const units = new Map(termFacts.flat().map((f) => [f, this.unitFor(f, written)]));
    const bad = [...units.values()].find((u): u is { reason: string } => typeof u !== 'string');
    if (bad) {
      this.reasons.push(`"${phrase}": ${bad.reason}`);
      return false;
    }
    if (found.opAfter) this.flags.push(`"${this.text.slice(start, found.end)}" writes the operator after the number; read as ${found.comparisons[0]!.op}.`);
    const perFact = (f: string) => {
      const cmps = found.comparisons.map((c) => this.compare(f, c, units.get(f) as string));
      return found.connective === 'all' ? allOf(cmps) : anyOf(cmps);
    };
    const perTerm = termFacts.map((facts) => anyOf(facts.map(perFact)));
    this.add(definedPhraseStart(this.text, start), found.end, each ? allOf(perTerm) : anyOf(perTerm), 'compare');
    return true;
  }

  numeric(term: NumericTerm, m: RegExpMatchArray): void {
    // Words before a laboratory value's name add a condition (the remainder), they do not change the value compared.
    const start = m.index!;
    let from = start + m[0].length;
    // "AST and ALT ≤ 2.5 × ULN", "AST/ALT > 3 × ULN": one comparison for several values.
    const shared: NumericTerm[] = [term];
    let joiner = '';
    for (;;) {
      const join = /^\s*(and\/or|and|or|\/|,)\s*/i.exec(this.text.slice(from));
      const next = join && numericTermAt(this.text, from + join[0].length);
      if (!join || !next || readComparisons(this.text, from, this.side)) break;
      joiner ||= join[1]!.toLowerCase();
      shared.push(next.term);
      from += join[0].length + next.length;
    }
    // "changes in body weight", "weight loss": the value is not the fact itself.
    const before = this.text.slice(Math.max(0, start - 30), start);
    // "Variation in systolic blood pressure of > 20 mm Hg": the word before the name says so whatever follows it.
    if (DERIVED.test(before) || DERIVED.test(`${before} ${this.text.slice(from, from + 12)}`)) return void this.reasons.push(`"${m[0]}" is qualified as a change or ratio, not the value itself`);
    if (term.facts[0] === 'ecog' && this.ecogList(start, from)) return;
    const found = readComparisons(this.text, from, this.side);
    if (!found) return;
    if (AFTER_EVENT.test(this.text.slice(found.end))) return void this.reasons.push(`"${m[0]}" is limited after another event, not at screening`);
    const unit = found.comparisons.find((c) => c.unit !== '')?.unit;
    const factsOf = (t: NumericTerm) => (unit === '×uln' ? t.ulnFacts : unit === '×lln' ? t.llnFacts : t.facts);
    if (shared.some((t) => !factsOf(t))) {
      return void this.reasons.push(`"${m[0]}" has no fact relative to the ${unit === '×uln' ? 'upper' : 'lower'} limit of normal`);
    }
    // Several values with one limit: "and" is each of them; "or" and "/" any of them for an inclusion (the weaker
    // reading) and each of them for an exclusion (the stronger one), as "AST/ALT" may be read either way.
    const each = joiner === 'and' || (joiner !== 'or' && joiner !== 'and/or' && this.side === 'exclusion');
    this.comparisons(
      shared.map((t) => factsOf(t)!),
      start,
      from,
      m[0],
      each,
    );
  }

  /** "ECOG performance status 0 or 1": the listed grades from 0 are ECOG ≤ the highest (grades are 0–5 integers, Oken 1982). */
  ecogList(start: number, from: number): boolean {
    const m = /^\s*(?:of\s+)?0((?:\s*(?:,|or|and\/or)\s*[1-5])+)\b/i.exec(this.text.slice(from));
    const grades = m ? [0, ...m[1]!.match(/[1-5]/g)!.map(Number)] : [];
    if (!m || grades.some((g, i) => g !== i)) return false;
    this.add(start, from + m[0].length, { kind: 'compare', fact: 'ecog', op: '<=', value: grades.at(-1)!, unit: '' }, 'compare');
    return true;
  }

  qualified(m: RegExpMatchArray, condition = false): Qualified | undefined {
    const q = qualify(this.text, m.index!, m.index! + m[0].length, this.isCovered, this.isNamed, this.windowAt, condition ? this.side : undefined);
    if (!q.ok) {
      this.reasons.push(q.reason);
      return undefined;
    }
    return q.q;
  }

  /** A reading with the words that narrow it (qualifiers.ts `narrowed`) as its attested part; the line is then partly computable. */
  withNarrowing(expr: Expr, q: Qualified): Expr {
    if (!q.narrowed) return expr;
    this.narrowed.push(q.narrowed.text);
    return allOf([expr, { kind: 'attested', text: q.narrowed.text }]);
  }

  windowFor = (end: number, q: Qualified): TimeWindow | 'ambiguous' | undefined =>
    windowFor(this.text, this.windows, end, q.end, q.tense, this.isCovered, lineTense(this.text.slice(0, q.start)) === 'history', this.side);

  /**
   * A code's reading; several terms ("vitamin B12 or folic acid deficiency", shared-qualifier.ts) share the match's
   * qualifiers and are read as one reading, any of them. Returns whether a reading was added.
   */
  code(term: CodeTerm | readonly CodeTerm[], found: RegExpMatchArray): boolean {
    const terms: readonly CodeTerm[] = Array.isArray(term) ? term : [term];
    const first = terms[0]!;
    // "CPAP treatment", "beta-blocker therapy", "opioid use": the treatment itself.
    const tail = first.fact === 'treatment' ? /^[ -](?:therapy|treatment|use|usage|injections?|infusions?|administration)\b/i.exec(this.text.slice(found.index! + found[0].length)) : null;
    const m = tail ? (Object.assign([found[0] + tail[0]], { index: found.index, input: this.text }) as RegExpMatchArray) : found;
    const q = this.qualified(m, first.fact === 'condition');
    if (!q) return false;
    const start = m.index!;
    const end = start + m[0].length;
    const window = this.windowFor(end, q);
    if (window === 'ambiguous') {
      this.reasons.push(`a time window later in the line may bind "${m[0]}"`);
      return false;
    }
    if (window && q.family) {
      this.reasons.push(`a time window for a relative's "${m[0]}" cannot be read`);
      return false;
    }
    const exprs: Expr[] = [];
    for (const t of terms) {
      let expr: Expr;
      if (t.fact === 'allergies' || t.fact === 'languages') expr = { kind: 'has', fact: t.fact, code: t.code };
      else if (window) expr = { kind: 'within', fact: lastOccurrenceFactName(t.code), amount: window.amount, unit: window.unit, before: window.before };
      else if (q.family) expr = { kind: 'has', fact: 'family_history', code: t.code };
      else if (t.fact === 'condition') {
        // "history of bipolar disorder, schizophrenia": the tense said once for the list.
        const tense = q.tense !== 'unstated' ? q.tense : inheritedTense(this.text.slice(0, start), this.side);
        // "Contraindications to TMS: history of seizure, pacemaker, …" (NCT03861806): a device excludes while it is in place, and
        // one removed years ago would not; in an exclusion the device is read as present (sufficient for "history of" too).
        const now = this.side === 'exclusion' && IMPLANTED_DEVICES.has(t.code);
        expr = { kind: 'has', fact: tense === 'history' && !now ? 'history' : 'diagnoses', code: t.code };
      } else {
        // "Receiving X, Y, Z": a treatment's tense may be said once for the list.
        const tense = treatmentTense(t.code, q.tense !== 'unstated' ? q.tense : inheritedTense(this.text.slice(0, start), this.side), this.side, q.negated, this.text.slice(0, start));
        if (tense === 'unstated') {
          this.reasons.push(`"${m[0]}" is named without saying whether past or current treatment is meant`);
          return false;
        }
        expr = { kind: 'has', fact: tense === 'history' ? 'prior_treatments' : 'current_treatments', code: t.code };
      }
      exprs.push(expr);
    }
    if (window) {
      flagImpliedAnchor(this.flags, this.text, window);
      if (window.unsure) this.unsure.push({ phrase: m[0], window: this.text.slice(window.start, window.end) });
    }
    for (const t of terms) if (t.flag && t.flag.when.test(m[0])) this.flags.push(t.flag.text);
    const expr = this.withNarrowing(anyOf(exprs), q);
    this.add(q.narrowed?.start ?? q.start, window && window.end > q.end ? end : q.end, q.negated ? negate(expr) : expr, 'term');
    if (window) this.cover(window.start, window.end);
    return true;
  }

  flag(term: FlagTerm, m: RegExpMatchArray): void {
    const q = this.qualified(m, /^pregnan/i.test(m[0]));
    if (!q) return;
    if (q.tense === 'history' || q.family || this.windowFor(m.index! + m[0].length, q)) {
      return void this.reasons.push(`"${m[0]}" is qualified by a time or a relative that a yes/no fact cannot hold`);
    }
    const expr = this.withNarrowing(anyOf(term.facts.map((fact): Expr => ({ kind: 'is', fact, value: true }))), q);
    this.add(q.narrowed?.start ?? q.start, q.end, q.negated ? negate(expr) : expr, 'term');
  }

  event(term: EventTerm, m: RegExpMatchArray): void {
    const end = m.index! + m[0].length;
    if (term.orFlag) return this.eventOrFlag(term, term.orFlag, m);
    const window = this.windows.find((w) => w.start >= end) ?? this.windows[0];
    if (!window) return void this.reasons.push(`no time window is given for "${m[0]}"`);
    if (term.flag && term.flag.when.test(m[0])) this.flags.push(term.flag.text);
    const within: Expr = { kind: 'within', fact: term.fact, amount: window.amount, unit: window.unit, before: window.before };
    const dose = term.doseFact ? readComparisons(this.text, end, this.side) : undefined;
    const doseUnit = dose && term.doseFact ? this.unitFor(term.doseFact, dose.comparisons[0]?.unit ?? '') : undefined;
    if (dose && term.doseFact && typeof doseUnit === 'string' && dose.comparisons.length === 1) {
      this.add(m.index!, dose.end, allOf([within, this.compare(term.doseFact, dose.comparisons[0]!, doseUnit)]), 'term');
    } else this.add(m.index!, end, within, 'term');
    this.cover(window.start, window.end);
  }

  /** "Participation in another trial within 30 days" is dated; without a window it is the current yes/no fact. */
  eventOrFlag(term: EventTerm, orFlag: FlagTerm, m: RegExpMatchArray): void {
    const q = this.qualified(m);
    if (!q) return;
    const window = this.windowFor(m.index! + m[0].length, q);
    if (!window || window === 'ambiguous' || window.unsure || q.family) return this.flag(orFlag, m);
    const expr: Expr = { kind: 'within', fact: term.fact, amount: window.amount, unit: window.unit, before: window.before };
    flagImpliedAnchor(this.flags, this.text, window);
    this.add(q.start, Math.max(q.end, window.end), q.negated ? negate(expr) : expr, 'term');
  }
  /**
   * Every name the vocabulary knows, the longest first where names overlap ("chronic kidney disease"
   * before "kidney disease", "cardiac surgery" before "surgery"), then read in text order.
   */
  terms(): void {
    const candidates: { term: Term; m: RegExpMatchArray; rank: number }[] = [];
    lexicon.forEach((term, rank) => {
      for (const m of this.text.matchAll(new RegExp(term.pattern.source, 'gi'))) candidates.push({ term, m, rank });
    });
    for (const m of this.text.matchAll(COMPOUND)) {
      const term = compoundTerm(m);
      if (term) candidates.push({ term, m, rank: lexicon.length });
    }
    for (const n of namedConditions(this.text, this.side)) {
      const m = Object.assign([this.text.slice(n.start, n.end)], { index: n.start, input: this.text }) as RegExpMatchArray;
      candidates.push({ term: n.term, m, rank: lexicon.length + 1 });
    }
    candidates.sort((a, b) => b.m[0].length - a.m[0].length || a.rank - b.rank);
    // Names with the same span stay together: "thrombocytopenia" is a count with a limit, else a diagnosis.
    const chosen: (typeof candidates)[] = [];
    for (const c of candidates) {
      const start = c.m.index!;
      const end = start + c.m[0].length;
      const same = chosen.find((g) => g[0]!.m.index === start && g[0]!.m[0].length === c.m[0].length);
      if (same) same.push(c);
      else if (c.m[0] !== '' && this.free(start, end) && !this.named.slice(start, end).some(Boolean)) {
        this.named.fill(true, start, end);
        chosen.push([c]);
      }
    }
    // Limits first, so that the phrase a limit defines ("hepatic insufficiency (transaminases > 3N)") is theirs.
    const order = (g: (typeof candidates)[number][]) => (g[0]!.term.kind === 'numeric' ? 0 : 1);
    for (const group of chosen.sort((a, b) => order(a) - order(b) || a[0]!.m.index! - b[0]!.m.index!)) {
      for (const { term, m } of group) {
        if (!this.free(m.index!, m.index! + m[0].length)) break;
        if (term.kind === 'numeric') this.numeric(term, m);
        else if (term.kind === 'code') this.code(term, m);
        else if (term.kind === 'flag') this.flag(term, m);
        else this.event(term, m);
      }
    }
  }

  /** Is there an uncovered word other than filler in [from, to)? */
  content = (from: number, to: number): boolean => {
    const chars = [...this.text.slice(from, to)].map((ch, i) => (this.covered[from + i] ? ' ' : ch)).join('');
    return contentWords(from === 0 ? chars.replace(ITEM_NUMBER, '') : chars).length > 0;
  };

  leftover(): { words: string[]; text: string } {
    const chars = [...this.text]
      .map((ch, i) => (this.covered[i] ? ' ' : ch))
      .join('')
      .replace(ITEM_NUMBER, (m) => ' '.repeat(m.length));
    const words = contentWords(chars);
    const text = chars
      .replace(/[()]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s*([,;:])(?:\s*[,;:.])+/g, '$1')
      .replace(/\s+([,;:.])/g, '$1')
      .replace(/^[\s,;:.]+|[\s,;:.]+$/g, '');
    return { words, text };
  }
}

// "platelets > 100 after transfusion", "life expectancy < 3 months from the start of treatment".
const AFTER_EVENT = /^\s*(?:from|after|following|since|post)\b/i;
const DERIVED =
  /\b(?:changes?|loss|gain|increase|decrease|reduction|drop|rise|fall|difference|variation|fluctuation|ratio|fraction|variability|trend)\b(?:\s+(?:in|of))?\s*(?:\w+\s*){0,2}$|^\s*(?:changes?|loss|gain|increase|decrease|reduction|ratio|fraction|variability)\b/i;
