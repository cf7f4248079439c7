import { OP_SOURCE, definedPhraseStart, opOf } from './comparisons.js';
import type { LineParser } from './line-parser.js';

/** A thing counted a day or a week, and the fact that holds it. */
interface Counted {
  readonly fact: string;
  /** What is counted, as written after the number. */
  readonly thing: string;
  /** The unit's name before "/day" or "/week" (the fact's units are `${word}/day`, `${word}/week`). */
  readonly word: string;
  /** The verb or noun before the limit that the reading covers. */
  readonly lead: string;
  /** What the line must name for the count to be this fact ("drinks" alone may not be alcohol). */
  readonly needs?: RegExp;
}

const ALCOHOL = /\balcohol(?:ic)?\b|\bETOH\b/i;
const DRINK_LEAD = String.raw`alcohol(?:ic)?\s+(?:consumption|intake|use)|drink(?:s|ing)?|consum(?:e|es|ing)`;
const COUNTED: readonly Counted[] = [
  { fact: 'cigarettes_per_day', thing: String.raw`(?<![\w-])cigarettes?`, word: 'cigarettes', lead: 'smok(?:e|es|ing|ers?)|consum(?:e|es|ing)' },
  { fact: 'caffeinated_drinks_per_day', thing: 'caffeinated (?:drinks?|beverages?)', word: 'drinks', lead: DRINK_LEAD },
  // Not "drinks" in a line that does not speak of alcohol.
  { fact: 'alcohol_drinks_per_week', thing: '(?:standard |alcoholic )?drinks?', word: 'drinks', lead: DRINK_LEAD, needs: ALCOHOL },
  { fact: 'alcohol_units_per_week', thing: 'units?(?: of alcohol)?', word: 'units', lead: DRINK_LEAD, needs: ALCOHOL },
];
const PATTERNS = COUNTED.map((c) => ({
  counted: c,
  re: new RegExp(String.raw`(?:\b(?:${c.lead})(?:\s+of)?\s*)?(?<![A-Za-z])(${OP_SOURCE})\s*(\d+)\s*${c.thing}\s*(?:per|a|an|each|\/)\s*(day|week)\b`, 'gi'),
}));
// "smoked > 10 cigarettes per day in the past year", "a history of …", "in the last 2 years": another time than now.
const NOT_NOW = /\b(?:smoked|drank|history|past|last|previous(?:ly)?|former(?:ly)?|ever|lifetime|prior|before|since|until|within|quit\w*|stopp\w*|abstinen\w*|during|pack)\b/i;

/**
 * What a patient smokes or drinks now, counted a day or a week: "smoke at least 5 cigarettes per day",
 * "Smokers (>20 cigarettes per week)", "Typically drinks > 6 caffeinated drinks per day", "Alcohol
 * consumption >14 units / week". The counted thing names the fact; the verb or noun before the limit
 * is read with it. A count of another time ("smoked … in the past year") stays attested.
 */
export function consumptionCounts(p: LineParser): void {
  for (const { counted, re } of PATTERNS) {
    if (counted.needs && !counted.needs.test(p.text)) continue;
    for (const m of p.text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!p.free(m.index, end) || /\b(?:no|not|never)\s*$/i.test(p.text.slice(0, m.index))) continue;
      if (NOT_NOW.test(p.text)) {
        p.reasons.push(`the ${counted.word} counted may be of another time than now`);
        continue;
      }
      const unit = `${counted.word}/${m[3]!.toLowerCase()}`;
      p.add(definedPhraseStart(p.text, m.index), end, { kind: 'compare', fact: counted.fact, op: opOf(m[1]!), value: Number(m[2]), unit }, 'compare');
    }
  }
}
