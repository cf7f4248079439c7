import type { Expr } from './expression.js';
import { allOf } from './combine.js';
import { ITEM_NUMBER } from './item-number.js';
import type { LineParser } from './line-parser.js';

/**
 * The American Society of Anesthesiologists physical status class, I (healthy) to VI (brain-dead
 * donor) (ASA Physical Status Classification System, ASA House of Delegates 2014, amended 2020):
 * "ASA I-II", "ASA 1-3", "ASA physical status I or II", "ASA class ≥ III", "ASA III or higher",
 * ">ASA II", "ASA physical status I" (that class alone). A list of classes is read only when it has
 * no gap ("I, II or III" is 1 to 3); "ASA" followed by a dose ("ASA 100 mg", aspirin) is not a class.
 */
// "(ASA)class III-IV" without a space; "ASA (American Society of Anesthesiologists) I".
const NAME = String.raw`(?:American Society of An(?:a)?esthesi(?:o|ologists?)(?:'s?)?(?:\s*\(\s*ASA\s*\))?|\bASA\b(?:\s*\(\s*American Society of An(?:a)?esthesiologists?\s*\))?)(?:(?:\s+|(?<=\))\s*)(?:physical status|physical state|physical classification|classification system|classification|class|grade|score|category|status|PS))*(?:\s*\(\s*ASA(?:-PS)?\s*\))?`;
// "ASA l-lll": a lower-case l for I, read only as a whole class written in l's alone (classOf).
const CLASS = String.raw`(VI|IV|V|III|II|I|lll|ll|l|[1-6])(?!\w|\.\d)`;
const OP = String.raw`(>=|<=|>|<)`;
// "I, II, or III" (NCT03865316): a comma before the last "or".
const MORE = String.raw`(?:,\s*(?:or|and)\b|,|or|and|and\/or|-|to|~)`;
const FORM = new RegExp(
  String.raw`(?:${OP}\s*)?${NAME}\s*(?:of\s+|:\s*|=\s*)?(?:${OP}\s*)?${CLASS}((?:\s*${MORE}\s*(?:ASA\s*)?${CLASS.replace('(', '(?:')})*)(\s*(?:or|and)\s+(?:higher|above|greater|more|worse|lower|below|less))?(?!\s*(?:mg|g)\b)`,
  'gi',
);
const NAMED_SCALE = /American Society|physical|class|grade|score|category|status|\bPS\b/i;
// The whole line, an item number and punctuation aside: within a longer line a single class is left to a person for now.
const alone = (text: string, start: number, end: number): boolean => /^[\s\-•*]*$/.test(text.slice(0, start).replace(ITEM_NUMBER, '')) && /^[\s.,;:]*$/.test(text.slice(end));
const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 };
const classOf = (s: string): number => ROMAN[s.replace(/^l+$/i, (l) => 'I'.repeat(l.length)).toUpperCase()] ?? Number(s);

export function asaClass(p: LineParser): void {
  for (const m of p.text.matchAll(FORM)) {
    if (!p.free(m.index, m.index + m[0].length)) continue;
    const op = m[1] ?? m[2];
    const first = classOf(m[3]!);
    const rest = m[4]!;
    const tail = m[5]?.trim().toLowerCase();
    const cmp = (o: '<' | '<=' | '>' | '>=', value: number): Expr => ({ kind: 'compare', fact: 'asa_class', op: o, value, unit: '' });
    let expr: Expr;
    if (op) {
      if (rest !== '' || tail) continue;
      expr = cmp(op as '<' | '<=' | '>' | '>=', first);
    } else if (rest === '') {
      // "ASA physical status I" (NCT03926663) alone names exactly that class; read where the scale is named as one
      // (its full name or a word such as "class"), not after a bare "ASA", also aspirin's abbreviation.
      if (!tail) {
        if (!NAMED_SCALE.test(m[0]) || !alone(p.text, m.index, m.index + m[0].length)) continue;
        expr = allOf([...(first > 1 ? [cmp('>=', first)] : []), ...(first < 6 ? [cmp('<=', first)] : [])]);
      } else expr = /^(?:or|and) (?:higher|above|greater|more|worse)$/.test(tail) ? cmp('>=', first) : cmp('<=', first);
    } else {
      if (tail) continue;
      const classes = [first, ...[...rest.matchAll(new RegExp(CLASS, 'gi'))].map((c) => classOf(c[1]!))];
      const range = /^\s*(?:-|to|~)\s*\S+$/i.test(rest);
      if (!range && classes.some((c, i) => c !== first + i)) continue;
      const lo = first;
      const hi = classes.at(-1)!;
      if (hi <= lo) continue;
      expr = allOf([...(lo > 1 ? [cmp('>=', lo)] : []), ...(hi < 6 ? [cmp('<=', hi)] : [])]);
    }
    p.add(m.index, m.index + m[0].length, expr, 'compare');
  }
}
