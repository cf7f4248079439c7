import type { Anchor, WindowUnit } from './expression.js';
import { NUMBER_WORDS } from './number-words.js';

/** A time window written in a criterion: "within 2 weeks", "in the past 6 months before screening". */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
  readonly amount: number;
  readonly unit: WindowUnit;
  readonly before: Anchor;
  /** The text named no date to count back from; it is counted back from screening. */
  readonly anchorImplied: boolean;
  /** Taken for a phrase it may not bind (window-for.ts): the phrase before the window stays for a person. */
  readonly unsure?: true;
}

const AMOUNT = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)';
// "12-month period", "3 month": the unit hyphenated to its number, singular or with "period".
const UNIT = '(days?|weeks?|wks?|months?|years?|yrs?)(?: periods?)?';
const GAP = '[ -]';
const ANCHOR =
  // The longer names first: an alternative that matches ends the search.
  '((?:entry|enrol?l?ment|inclusion) into (?:the )?study|(?:the )?study (?:entry|start|initiation|enrol?l?ment|recruitment)|enrol?l?ment visit|' +
  'begin(?:ning)? (?:with|of) (?:the )?study medication|first (?:dose|administration|injection|infusion)(?: of (?:the )?study (?:drug|medication|treatment|product|intervention))?|' +
  'study (?:drug|medication|treatment|product|intervention)(?: administration| initiation| start)?|day 1|baseline(?: visit)?|enrol?l?ment|screening(?: visit| period)?|inclusion|' +
  'randomi[sz]ation|entry|(?:signing (?:the )?)?(?:informed )?consent|(?:the )?start of (?:the )?study|dosing|drug administration|' +
  // "prior to the study", "before this study": its start, read as screening like "start of the study".
  '(?:this |the )?study(?![\\w-]| (?:drug|medication|treatment|product|intervention|period|visit|procedures?|site|team|doctor|physician)))';
const BEFORE = '(?:before|prior to|preceding|of)';
// "within one (1) month of the fracture" (NCT03923959): a window counted from an event the study does not date, which
// binds what the line names before it.
export const OTHER_EVENT_WINDOW = new RegExp(`\\bwithin (?:${AMOUNT}|a|an)?\\s*(?:\\(\\d+\\)\\s*)?${UNIT}\\)? (?:of|after|from|following) (?!(?:the |his |her |their )?${ANCHOR})[a-z]`, 'i');

// "within 2 weeks [before screening]"; "in/during (the) last 6 months [before …]"; "in the 4 weeks before …"; "within the last year".
const PATTERNS: readonly RegExp[] = [
  new RegExp(`\\bwithin (?:the )?(?:last |past |previous |preceding |prior )?${AMOUNT}${GAP}${UNIT}(?: ${BEFORE} (?:the )?${ANCHOR})?`, 'gi'),
  new RegExp(`\\b(?:in|during|over) (?:the )?(?:last |past |previous |preceding |prior )${AMOUNT}${GAP}${UNIT}(?: ${BEFORE} (?:the )?${ANCHOR})?`, 'gi'),
  new RegExp(`\\b(?:in|during) the ${AMOUNT}${GAP}${UNIT} ${BEFORE} (?:the )?${ANCHOR}`, 'gi'),
  // "within prior month" (the article left out).
  new RegExp(`\\b(?:within|in|during) (?:the )?(?:last|past|previous|preceding|prior) ()(year|month|week)(?: ${BEFORE} (?:the )?${ANCHOR})?`, 'gi'),
  // "≤12 weeks prior to baseline visit" (both ends inclusive, as "within"; "<" is not, and is not read).
  new RegExp(`<=\\s*${AMOUNT}\\s*${UNIT} (?:before|prior to|preceding) (?:the )?${ANCHOR}`, 'gi'),
];
/**
 * "Lower limb surgery two years prior to enrollment": the amount right after what happened, with no
 * "within". An exclusion names the time it excludes, so this is the window; an inclusion's "diagnosed
 * 6 months prior to screening" may mean at least 6 months, and is not read. Nor is an amount after a
 * limit or a duration ("for", "at least", "more than", "stable dose", "between 3 and").
 */
const BARE = new RegExp(
  `(?<=[A-Za-z)] )(?<!\\b(?:for|least|than|over|since|after|from|of|to|and|or|about|approximately|dose|doses|dosage|regimen|stable|most|up|age|aged)\\s)` +
    `${AMOUNT}${GAP}${UNIT} (?:before|prior to|preceding) (?:the )?${ANCHOR}`,
  'gi',
);

function unitOf(word: string): WindowUnit {
  const w = word.toLowerCase();
  if (w.startsWith('d')) return 'days';
  if (w.startsWith('w')) return 'weeks';
  if (w.startsWith('m')) return 'months';
  return 'years';
}

/** Anchors read as the first dose: the study medication, day 1, baseline; the others as screening (enrolment is read as screening). */
function anchorOf(text: string | undefined): Anchor {
  return text !== undefined && /medication|dose|drug|treatment|product|intervention|day 1|baseline|administration|injection|infusion|dosing/i.test(text) ? 'first-dose' : 'screening';
}

/** Flags a window that names no date to count back from (a flaw of the record). */
export function flagImpliedAnchor(flags: string[], text: string, w: TimeWindow): void {
  if (w.anchorImplied) flags.push(`"${text.slice(w.start, w.end)}" names no date; it is counted back from the screening date.`);
}

/**
 * Every time window in the text, in order. A window followed by "before/prior to" something that is
 * not a known date ("prior to surgery") or by "after" is not taken: what it counts from is unknown.
 */
export function findWindows(text: string, side: 'inclusion' | 'exclusion'): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (const re of side === 'exclusion' ? [...PATTERNS, BARE] : PATTERNS) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (m[3] === undefined && /^\s*(?:before|prior to|preceding|after|following|of)\b/i.test(text.slice(end))) continue;
      if (out.some((w) => m.index < w.end && end > w.start)) continue;
      const amount = m[1] === '' ? 1 : (NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]));
      out.push({ start: m.index, end, amount, unit: unitOf(m[2]!), before: anchorOf(m[3]), anchorImplied: m[3] === undefined });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
