import { COMPOUND, compoundTerm } from './compound-names.js';
import { judgementWords, lexicon, type CodeTerm, type Term } from './lexicon.js';
import type { LineParser } from './line-parser.js';
import { LIST_BINDING, qualify } from './qualifiers.js';

/**
 * "Vitamin B12 or folic acid deficiency", "type I or type II diabetes mellitus", "nicotine, alcohol or drug abusers": words
 * before "or" (or "/") that share the head of the name after it. "A or B C" may be "(A C) or (B C)" or "A or (B C)"
 * (qualifiers.ts leaves both to a person: "may share a qualifier"). The lexicon settles it when "A C" is a whole name it
 * knows and "A" alone is none: "A" then names nothing of its own and can only be the first half of "A C". The names are read
 * as one reading, any of them, with the qualifiers of the whole phrase: a word before the first alternative that narrows it
 * ("chronic kidney or liver disease", "severe liver or renal insufficiency") reaches over the "or" too, and the phrase stays
 * attested as before. A word before "A" is taken into its name only where the lexicon gives the same code with it ("vitamin
 * B12 deficiency" is "B12 deficiency"), never where it makes another ("chronic kidney disease" is not "kidney disease").
 */

const anchored = (t: Term): RegExp => new RegExp(`^(?:${t.pattern.source})$`, [...new Set(`${t.pattern.flags.replace('g', '')}i`)].join(''));
let names: { readonly term: Term; readonly whole: RegExp }[] | undefined;
const WHOLE_COMPOUND = new RegExp(`^${COMPOUND.source}$`, 'i');

/** The terms whose names are the whole of `s` (the lexicon's and organ compounds). */
function termsNaming(s: string): Term[] {
  names ??= lexicon.map((term) => ({ term, whole: anchored(term) }));
  const found = names.filter((n) => n.whole.test(s)).map((n) => n.term);
  const compound = WHOLE_COMPOUND.exec(s);
  const term = compound && compoundTerm(compound);
  return term ? [...found, term] : found;
}

/** The condition or treatment `s` names, if the first (most specific) term naming all of it is one. */
function codeNamed(s: string): CodeTerm | undefined {
  const t = termsNaming(s)[0];
  return t?.kind === 'code' && (t.fact === 'condition' || t.fact === 'treatment') ? t : undefined;
}

const WORD = /[A-Za-z0-9][\w'-]*/g;
// The joins read: "or", "/", "and/or" ("and" may join the parts of one thing: "head and neck cancer").
const OR_JOIN = /\s+(?:or|and\/or)\s+|\s*\/\s*/gi;
// The separators of earlier items of the list: "nicotine, alcohol or drug abusers", "paroxysmal/persistent/permanent AF".
const LIST_MARK = /(?:,|\/)\s*$/;

interface Alternative {
  readonly start: number;
  readonly term: CodeTerm;
}

/**
 * The alternative whose words end at `end` and share `head` with `shared` (the name after the "or"), its start extended
 * over words the lexicon reads as part of the same name; undefined where its words name something alone.
 */
function alternativeBefore(text: string, end: number, head: string, shared: string): Alternative | undefined {
  const before = text.slice(0, end);
  const words = [...before.matchAll(WORD)].filter((w) => !/[,;:()[\]]|\b(?:or|and|nor)\b/i.test(before.slice(w.index + w[0].length, end)));
  for (let k = 1; k <= Math.min(3, words.length); k++) {
    const start = words[words.length - k]!.index;
    const own = before.slice(start).trim();
    const term = codeNamed(`${own} ${head}`);
    if (!term) continue;
    if (termsNaming(own).length > 0) return undefined;
    // "type I or type II diabetes mellitus": the first words of a longer alternative may reach over the "or" ("acute
    // myeloid or lymphoblastic leukemia"), unless the name after it repeats them.
    const lead = own.split(/\s+/).slice(0, -1).join(' ');
    if (lead !== '' && !shared.toLowerCase().startsWith(`${lead.toLowerCase()} `)) continue;
    // A word before it that keeps the code, and names nothing alone with it, is part of its name ("Vitamin B12").
    let from = start;
    for (let j = words.length - k - 1; j >= 0 && j >= words.length - 3; j--) {
      const wider = before.slice(words[j]!.index).trim();
      if (codeNamed(`${wider} ${head}`)?.code !== term.code || termsNaming(wider).length > 0) break;
      from = words[j]!.index;
    }
    return { start: from, term };
  }
  return undefined;
}

/** Whether a name the lexicon knows runs across either end of [start, end) ("diabetes type I or …"): it is left to the rest of the parser. */
let everyName: readonly RegExp[] | undefined;
function crossed(text: string, start: number, end: number): boolean {
  const across = (from: number, to: number) => (from < start && to > start) || (from < end && to > end);
  // Built once: the lexicon's patterns as global searches.
  everyName ??= [...lexicon.map((t) => t.pattern), COMPOUND].map((re) => new RegExp(re.source, 'gi'));
  return everyName.some((re) => [...text.matchAll(re)].some((m) => across(m.index, m.index + m[0].length)));
}

/** Reads "A or B C" (and "A, B or C D") as "A C or B C" where the lexicon proves it (see above). */
export function sharedQualifiers(p: LineParser): void {
  const { text } = p;
  for (const join of text.matchAll(OR_JOIN)) {
    const right = join.index + join[0].length;
    if (!/^[A-Za-z0-9]/.test(text.slice(right)) || !/[A-Za-z0-9]$/.test(text.slice(0, join.index))) continue;
    // The longest name the lexicon knows after the join, and its head: its last words.
    const after = [...text.slice(right).matchAll(WORD)].slice(0, 5);
    let named: { end: number; term: CodeTerm; words: typeof after } | undefined;
    for (let n = after.length; n >= 2 && !named; n--) {
      const end = right + after[n - 1]!.index + after[n - 1]![0].length;
      if (/[,;:()[\]]/.test(text.slice(right, end))) continue;
      const term = codeNamed(text.slice(right, end));
      if (term) named = { end, term, words: after.slice(0, n) };
    }
    if (!named) continue;
    let found: { alternatives: Alternative[]; head: string } | undefined;
    for (let k = 1; k < named.words.length && !found; k++) {
      const head = text.slice(right + named.words[named.words.length - k]!.index, named.end);
      const first = alternativeBefore(text, join.index, head, text.slice(right, named.end));
      if (!first || first.term.fact !== named.term.fact || first.term.code === named.term.code) continue;
      const alternatives = [first];
      // "nicotine, alcohol or drug abusers": earlier items of the list, as far as each shares the head.
      for (;;) {
        const comma = LIST_MARK.exec(text.slice(0, alternatives[0]!.start));
        const more = comma ? alternativeBefore(text, comma.index, head, text.slice(right, named.end)) : undefined;
        if (!more || more.term.fact !== named.term.fact) break;
        alternatives.unshift(more);
      }
      found = { alternatives, head };
    }
    if (!found) continue;
    const start = found.alternatives[0]!.start;
    if (!p.free(start, named.end) || crossed(text, start, named.end)) continue;
    // "Significant history of or current cardiovascular, …, or neurological disorders" (NCT03929744): a word that narrows, before
    // an "or" that qualify() stops at, may still reach the phrase; the line is left as it was.
    const clause =
      text
        .slice(0, start)
        .split(/[;:(]|\.(?:\s|$)/)
        .at(-1) ?? '';
    if (LIST_BINDING.test(clause) || judgementWords.some((re) => re.test(clause))) continue;
    const m = Object.assign([text.slice(start, named.end)], { index: start, input: text }) as RegExpMatchArray;
    // Where the words around the phrase narrow it, the line reads as it did without this rule.
    const q = qualify(text, start, named.end, p.isCovered, p.isNamed, p.windowAt, named.term.fact === 'condition' ? p.side : undefined);
    if (!q.ok) continue;
    p.code([...found.alternatives.map((a) => a.term), named.term], m);
  }
}
