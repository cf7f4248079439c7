import type { CompareOp, Expr } from './expression.js';
import { allOf } from './combine.js';
import type { LineParser } from './line-parser.js';

/**
 * The Child–Pugh class, read as the score it stands for: A is 5–6 points, B 7–9, C 10–15 (Pugh et al.,
 * Br J Surg 1973;60:646; the child_pugh fact holds the score). "child pugh B or worse", "(Child-Pugh
 * grade C)", "Child B and C", "> CHILD B", "child A". Numbered classes ("class 2 or 3") are not read:
 * a number is also a score. The name is matched in any case, the class letter only as a capital
 * ("child a" is no class).
 */
const SCORE: Readonly<Record<string, readonly [number, number]>> = { A: [5, 6], B: [7, 9], C: [10, 15] };
const FORM =
  /(>=|>)?\s*\b(?:[Cc]hild|CHILD)(?:[- ](?:[Pp]ugh|PUGH)(?:[- ]Turcotte)?)?(?:\s+(?:[Cc]lass|[Gg]rade|[Ss]tage))?\s*(>=|>)?\s*([ABC])\b(?:\s*(?:-|to|and|or|and\/or)\s*([ABC])\b)?(\s+or (?:worse|higher|above|more))?/g;

export function childPughClass(p: LineParser): void {
  for (const m of p.text.matchAll(FORM)) {
    if (!p.free(m.index, m.index + m[0].length)) continue;
    const op = m[1] ?? m[2];
    const first = SCORE[m[3]!]!;
    const last = m[4] ? SCORE[m[4]]! : first;
    if (last[0] < first[0] || (op && (m[4] || m[5]))) continue;
    const cmp = (o: CompareOp, value: number): Expr => ({ kind: 'compare', fact: 'child_pugh', op: o, value, unit: '' });
    // "> Child B" is worse than B: class C.
    const lo = op === '>' ? first[1] + 1 : first[0];
    const hi = op || m[5] ? 15 : last[1];
    p.add(m.index, m.index + m[0].length, allOf([...(lo > 5 ? [cmp('>=', lo)] : []), ...(hi < 15 ? [cmp('<=', hi)] : [])]), 'compare');
  }
}
