import type { Expr } from './expression.js';
import { allOf, anyOf } from './combine.js';
import { definedPhraseStart, OP_SOURCE, readComparisons } from './comparisons.js';
import { fillerWords } from './lexicon.js';
import type { LineParser } from './line-parser.js';

/** The forms read outside the lexicon: age, sex, NYHA class, a list of autoantibodies. */

// Not "gestational age" (measurement-forms.ts).
// "Older > 18 years": "older" names the age only before a symbol.
const AGE_WORD = /(?<!\bgestation(?:al)? )\b(?:age[sd]?|aged|older(?=\s*>))\b(?:\s+(?:range|ranging|of|is|at screening|at enrol?lment|at the time of (?:screening|enrol?lment|consent)))?/gi;
// Any operator comparisons.ts reads ("greater than or equal to", "no older than"), then the number.
const AGE_START = new RegExp(`(?:(?<![A-Za-z])(?:${OP_SOURCE})(?![A-Za-z]))?\\s*(?<![\\d.,])\\d`, 'gi');
const EVENT_AGE = /\b(?:onset|diagnos\w*|implant\w*|began|begun|started|since|first|when)\b/i;
// "mother ≥15 years of age" in a trial of mothers and infants: the age may be another person's.
const OTHER_PERSON = /\b(?:mothers?|fathers?|parents?|partners?|spouses?|husbands?|wi(?:fe|ves)|caregivers?)\b/i;
// "≥18 y.o.": the unit y is read, ".o." is left.
const OLD = /^(?:\s*-?\s*(?:years?[- ])?(?:old|of age)\b|\.o\.)/i;
const YEARS_OLD = /^\s*-?\s*years?(?:[- ]old| of age)\b/i;
// "older than 14 years", "18 years or younger": words that compare ages only.
const AGE_ONLY = /\b(?:older|younger)\b/i;
// "Patients > 18 years, scheduled for …": the limit right after the person it is of, ending its clause.
const PERSON_BEFORE = /\b(?:patients?|subjects?|participants?|adults?|children|women|men|persons?|people|individuals?|volunteers?|inpatients?|outpatients?)\s*,?\s*$/i;
const CLAUSE_END = /^\s*(?:[,;.]|$)/;

/** "Age ≥ 18 years", "Aged 18 years or older", "Age between 18 and 65 years", "18-35-year-old", "> 35 years" (alone). */
export function readAge(p: LineParser): void {
  for (const m of p.text.matchAll(AGE_WORD)) {
    const end = m.index + m[0].length;
    if (!p.free(m.index, end)) continue;
    const found = readComparisons(p.text, end, p.side);
    if (!found) continue;
    addAge(
      p,
      m.index,
      found.end,
      found.comparisons.map((c) => c.unit),
      found,
      true,
    );
  }
  for (const m of p.text.matchAll(AGE_START)) {
    if (!p.free(m.index, m.index + m[0].length)) continue;
    // "11 to no older than 17": the lower bound is not read, so neither is the upper one.
    if (/\d\s*(?:-|~|to)\s*$/i.test(p.text.slice(0, m.index))) continue;
    const found = readComparisons(p.text, m.index, p.side);
    if (!found) continue;
    const after = p.text.slice(found.end);
    const span = p.text.slice(m.index, found.end);
    const named = /(?:\bold|\bof age)(?:\s+(?:or|and)\s+(?:older|over|above))?\s*$/i.test(span) || AGE_ONLY.test(span) || (PERSON_BEFORE.test(p.text.slice(0, m.index)) && CLAUSE_END.test(after));
    const old = OLD.exec(after) ?? (named ? ([''] as unknown as RegExpExecArray) : null);
    const alone = !p.content(0, m.index) && !p.content(found.end + (old?.[0].length ?? 0), p.text.length);
    if (!old && !alone) continue;
    const units = found.comparisons.map((c) => c.unit);
    if (units.every((u) => u === '') && !YEARS_OLD.test(after)) continue;
    // An age, but whose? "Early onset of deafness (< 3 years of age)" is the age of an event.
    const clause = p.text.slice(0, m.index).split(/[;.]/).at(-1) ?? '';
    if (EVENT_AGE.test(clause)) {
      p.reasons.push("the age limit is the age at an event, not the patient's age");
      continue;
    }
    if (OTHER_PERSON.test(clause)) {
      p.reasons.push("the age limit may be another person's (a mother, partner or caregiver named before it), not the patient's");
      continue;
    }
    addAge(
      p,
      m.index,
      found.end + (old?.[0].length ?? 0),
      units.map((u) => u || 'years'),
      found,
      false,
    );
  }
}

function addAge(p: LineParser, start: number, end: number, units: string[], found: NonNullable<ReturnType<typeof readComparisons>>, named: boolean): void {
  const written = units.find((u) => u !== '') ?? '';
  if (written === '') return void p.reasons.push('the unit of the age limit is not stated');
  if (written !== 'years' && written !== 'months') return void (named && p.reasons.push(`age is compared in ${written}, which the age fact (completed years) cannot hold`));
  const old = OLD.exec(p.text.slice(end));
  const cmps: Expr[] = found.comparisons.map((c) => ({ kind: 'compare', fact: 'age', op: c.op, value: c.value, unit: c.unit || written }));
  // "below 18 and above 45": both at once is no age, so "and" joins the two excluded ranges.
  const lows = found.comparisons.filter((c) => c.op === '>' || c.op === '>=').map((c) => c.value);
  const highs = found.comparisons.filter((c) => c.op === '<' || c.op === '<=').map((c) => c.value);
  const empty = lows.length > 0 && highs.length > 0 && Math.max(...lows) >= Math.min(...highs);
  p.add(start, end + (old?.[0].length ?? 0), found.connective === 'all' && !empty ? { kind: 'all', of: cmps } : anyOf(cmps), 'compare');
}

const GROUP_RULE = /^\s*(?:\([^()]*\)\s*)?(?:will|must|should|shall|need|needs|have to|has to|agree|are required|of (?:child|reproductive))/i;
// "sexually active with males", "2 male team members can be present" (NCT03921918): another person's sex, not the participant's.
const NOT_ANOTHER_PERSON = String.raw`(?!\s+(?:partners?|team|staff|members?|nurses?|doctors?|physicians?|investigators?|examiners?|assessors?|chaperones?|caregivers?|carers?|relatives?|spouses?|condoms?)\b)`;
const FEMALE = new RegExp(String.raw`(?<!\bwith\s)\b(?:women|woman|females?|girls?)\b${NOT_ANOTHER_PERSON}`, 'gi');
const MALE = new RegExp(String.raw`(?<!\bwith\s)\b(?:men|man|males?|boys?)\b${NOT_ANOTHER_PERSON}`, 'gi');

/**
 * Sex named in an inclusion ("Non-pregnant women", "Male patients aged …") is a condition that
 * holds with the rest; both sexes named set none. In an exclusion it counts only alone ("Male"):
 * "pregnant women" excludes the pregnant, not women.
 */
export function readSex(p: LineParser): Expr | undefined {
  // "Transgender male": the recorded sex may be either; the line says nothing certain about it.
  if (/\btrans(?:gender|sexual)?\b|\bnon-binary\b|\bgender (?:identity|diverse)\b/i.test(p.text)) return undefined;
  const female = [...p.text.matchAll(FEMALE)];
  const male = [...p.text.matchAll(MALE)];
  if (female.length > 0 === male.length > 0) return eitherSex(p, female.length > 0);
  const hits = female.length > 0 ? female : male;
  // "Women will be either surgically sterilized or non-pregnant": a rule for that sex, not a requirement of it.
  if (hits.some((m) => GROUP_RULE.test(p.text.slice(m.index + m[0].length)))) return undefined;
  if (p.side === 'exclusion') {
    const rest = (p.text.match(/[A-Za-z][\w'-]*/g) ?? []).filter((w) => !fillerWords.has(w.toLowerCase()) && !/^(?:sex|gender)$/i.test(w));
    if (rest.length > 0) return undefined;
  }
  for (const m of hits) p.cover(m.index, m.index + m[0].length);
  return { kind: 'equals', fact: 'sex', value: female.length > 0 ? 'female' : 'male' };
}

// "Male or female", "Both sexes", "all genders": words that admit either sex, and nothing else on the line.
const ANY_SEX = /\b(?:both|all|either|any)\s+(?:sex(?:es)?|genders?)\b/i;
const SEX_WORDS = /^(?:sex|sexes|gender|genders|both|all|either|any|included|accepted|eligible|women|woman|females?|girls?|men|man|males?|boys?)$/i;

/** An inclusion that admits either sex and says nothing more holds for every recorded sex. */
function eitherSex(p: LineParser, named: boolean): Expr | undefined {
  if (p.side !== 'inclusion' || (!named && !ANY_SEX.test(p.text))) return undefined;
  const words = (p.text.match(/[A-Za-z][\w'-]*/g) ?? []).filter((w) => !fillerWords.has(w.toLowerCase()) && !SEX_WORDS.test(w));
  // "Age of 40~75 men and women": a number is a condition of its own (an age whose unit is not stated).
  if (words.length > 0 || p.readings.length > 0 || /\d/.test(p.text)) return undefined;
  p.cover(0, p.text.length);
  return anyOf([
    { kind: 'equals', fact: 'sex', value: 'female' },
    { kind: 'equals', fact: 'sex', value: 'male' },
  ]);
}

/**
 * "heart failure (≥ grade III NYHA)", "NYHA class III or IV", "NYHA class ≥ II", "New York Heart Association (NYHA)
 * cardiac function class ≥2", "New York Heart Association class I-III" (classes I to IV, New York Heart Association
 * Criteria Committee 1994). A grade without NYHA beside it ("acute GVHD >= grade II") is another scale's.
 */
export function nyha(p: LineParser): void {
  const re =
    /(>=|>)\s*(?:NYHA\s*)?(?:grade|class)\s*(IV|III|II|I)\b\s*NYHA\b|(>=|>)\s*NYHA\s*(?:grade|class)\s*(IV|III|II|I)\b|(?:New York Heart Association(?:\s*\(\s*NYHA\s*\))?|\bNYHA\b)(?:\s+(?:cardiac function|functional|heart failure))?(?:\s+(?:class(?:ification)?|grade))?\s*(?:of\s*)?(>=|>)?\s*([1-4]|IV|III|II|I)(?!\w|\.\d)/gi;
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
  for (const m of p.text.matchAll(re)) {
    const opText = m[1] ?? m[3] ?? m[5];
    const value = roman[(m[2] ?? m[4] ?? m[6])!.toUpperCase()]!;
    // "NYHA class III" alone names one class; it is read with an operator, as "or higher", or as a range up to another class.
    const after = p.text.slice(m.index + m[0].length);
    const higher = /^\s*or (?:higher|greater|above|worse)\b/i.exec(after);
    const upTo = opText ? null : /^\s*(?:or|-|to|and)\s*(?:NYHA\s*)?(?:class\s*)?([1-4]|IV|III|II|I)(?!\w|\.\d)/i.exec(after);
    const top = upTo ? roman[upTo[1]!.toUpperCase()]! : 4;
    if (!opText && (upTo ? top <= value : !higher)) continue;
    const end = m.index + m[0].length + ((higher ?? upTo)?.[0].length ?? 0);
    const cmp = (op: '>' | '>=' | '<=', v: number): Expr => ({ kind: 'compare', fact: 'nyha_class', op, value: v, unit: 'class' });
    const expr = opText === '>' ? cmp('>', value) : opText || higher ? cmp('>=', value) : allOf([...(value > 1 || top === 4 ? [cmp('>=', value)] : []), ...(top < 4 ? [cmp('<=', top)] : [])]);
    p.add(definedPhraseStart(p.text, m.index), end, expr, 'compare');
  }
}

/** "Positive for autoantibody (serum and or CSF): NMDAR, …, or glutamic acid decarboxylase (GAD)". */
export function antibodyList(p: LineParser): void {
  const m = /positive for (?:auto)?antibod(?:y|ies)[^:]*:\s*(.+)$/i.exec(p.text);
  if (!m) return;
  const items = m[1]!
    .split(/,\s*(?:or\s+)?|\s+or\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const codes = items.map((item) => {
    // An abbreviation in parentheses names the antibody; what follows it ("(AMPA) 1") belongs to it.
    const abbr = /\(([^()]+)\)\s*(.*)$/.exec(item);
    const name = abbr ? abbr[1]! + abbr[2]! : item;
    return name
      .toLowerCase()
      .replace(/^-|^anti-/, '')
      .replace(/\s+/g, '')
      .replace(/[^a-z0-9-]/g, '');
  });
  p.add(m.index, p.text.length, anyOf(codes.map((code) => ({ kind: 'has', fact: 'autoantibodies', code }))), 'term');
}
