import type { CompareOp } from './expression.js';
import { normalizeUnit } from './units.js';
import { NEGATION } from './line-tense.js';

/**
 * Reading the comparison written after a fact's name: "≥ 6", "less than 110 pounds", "> 3 ×ULN",
 * "between 18 and 65 years", "18 years or older", "under 45kg or more than 80kg". The unit is kept as
 * written (normalised); whether the fact accepts it is decided by the caller, never defaulted here.
 */
export interface Comparison {
  readonly op: CompareOp;
  readonly value: number;
  /** Normalised unit as written, '' when none. */
  readonly unit: string;
}

export interface ReadComparisons {
  readonly comparisons: readonly Comparison[];
  readonly end: number;
  /** How several comparisons combine: "under 45 or more than 80" any, "between 18 and 65" all. */
  readonly connective: 'any' | 'all';
  /** The operator was written after the number ("3 ×ULN >", NCT04952155). */
  readonly opAfter: boolean;
}

const OP_WORDS: Readonly<Record<string, CompareOp>> = {
  '>=': '>=',
  '<=': '<=',
  '>': '>',
  '<': '<',
  '=>': '>=',
  above: '>',
  over: '>',
  'more than': '>',
  'greater than': '>',
  'higher than': '>',
  exceeding: '>',
  exceeds: '>',
  'older than': '>',
  under: '<',
  below: '<',
  'less than': '<',
  'lower than': '<',
  'younger than': '<',
  // Of a duration: "life expectancy was shorter than 6 months" (NCT03860194).
  'shorter than': '<',
  'longer than': '>',
  'fewer than': '<',
  'at least': '>=',
  'minimum of': '>=',
  'a minimum of': '>=',
  'no less than': '>=',
  'not less than': '>=',
  'greater than or equal to': '>=',
  'more than or equal to': '>=',
  'equal to or greater than': '>=',
  'equal to or more than': '>=',
  'equal to or older than': '>=',
  'equal or older than': '>=',
  'equal to or younger than': '<=',
  'equal or younger than': '<=',
  'no older than': '<=',
  'not older than': '<=',
  'no younger than': '>=',
  'not younger than': '>=',
  'more or equal': '>=',
  'more or equal to': '>=',
  'greater or equal': '>=',
  'greater or equal to': '>=',
  'equal or more than': '>=',
  'equal or greater than': '>=',
  'less or equal': '<=',
  'less or equal to': '<=',
  'equal or less than': '<=',
  'at most': '<=',
  'up to': '<=',
  'maximum of': '<=',
  'a maximum of': '<=',
  'no more than': '<=',
  'not more than': '<=',
  'not exceeding': '<=',
  'no greater than': '<=',
  'not greater than': '<=',
  'not to exceed': '<=',
  'less than or equal to': '<=',
  'equal to or less than': '<=',
};
// Longer phrases first so that "greater than or equal to" is not read as "greater than".
export const OP_SOURCE = Object.keys(OP_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');
const OP = `(${OP_SOURCE})`;
// "25th percentile": an ordinal is no value.
const NUM = '(1:\\d+|\\d+(?:\\.\\d+)?)(?![\\d.]*(?:st|nd|rd|th)\\b)';
const UNIT_WORDS = [
  '×ULN',
  '×LLN',
  'ULN',
  'LLN',
  'N\\b',
  '×\\s*10\\^?\\s*[39]\\s*/\\s*[lL]',
  '×\\s*10[³⁹]\\s*/\\s*[lL]',
  '10\\^?[39]\\s*/\\s*[lL]',
  '10[³⁹]\\s*/\\s*[lL]',
  '×\\s*10\\^?3\\s*/\\s*(?:µ|u|μ)[lL]',
  '10\\^?3\\s*/\\s*(?:µ|u|μ)[lL]',
  '×\\s*10\\^?3\\s*/\\s*mm(?:3|³)',
  '10\\^?3\\s*/\\s*mm(?:3|³)',
  'cells\\s*/\\s*(?:µ|u|μ)[lL]',
  'cells\\s*/\\s*mm(?:3|³)',
  '/\\s*mm(?:3|³)',
  '/\\s*(?:µ|u|μ)[lL]',
  '/\\s*nl',
  'per\\s+mm(?:3|³)',
  'per\\s+(?:µ|u|μ)l\\b',
  '(?:µ|u|μ)g/l',
  'beats?\\s*(?:/|per)\\s*min(?:ute)?',
  'bpm\\b',
  'breaths?\\s*(?:/|per)\\s*min(?:ute)?',
  'm[iu]?u/l',
  '(?:µ|u|μ)i?u/ml',
  'nmol/l',
  'ng/ml',
  'mg/l',
  'm[iu]?u/ml',
  'mmol/mol',
  'mg/kg/d(?:ay)?',
  'mg/kg',
  'mg/day',
  'mg/d\\b',
  'g/day',
  'g/24\\s*h',
  'gr?/dl',
  'g/l',
  'mg/dl',
  '(?:µ|u|μ|micro)mol/l',
  'mmol/l',
  'meq/l',
  'iu/l',
  'u/l',
  '(?:µ|u|μ)kat/l',
  'ml\\s*/\\s*min(?:ute)?\\s*/\\s*1\\.73\\s*m\\s*(?:\\^?2|²)',
  'ml/min',
  'ml/s',
  'kg/m(?:2|²)',
  'kg/m\\^2',
  // An area: "mitral valve orifice area <3.5 cm2" (NCT03869164); before "mm" and "cm".
  '[cm]m(?:\\^?2|²)',
  'mm\\s*Hg',
  'kPa\\b',
  'mg\\b',
  'kilograms?',
  'kgs?\\b',
  'pounds?',
  'lbs?\\b',
  'g(?:m|r)?\\s*%',
  'g\\b',
  'mm\\b',
  'cm\\b',
  '%',
  'years?',
  'yrs?\\b',
  'y\\b',
  'months?',
  'weeks?',
  'days?',
  'hours?',
  'hrs?\\b',
  'h\\b',
  'ms\\b',
  'msecs?\\b',
  'milliseconds?',
];
// "kg / m2", "mmol / L": a slash may be spaced.
const UNIT = `(${UNIT_WORDS.map((w) => w.replace(/(?<!\\s\*)\/(?!\\s)/g, '\\s*/\\s*')).join('|')})`;
const LEAD = '[\\s(),:]*(?:(?:score|scores|values?|with values?|results?|levels?|concentrations?|count|dose|therapy|with dose|of|is|was|must be|should be)\\s*)*[\\s(),:=]*';
const ORDER_AFTER = '(?:\\s*(?:old|of age))?\\s*(or|and)\\s+(older|over|above|more|greater|higher|younger|under|below|less|lower|fewer)';
const AFTER_OP: Readonly<Record<string, CompareOp>> = {
  older: '>=',
  over: '>=',
  above: '>=',
  more: '>=',
  greater: '>=',
  higher: '>=',
  younger: '<=',
  under: '<=',
  below: '<=',
  less: '<=',
  lower: '<=',
  fewer: '<=',
};

// "at least 18 years or older": the trailing words repeat the operator.
const COMPARISON = new RegExp(
  `${LEAD}${OP}\\s*${NUM}\\s*${UNIT}?(?:\\s*(?:old|of age))?(?:\\s*(?:or|and) (older|over|above|more|greater|higher|younger|under|below|less|lower)(?![\\w ]*(?:than|\\d)))?`,
  'iy',
);
// "20 years old and 65 years old", "19~45 years", "4 to < 17 years" (the upper operator as written).
const RANGE = new RegExp(`${LEAD}(?:between|from|of|within)?\\s*${NUM}\\s*${UNIT}?(?:\\s*(?:old|of age))?\\s*(?:-|~|～|to|and)\\s*(<=|<)?\\s*${NUM}\\s*${UNIT}?`, 'iy');
// "18+ years": at least the number.
const VALUE_PLUS = new RegExp(`${LEAD}${NUM}\\s*\\+\\s*${UNIT}?`, 'iy');
// "18 years or older", "110 pounds or less": the operator after the number and unit.
const VALUE_THEN_ORDER = new RegExp(`${LEAD}${NUM}\\s*${UNIT}?${ORDER_AFTER}`, 'iy');
// "(3 times the upper limit of normal >)": the operator written after the number (NCT04952155).
const TRAILING_OP = new RegExp(`${LEAD}${NUM}\\s*(×ULN|×LLN)\\s*(>=|<=|>|<)`, 'iy');
const CONTINUATION = new RegExp(`\\s*,?\\s*(or|and)\\s+${OP}\\s*${NUM}\\s*${UNIT}?`, 'iy');

export function unitOf(written: string | undefined): string {
  if (!written) return '';
  const u = normalizeUnit(written);
  if (u === 'n' || u === 'uln' || u === '×uln') return '×uln';
  if (u === 'lln' || u === '×lln') return '×lln';
  if (/^(?:years?|yrs?|y)$/.test(u)) return 'years';
  if (/^months?$/.test(u)) return 'months';
  if (/^weeks?$/.test(u)) return 'weeks';
  if (/^days?$/.test(u)) return 'days';
  if (/^(?:hours?|hrs?|h)$/.test(u)) return 'hours';
  if (/^(?:ms|msecs?|milliseconds?)$/.test(u)) return 'ms';
  if (u === 'kg/m^2') return 'kg/m2';
  if (u === 'permm3') return '/mm3';
  return u;
}

function comparison(op: CompareOp, num: string, unit: string | undefined): Comparison {
  const value = num.startsWith('1:') ? Number(num.slice(2)) : Number(num);
  return { op, value, unit: num.startsWith('1:') ? '1:n' : unitOf(unit) };
}

/** The operator a word or symbol names (OP_SOURCE matches only those). */
export const opOf = (word: string): CompareOp => OP_WORDS[word.toLowerCase().replace(/\s+/g, ' ')] ?? '>';

function exec(re: RegExp, text: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(text);
}

/**
 * Comparisons written right after a phrase, from `from`. A range is inclusive for an inclusion and
 * exclusive for an exclusion: "between 18 and 65" may be read either way, and the weaker reading is
 * the one an inclusion needs (necessary) while the stronger one is what an exclusion needs (sufficient).
 */
export function readComparisons(text: string, from: number, side: 'inclusion' | 'exclusion'): ReadComparisons | undefined {
  // "no older than" is an operator; a bare "no"/"not" before a limit ("not > 3") is not read.
  if (/\b(?:no|not)\s*$/i.test(text.slice(0, from)) || /^[\s(),:]*(?:no|not)\s*(?:>|<|=)/i.test(text.slice(from))) return undefined;
  let m = exec(RANGE, text, from);
  if (m && Number(m[1]) < Number(m[4])) {
    const unit = m[5] ?? m[2];
    const [lo, hi]: [CompareOp, CompareOp] = side === 'inclusion' ? ['>=', '<='] : ['>', '<'];
    return { comparisons: [comparison(lo, m[1]!, m[2] ?? unit), comparison((m[3] as CompareOp | undefined) ?? hi, m[4]!, unit)], end: from + m[0].length, connective: 'all', opAfter: false };
  }
  m = exec(VALUE_PLUS, text, from);
  if (m) return { comparisons: [comparison('>=', m[1]!, m[2])], end: from + m[0].length, connective: 'any', opAfter: false };
  m = exec(VALUE_THEN_ORDER, text, from);
  if (m) return { comparisons: [comparison(AFTER_OP[m[4]!.toLowerCase()]!, m[1]!, m[2])], end: from + m[0].length, connective: 'any', opAfter: false };
  m = exec(COMPARISON, text, from);
  let first: Comparison;
  let opAfter = false;
  if (m && m[4]) {
    // The repeated operator must agree ("at least 18 or older"); "over 18 or younger" is not read.
    const op = opOf(m[1]!);
    const again = AFTER_OP[m[4].toLowerCase()]!;
    if ((op === '>' || op === '>=') !== (again === '>=')) return undefined;
    first = comparison(again === '>=' ? '>=' : '<=', m[2]!, m[3]);
  } else if (m) first = comparison(opOf(m[1]!), m[2]!, m[3]);
  else {
    m = exec(TRAILING_OP, text, from);
    if (!m) return undefined;
    first = comparison(opOf(m[3]!), m[1]!, m[2]);
    opAfter = true;
  }
  const comparisons = [first];
  let end = from + m[0].length;
  let connective: 'any' | 'all' = 'any';
  let c: RegExpExecArray | null;
  while ((c = exec(CONTINUATION, text, end))) {
    connective = c[1]!.toLowerCase() === 'and' ? 'all' : 'any';
    comparisons.push(comparison(opOf(c[2]!), c[3]!, c[4]));
    end += c[0].length;
  }
  return { comparisons, end, connective, opAfter };
}

/**
 * A short phrase the parenthesised comparison defines: "renal insufficiency (creatinine clearance ≤30ml/min)". Never a
 * negation word: in "No anemia (hemoglobin < 11 g/dL)" the comparison defines anemia, and "No" is left to negate it.
 */
export function definedPhraseStart(text: string, start: number): number {
  const m = /([A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2}) ?\( ?$/.exec(text.slice(0, start));
  if (!m) return start;
  // A hyphenated word ("Non-obese (BMI < 30)") is defined whole.
  const words = m[1]!.split(' ');
  const k = words.findLastIndex((w) => !w.includes('-') && NEGATION.test(w));
  return m.index + words.slice(0, k + 1).reduce((n, w) => n + w.length + 1, 0);
}
