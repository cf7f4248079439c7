import { fillerWords } from './lexicon.js';
import { isQualifierWord, withoutPeopleThat } from './qualifiers.js';

// A number no rule read ("Stroke < 2 years") limits what is next to it, so it is content like a word.
const WORD_OR_NUMBER = /[A-Za-zÀ-ÿ][\w'./-]*|\d+(?:[.,]\d+)?/g;

/** A word or number that carries a condition no rule has read (not filler, not a qualifier). */
function isContent(word: string): boolean {
  if (/^\d/.test(word)) return true;
  const w = word.toLowerCase().replace(/[.,;:]+$/, '');
  return !fillerWords.has(w) && !isQualifierWord(w);
}

/** The words and numbers of `text` (uncovered characters, the rest blanked) that carry a condition. */
export const contentWords = (text: string): string[] => (withoutPeopleThat(text).match(WORD_OR_NUMBER) ?? []).filter(isContent);
