import type { Expr } from './expression.js';

/**
 * Negation cues and their scope ("with or without X" negates nothing). A cue ("no", "not", "without", "absence of", "free of", "negative
 * for", "never", "neither … nor", "lack of", "unable to") negates the conditions after it up to the end of its
 * clause (";", ".", ":", "but", "except") or the next cue. Comparisons are never in a scope: "not
 * more than" is an operator, and a limit after a negated condition ("Not pregnant, aged ≥ 18 years")
 * ends the scope, and so does a word no rule reads (it is what the cue negates).
 */
export interface NegationScope {
  readonly cue: string;
  readonly start: number;
  readonly end: number;
  /** Where the scope would have ended had no unread word cut it; what lies between may be negated too. */
  readonly clauseEnd: number;
}

const CUE =
  /\b(?:no|not(?! limited| only| necessarily| exclusively)|unable to|inability to|cannot|can not|(?<!\bwith (?:or|and\/or) )without|absence of|absent|free (?:of|from)|negative (?:for|to)|negative|never|neither|lack of|none of)\b/gi;
// The full stop of an abbreviation ("e.g.", "i.e.", "etc.", "vs.") ends no clause.
const CLAUSE_END = /[;:]|(?<!\b(?:e\.g|i\.e|e|i|etc|vs))\.|\bbut\b|\bexcept\b|\bunless\b/i;

export function negationScopes(text: string, covered: (i: number) => boolean, content: (from: number, to: number) => boolean): NegationScope[] {
  const cues = [...text.matchAll(CUE)].filter((m) => !covered(m.index));
  return cues.map((m, k) => {
    const start = m.index + m[0].length;
    const next = cues[k + 1]?.index ?? text.length;
    const brk = CLAUSE_END.exec(text.slice(start));
    const clauseEnd = Math.min(next, brk ? start + brk.index : text.length);
    let end = clauseEnd;
    // "not knowing their HIV status": a word no rule reads takes the negation, and the scope ends there.
    for (const w of text.slice(start, end).matchAll(/[A-Za-z][\w'-]*/g)) {
      if (content(start + w.index, start + w.index + w[0].length)) {
        end = start + w.index;
        break;
      }
    }
    return { cue: m[0].toLowerCase(), start, end, clauseEnd };
  });
}

/** The negation of an expression, pushed down to yes/no facts where it can be (De Morgan). */
export function negate(e: Expr): Expr {
  switch (e.kind) {
    case 'is':
      return { kind: 'is', fact: e.fact, value: !e.value };
    case 'not':
      return e.of;
    case 'any':
      return { kind: 'all', of: e.of.map(negate) };
    case 'all':
      return { kind: 'any', of: e.of.map(negate) };
    default:
      return { kind: 'not', of: e };
  }
}
