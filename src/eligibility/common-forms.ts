import type { Expr } from './expression.js';
import { allOf, anyOf } from './combine.js';
import { type Comparison, definedPhraseStart, OP_SOURCE, readComparisons } from './comparisons.js';
import { fillerWords } from './lexicon.js';
import type { LineParser } from './line-parser.js';

/** The forms read outside the lexicon: age, sex, NYHA class, a list of autoantibodies. */

// Not "gestational age" (measurement-forms.ts).
// "Older > 18 years": "older" names the age only before a symbol.
const AGE_WORD = /(?<!\bgestation(?:al)? )\b(?:age[sd]?|aged|older(?=\s*>))\b(?:\s+(?:range|ranging|of|is|at screening|at enrol?lment|at the time of (?:screening|enrol?lment|consent)))?/gi;
// Any operator comparisons.ts reads ("greater than or equal to", "no older than"), then the number; a symbol may
// follow a word ("patients>18 years old").
const AGE_START = new RegExp(`(?:(?<![A-Za-z])(?:${OP_SOURCE})(?![A-Za-z])|[<>]=?)?\\s*(?<![\\d.,])\\d`, 'gi');
const EVENT_AGE = /\b(?:onset|diagnos\w*|implant\w*|began|begun|started|since|first|when)\b/i;
// "mother ≥15 years of age" in a trial of mothers and infants: the age may be another person's.
const OTHER_PERSON_REASON = "the age limit may be another person's (a mother, partner, caregiver or people compared with, named before it), not the patient's";
// "peripheral blood cells of subjects are approximate to those of healthy person aged between 18 and 50" (NCT03928782): "those of"
// names people the patient is compared with.
// "Maternal age ≥18 yrs" (NCT03863613): the mother's age, which is the patient's only in a study of mothers.
const OTHER_PERSON = /\b(?:mothers?|fathers?|parents?|partners?|spouses?|husbands?|wi(?:fe|ves)|caregivers?|maternal|paternal)\b|\bthose of\b/i;
// "≥18 y.o.": the unit y is read, ".o." is left.
const OLD = /^(?:\s*-?\s*(?:years?[- ])?(?:old|of age)\b|\.o\.)/i;
const YEARS_OLD = /^\s*-?\s*years?(?:[- ]old| of age)\b/i;
// "older than 14 years", "18 years or younger": words that compare ages only.
const AGE_ONLY = /\b(?:older|younger)\b/i;
// "Patients > 18 years, scheduled for …": the limit right after the person it is of, ending its clause.
// "Older adults (>= 65 years)": or in parentheses after it.
const PERSON_BEFORE = /\b(?:patients?|subjects?|participants?|adults?|children|women|men|persons?|people|individuals?|volunteers?|inpatients?|outpatients?)\s*(,|\()?\s*$/i;
const CLAUSE_END = /^\s*(?:[,;.]|$)/;
// Words an age limit may follow and still be the patient's: people ("patients", "women" and the like are filler,
// no content anyway) and the range's own "between", "from".
const AGE_OWNER =
  /^(?:children|child|infants?|newborns?|neonates?|bab(?:y|ies)|boys?|girls?|adolescents?|teenagers?|youths?|volunteers?|inpatients?|outpatients?|controls?|healthy|patient's|genders?|sex(?:es)?|between|from)$/i;
const NUMBER_WORDS: Readonly<Record<string, string>> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12' };

/**
 * Forms comparisons.ts does not take, rewritten for the age's reading at the same length (so every position
 * holds): "11 to no older than 17" ("no older than" is <=), "between 50 an 65 years" (a slip for "and"),
 * "between 18- and 65-years" (hyphens of compounds),
 * "younger than the age of 13 years" (the age named after its operator) and, right after the word age and an
 * operator, a number in words ("age younger than six months"; elsewhere "renal transplants less than one year
 * old" is the age of a thing).
 */
function ageText(text: string): string {
  const blank = (s: string) => ' '.repeat(s.length);
  return text
    .replace(/(\d\s*(?:-|~|to)\s*)(?:no|not) older than(?=\s*\d)/gi, (m, head: string) => `${head}<=${blank(m.slice(head.length + 2))}`)
    .replace(/(\bbetween\s+\d+(?:\.\d+)?\s+)an\s(?=\s*\d)/gi, '$1and')
    .replace(/(\bbetween\s+\d+)-(?=\s+and\s+\d+-?\s*years?\b)|(\d)-(?=years?\b)/gi, '$1$2 ')
    .replace(new RegExp(`(?<![A-Za-z])(${OP_SOURCE})\\s+(?:the\\s+)?age\\s+of\\s+(?=\\d)`, 'gi'), (m, op: string) => `age${' '.repeat(m.length - 3 - op.length)}${op}`)
    .replace(new RegExp(`(\\bage[sd]?\\s+(?:${OP_SOURCE})\\s+)(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi'), (_m, head: string, w: string) => {
      const n = NUMBER_WORDS[w.toLowerCase()]!;
      return head + n + blank(w.slice(n.length));
    });
}

/** "Age ≥ 18 years", "Aged 18 years or older", "Age between 18 and 65 years", "18-35-year-old", "> 35 years" (alone). */
export function readAge(p: LineParser): void {
  const text = ageText(p.text);
  for (const m of text.matchAll(AGE_WORD)) {
    const end = m.index + m[0].length;
    if (!p.free(m.index, end)) continue;
    const found = readComparisons(text, end, p.side);
    if (!found) continue;
    if (OTHER_PERSON.test(text.slice(0, m.index).split(/[;.]/).at(-1) ?? '')) {
      p.reasons.push(OTHER_PERSON_REASON);
      continue;
    }
    addAge(
      p,
      m.index,
      found.end,
      found.comparisons.map((c) => c.unit),
      found,
      true,
    );
  }
  for (const m of text.matchAll(AGE_START)) {
    if (!p.free(m.index, m.index + m[0].length)) continue;
    // "12 to < 18": the upper bound of a range is read with its lower one.
    if (/\d\s*(?:-|~|to)\s*$/i.test(text.slice(0, m.index))) continue;
    const found = lowerBoundRange(text, m.index, m.index + m[0].length - 1, p.side) ?? readComparisons(text, m.index, p.side);
    if (!found) continue;
    const after = text.slice(found.end);
    const span = text.slice(m.index, found.end);
    const before = text.slice(0, m.index);
    const person = PERSON_BEFORE.exec(before);
    const named = /(?:\bold|\bof age)(?:\s+(?:or|and)\s+(?:older|over|above))?\s*$/i.test(span) || AGE_ONLY.test(span) || (person !== null && (person[1] === '(' ? /^\s*\)/ : CLAUSE_END).test(after));
    const old = OLD.exec(after) ?? (named ? ([''] as unknown as RegExpExecArray) : null);
    const alone = !p.content(0, m.index) && !p.content(found.end + (old?.[0].length ?? 0), text.length);
    if (!old && !alone) continue;
    const units = found.comparisons.map((c) => c.unit);
    if (units.every((u) => u === '') && !YEARS_OLD.test(after)) continue;
    // An age, but whose? "Early onset of deafness (< 3 years of age)" is the age of an event.
    const clause = before.split(/[;.]/).at(-1) ?? '';
    if (EVENT_AGE.test(clause)) {
      p.reasons.push("the age limit is the age at an event, not the patient's age");
      continue;
    }
    if (OTHER_PERSON.test(clause)) {
      p.reasons.push(OTHER_PERSON_REASON);
      continue;
    }
    // "renal transplants less than 1 year old": the age of a thing named right before it.
    const word = /([A-Za-z][\w'-]*)[^A-Za-z\d]*$/.exec(before);
    if (word && !AGE_OWNER.test(word[1]!) && p.content(word.index, word.index + word[1]!.length)) {
      p.reasons.push(`the age limit may be the age of "${word[1]}", not the patient's`);
      continue;
    }
    addAge(
      p,
      m.index,
      found.end + (old?.[0].length ?? 0),
      // "≥1 and ≤6 month old" (NCT03921918): a bare number shares the unit written beside it; "years old" otherwise.
      units.map((u) => u || (units.find((w) => w !== '') ?? 'years')),
      found,
      (old?.[0] ?? '') !== '',
    );
  }
}

/**
 * ">= 12 to < 18 years", "at least 12 to 18 years": a lower bound written with its operator, then a range. The range is
 * read from the number, as comparisons.ts reads one: inclusive for an inclusion (as weak as "> 12" or weaker),
 * exclusive for an exclusion (as strong as ">= 12" or stronger), the upper operator as written.
 */
function lowerBoundRange(text: string, from: number, number: number, side: 'inclusion' | 'exclusion'): ReturnType<typeof readComparisons> {
  const first = readComparisons(text, from, side);
  const op = first?.comparisons[0]?.op;
  if (number === from || !first || first.comparisons.length !== 1 || (op !== '>' && op !== '>=') || !/^\s*(?:-|~|to)\s*/i.test(text.slice(first.end))) return undefined;
  const range = readComparisons(text, number, side);
  return range && range.connective === 'all' && range.comparisons.length === 2 ? range : undefined;
}

function addAge(p: LineParser, start: number, end: number, units: string[], found: NonNullable<ReturnType<typeof readComparisons>>, named: boolean): void {
  const written = units.find((u) => u !== '') ?? '';
  if (written === '') return void p.reasons.push('the unit of the age limit is not stated');
  if (written !== 'years' && written !== 'months') return void (named && p.reasons.push(`age is compared in ${written}, which the age fact (completed years) cannot hold`));
  // The age fact counts completed years: a 7-month-old's age is 0, so "older than 6 months" (age > 0.5) would turn them away.
  // A limit that is no whole number of years ("6 months", "2.5 years") is read only where counting down to whole years
  // cannot make it wrong: an upper limit of an inclusion (every infant under 6 months has age 0 < 0.5), a lower limit
  // of an exclusion (age > 0.5 flags only those of 1 year or more).
  const years = (c: Comparison) => ((c.unit || written) === 'months' ? c.value / 12 : c.value);
  const rounded = found.comparisons.some((c) => !Number.isInteger(years(c)) && (p.side === 'inclusion') === (c.op === '>' || c.op === '>='));
  if (rounded) return void p.reasons.push('the age limit is no whole number of years, and the age fact counts completed years');
  const old = OLD.exec(p.text.slice(end));
  // "Over 18 years", "> 18 years" in an inclusion admit someone of 18 years and 3 months, whose completed years are 18:
  // the necessary condition on completed years is age ≥ 18 (age > 18 would turn them away). Every other bound holds as
  // written: completed years below N (or above) are real ages below N (or above).
  const op = (c: Comparison): Comparison['op'] => (p.side === 'inclusion' && c.op === '>' && Number.isInteger(years(c)) ? '>=' : c.op);
  const cmps: Expr[] = found.comparisons.map((c) => ({ kind: 'compare', fact: 'age', op: op(c), value: c.value, unit: c.unit || written }));
  // "below 18 and above 45": both at once is no age, so "and" joins the two excluded ranges.
  const lows = found.comparisons.filter((c) => c.op === '>' || c.op === '>=').map((c) => c.value);
  const highs = found.comparisons.filter((c) => c.op === '<' || c.op === '<=').map((c) => c.value);
  const empty = lows.length > 0 && highs.length > 0 && Math.max(...lows) >= Math.min(...highs);
  p.add(start, end + (old?.[0].length ?? 0), found.connective === 'all' && !empty ? { kind: 'all', of: cmps } : anyOf(cmps), 'compare');
}

const GROUP_RULE = /^\s*(?:\([^()]*\)\s*)?(?:will|must|should|shall|need|needs|have to|has to|agree|are required|of (?:child|reproductive))/i;
// "Non-pregnant women, and individuals who are able to exercise" (NCT03924479): others beside that sex.
const OTHERS_TOO = /^\s*,?\s*(?:and|or|as well as)\s+(?:individuals|persons|people|subjects|participants|patients|adults|anyone)\b/i;
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
  // "Women will be either surgically sterilized or non-pregnant": a rule for that sex, not a requirement of it; or others too.
  const after = (m: RegExpExecArray) => p.text.slice(m.index + m[0].length);
  if (hits.some((m) => GROUP_RULE.test(after(m)) || OTHERS_TOO.test(after(m)))) return undefined;
  if (p.side === 'exclusion') {
    const rest = (p.text.match(/[A-Za-z][\w'-]*/g) ?? []).filter((w) => !fillerWords.has(w.toLowerCase()) && !/^(?:sex|gender)$/i.test(w));
    if (rest.length > 0) return undefined;
  }
  // "female sex", "male gender": the word after names what the first one says.
  for (const m of hits) p.cover(m.index, m.index + m[0].length + (/^\s+(?:sex|gender)\b/i.exec(after(m))?.[0].length ?? 0));
  return { kind: 'equals', fact: 'sex', value: female.length > 0 ? 'female' : 'male' };
}

// "Male or female", "Both sexes", "all genders": words that admit either sex, and nothing else on the line.
const ANY_SEX = /\b(?:both|all|either|any)\s+(?:sex(?:es)?|genders?)\b/i;
const SEX_WORDS = /^(?:sex|sexes|gender|genders|both|all|either|any|included|accepted|eligible|women|woman|females?|girls?|men|man|males?|boys?)$/i;

/**
 * An inclusion that admits either sex and says nothing more holds for every recorded sex, and no person need attest it.
 * Beside words no rule reads ("Healthy men and women") it would decide nothing, so the line stays attested as a whole.
 */
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
