import { lexicon, type NumericTerm } from './lexicon.js';

/**
 * The lexicon's names of number facts, each pattern compiled once for the ways a line looks one up: starting at a
 * position (a second name after "and"), ending where a form's own words begin ("Hematocrit outside the normal
 * range"), or anywhere in some words ("platelets <20,000 and INR >5").
 */
const TERMS = lexicon
  .filter((t): t is NumericTerm => t.kind === 'numeric')
  .map((term) => {
    const flags = term.pattern.flags.replace('g', '');
    return { term, at: new RegExp(term.pattern.source, 'iy'), ending: new RegExp(`(?:${term.pattern.source})$`, flags), anywhere: new RegExp(term.pattern.source, flags) };
  });

/** The name starting at `at` in `text`, and its length. */
export function numericTermAt(text: string, at: number): { readonly term: NumericTerm; readonly length: number } | undefined {
  for (const { term, at: sticky } of TERMS) {
    sticky.lastIndex = at;
    const hit = sticky.exec(text);
    if (hit) return { term, length: hit[0].length };
  }
  return undefined;
}

/** The name of one fact that `text` ends with, and where it starts. */
export function singleFactTermEnding(text: string): { readonly term: NumericTerm; readonly start: number; readonly name: string } | undefined {
  for (const { term, ending } of TERMS) {
    if (term.facts.length !== 1) continue;
    const hit = ending.exec(text);
    if (hit) return { term, start: hit.index, name: hit[0] };
  }
  return undefined;
}

/** Whether `words` name a number fact other than `fact`. */
export const namesOtherNumericFact = (words: string, fact: string): boolean => TERMS.some(({ term, anywhere }) => !term.facts.includes(fact) && anywhere.test(words));

/** The lexicon's name of a fact with one fact (hba1c, systolic_bp). */
export const termOf = (fact: string): NumericTerm => TERMS.find(({ term }) => term.facts.length === 1 && term.facts[0] === fact)!.term;
