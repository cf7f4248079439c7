import { allOf, anyOf } from './combine.js';
import { definedPhraseStart, OP_SOURCE } from './comparisons.js';
import type { Criterion, Expr, Side } from './expression.js';
import { NEGATION } from './line-tense.js';

/**
 * One measurement with a limit for each sex: "a hemoglobin value of <11 g/dL in females and <12 g/dL
 * in males", "serum creatinine ≥1.5 and ≥1.4 mg/dL in males and females respectively", "14 drinks per
 * week (if male) or 7 drinks a week (if female)". Read as (sex = male and X op a) or (sex = female and
 * X op b): in an inclusion that "or" is necessary (a man must meet the men's limit, a woman the
 * women's), in an exclusion each branch is sufficient. Each limit, with the measurement's name before
 * the pair, must read exactly on its own (a known fact, its unit written), and both the same fact;
 * the rest of the line is read as usual around the pair. Not after a negation, which may reach over
 * the pair; only these paired forms, no other condition a line states.
 */

export interface SexSpecificLimit {
  readonly start: number;
  readonly end: number;
  readonly expr: Expr;
}

const MALE = /^(?:males?|men|man)$/i;
const SEX = '(?:males?|men|man|females?|women|woman)';
const PERSONS = '(?:\\s+(?:patients|subjects|participants))?';
// A limit's own operator may be left out after the first ("14 drinks … or 7 drinks …").
const LIMIT = `(?:${OP_SOURCE})\\s*\\d+(?:\\.\\d+)?`;
const NEXT = `(?:${OP_SOURCE})?\\s*\\d+(?:\\.\\d+)?`;
// A unit of up to four words ("g/dL", "drinks per week"), none of them the words that join the pair.
const UNIT = '(?:\\s*(?!(?:in|for|if|and|or|respectively)\\b)[^\\s\\d(),;:<>≤≥][^\\s(),;:<>≤≥]*){0,4}?';
const JOIN = '\\s*(?:,|;|,?\\s*and|,?\\s*or)\\s*';
const FORMS: readonly RegExp[] = [
  // "<11 g/dL in females and <12 g/dL in males", "<7 kg/m^2 in men; <5.7 kg/m^2 in women".
  new RegExp(`(?<a>${LIMIT}${UNIT})\\s+(?:in|for)\\s+(?:the\\s+)?(?<sa>${SEX})${PERSONS}${JOIN}(?<b>${NEXT}${UNIT})\\s+(?:in|for)\\s+(?:the\\s+)?(?<sb>${SEX})${PERSONS}\\b`, 'gi'),
  // "14 drinks per week (if male) or 7 drinks a week (if female)", "QTc values >440 ms (men) and >450 ms (women)".
  new RegExp(`(?<a>${LIMIT}${UNIT})\\s*\\(\\s*(?:(?:if|for|in)\\s+)?(?<sa>${SEX})\\s*\\)${JOIN}(?<b>${NEXT}${UNIT})\\s*\\(\\s*(?:(?:if|for|in)\\s+)?(?<sb>${SEX})\\s*\\)`, 'gi'),
  // "≥1.5 and ≥1.4 mg/dL in males and females respectively": the limits pair with the sexes in order, the unit after both.
  new RegExp(`(?<a>${LIMIT}${UNIT})${JOIN}(?<b>${NEXT})(?<u>${UNIT})\\s+(?:in|for)\\s+(?:the\\s+)?(?<sa>${SEX})${JOIN}(?<sb>${SEX}),?\\s+respectively\\b`, 'gi'),
];
const OP_AT_START = new RegExp(`^(?:${OP_SOURCE})`, 'i');

/** The pairs of limits, one for each sex, that read exactly, each with the span it reads (its measurement's name and a phrase it defines included). */
export function sexSpecificLimits(text: string, side: Side, parse: (side: Side, text: string) => Criterion): SexSpecificLimit[] {
  const found: SexSpecificLimit[] = [];
  for (const form of FORMS) {
    for (const m of text.matchAll(form)) {
      const g = m.groups!;
      if (MALE.test(g['sa']!) === MALE.test(g['sb']!)) continue;
      // The measurement is named in the clause before the pair: "(a hemoglobin value of <11 g/dL …".
      const clauseStart = Math.max(...[...text.slice(0, m.index).matchAll(/[(;:,]/g)].map((c) => c.index + 1), 0);
      const lead = text.slice(clauseStart, m.index);
      // "No anemia (hemoglobin <11 g/dL in females …)": a negation before the pair would reach over it; left to the usual reasons.
      if (NEGATION.test(text.slice(0, m.index))) continue;
      const a = g['a']!.trim() + (g['u'] ?? '');
      const b = (OP_AT_START.test(g['b']!.trim()) ? '' : `${OP_AT_START.exec(g['a']!.trim())![0]} `) + g['b']!.trim() + (g['u'] ?? '');
      const [ea, eb] = [a, b].map((limit) => parse(side, `${lead.trim()} ${limit}`));
      if (ea!.computability !== 'computable' || eb!.computability !== 'computable' || ea!.expr.kind !== 'compare' || eb!.expr.kind !== 'compare' || ea!.expr.fact !== eb!.expr.fact) continue;
      const bySex = (sex: string, e: Expr) => allOf([{ kind: 'equals', fact: 'sex', value: MALE.test(sex) ? 'male' : 'female' }, e]);
      const end = m.index + m[0].length;
      // A pair in parentheses defines the phrase before it: "impaired kidney functions (serum creatinine … respectively)".
      const closes = /^\s*\)/.exec(text.slice(end));
      const named = clauseStart + (lead.length - lead.trimStart().length);
      const start = text[clauseStart - 1] === '(' && closes ? Math.min(named, definedPhraseStart(text, clauseStart)) : named;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ start, end: end + (closes?.[0].length ?? 0), expr: anyOf([bySex(g['sa']!, ea!.expr), bySex(g['sb']!, eb!.expr)]) });
    }
  }
  return found;
}

/** The text with the pairs' spans blanked: their "in males", "(if female)" are read, no condition left on the line. */
export const withoutSexSpecificLimits = (text: string, limits: readonly SexSpecificLimit[]): string =>
  limits.reduce((t, l) => t.slice(0, l.start) + ' '.repeat(l.end - l.start) + t.slice(l.end), text);
