import type { CompareOp, Expr } from './expression.js';
import { allOf, anyOf } from './combine.js';
import { definedPhraseStart, OP_SOURCE, opOf, readComparisons, unitOf } from './comparisons.js';
import { consumptionCounts } from './consumption-counts.js';
import { singleFactTermEnding, termOf } from './numeric-terms.js';
import type { LineParser } from './line-parser.js';

/**
 * Measurements written in a form the lexicon's "name, then comparison" cannot read, or that need the
 * rest of the line to say whose they are: the gestational age ("24-28 weeks gestation", "gestational
 * age < 32 weeks"), a blood pressure pair ("BP > 160/100 mmHg"), between two limits or as two ranges,
 * the birth weight, a class of a scale ("Mallampati grade IV", "GMFCS levels I-III"), the RASS with its
 * signed limits, a value outside a range ("Hematocrit outside the normal range (35-50%)"), a life
 * expectancy "within 12 months", an HbA1c limit in mmol/mol restated in %, and what a patient smokes
 * or drinks in a day or a week (consumption-counts.ts).
 */
export function measurementForms(p: LineParser): void {
  gestationalAge(p);
  bloodPressurePair(p);
  bloodPressureAfter(p);
  bloodPressureBetween(p);
  bloodPressureRanges(p);
  birthWeight(p);
  classScales(p);
  rassLimits(p);
  outsideRange(p);
  lifeExpectancyWithin(p);
  hba1cTwoUnits(p);
  consumptionCounts(p);
}

const GA_NAME = /\b(?:gestation(?:al)? age|gestation)\b(?:\s*\(\s*GA\s*\))?(?:\s+(?:range|of|at (?:birth|screening)))?/gi;
const START = new RegExp(`(?:(?<![A-Za-z])(?:${OP_SOURCE})(?![A-Za-z]))?\\s*(?<![\\d.,/])\\d`, 'gi');
// What names the gestation after a number of weeks: "24-28 weeks gestation", "26 to 34 weeks of gestational age".
const GA_AFTER = /^\s*(?:of\s+)?(?:gestation(?:al age)?|gestational weeks?|amenorrh(?:o)?ea)\b/i;
// "≥ 37SA": weeks of amenorrhoea (semaines d'aménorrhée), counted from the last menstrual period as the gestational age is (WHO ICD-10, vol. 2, 5.7.1).
const GA_WEEKS_AFTER = /^\s*(?:gestational weeks?|SA)\b/;
// The patient's own birth, or a pregnancy now: which gestational age the line means. "Preterm", "delivered"
// or a birth weight alone may be a past delivery of the patient's, or her baby's.
const BIRTH = /\b(?:born|at birth|infants?|neonates?|newborns?|bab(?:y|ies))\b/i;
const PREGNANCY = /\bpregnan\w*|\bwom[ae]n\b|\bmothers?\b|\bat (?:the )?screening\b/i;
// "GDM diagnosed >= 33 gestational weeks", "Gestation <15 weeks at first prenatal visit", "history of preterm
// delivery (< 37 weeks)", "preterm birth": the age at another event, or of another pregnancy (not "at birth").
const EVENT = /\b(?:diagnos\w*|onset|prenatal visit|first visit|booking|before|after|when|during|since|prior|until|deliver(?:y|ies|ed)|labou?r|history|previous(?:ly)?|past|(?<!at )birth)\b/i;
// "23 weeks 6 days", "22 0/7 weeks", "32.6 weeks" (32+6 in obstetric notation): days the fact (completed weeks) does not hold.
const DAYS_AFTER = /^\s*(?:\d+\s*days?\b|\d\s*\/\s*7\b)/i;
const TAIL = /^(?:\s+of)?(?:\s+(?:gestation(?:al age)?|gestational weeks?|amenorrh(?:o)?ea)|\s*SA\b)?(?:\s+at (?:birth|(?:the )?screening(?: visit)?))?/i;

/**
 * "Gestational age < 32 weeks", "between 24-28 weeks gestation", "< 27 weeks gestation at birth":
 * read as the current pregnancy's gestational age when the line speaks of a pregnancy (or women), as
 * the patient's gestational age at birth when it speaks of a birth or an infant; neither or both,
 * or the age at another event, stays attested.
 */
export function gestationalAge(p: LineParser): void {
  const spans: { start: number; from: number; afterName: boolean }[] = [];
  for (const m of p.text.matchAll(GA_NAME)) spans.push({ start: m.index, from: m.index + m[0].length, afterName: true });
  for (const m of p.text.matchAll(START)) spans.push({ start: m.index, from: m.index, afterName: false });
  for (const s of spans) {
    if (!p.free(s.start, s.from + 1)) continue;
    if (!s.afterName && /\d\s*(?:-|~|to|and)\s*$/i.test(p.text.slice(0, s.start))) continue;
    const found = readComparisons(p.text, s.from, p.side);
    if (!found) continue;
    // "between (16-24) weeks of gestation": the unit after the parenthesis.
    const paren = s.afterName ? null : /^\s*\)\s*weeks?\b/i.exec(p.text.slice(found.end));
    const end = found.end + (paren && /\(\s*$/.test(p.text.slice(0, s.start)) ? paren[0].length : 0);
    const after = p.text.slice(end);
    const units = found.comparisons.map((c) => c.unit || (end > found.end ? 'weeks' : ''));
    const named = s.afterName || (units.every((u) => u === 'weeks' || u === '') && units.includes('weeks') ? GA_AFTER.test(after) : units.every((u) => u === '') && GA_WEEKS_AFTER.test(after));
    if (!named) continue;
    const clauseStart = Math.max(p.text.lastIndexOf(';', s.start), p.text.lastIndexOf('. ', s.start)) + 1;
    const clauseEnd = end + (/[;]|\.(?:\s|$)/.exec(after)?.index ?? after.length);
    const clause = p.text.slice(clauseStart, clauseEnd);
    const reason = gaReason(
      p.text,
      clause,
      units,
      found.comparisons.map((c) => c.value),
      after,
    );
    if (typeof reason === 'string') {
      p.reasons.push(reason);
      continue;
    }
    const cmps: Expr[] = found.comparisons.map((c) => ({ kind: 'compare', fact: reason.fact, op: c.op, value: c.value, unit: 'weeks' }));
    // "between (16-24) weeks of gestation".
    const before = s.afterName ? null : /\bbetween\s*\(\s*$/i.exec(p.text.slice(0, s.start));
    const tail = TAIL.exec(after)![0];
    p.add(before ? before.index : s.start, end + tail.length, found.connective === 'all' ? allOf(cmps) : anyOf(cmps), 'compare');
  }
}

function gaReason(text: string, clause: string, units: string[], values: number[], after: string): string | { fact: string } {
  if (units.some((u) => u !== 'weeks' && u !== '')) return 'the gestational age is compared in a unit other than weeks';
  if (EVENT.test(clause)) return 'the gestational age limit is at another event, not at screening or birth';
  if (DAYS_AFTER.test(after) || values.some((v) => !Number.isInteger(v))) return 'the gestational age is given in weeks and days, which the fact (completed weeks) cannot hold';
  const birth = BIRTH.test(text);
  if (birth === PREGNANCY.test(text)) return "the line does not say whether the gestational age is of a pregnancy now or the patient's own at birth";
  return { fact: birth ? 'gestational_age_at_birth' : 'gestational_age' };
}

const BP_NAME = String.raw`(?:(?:resting |office |seated |sitting )?blood pressure(?:\s*\(\s*BP\s*\))?|\bBP\b|\bhypertension\s*\()`;
const BP = new RegExp(String.raw`${BP_NAME}\s*(?:of\s*|:\s*|is\s*)?(?:(${OP_SOURCE})\s*)?(\d{2,3})\s*\/\s*(\d{2,3})(?!\d|\.\d)\s*(mm\s*Hg\b)?(\s*or\s+(?:more|higher|greater|above))?`, 'gi');

/**
 * "BP > 160/100 mmHg", "hypertension (>180/110 mmHg)": a systolic over a diastolic limit. Whether both
 * or either must pass is not said, so an inclusion reads either (necessary under both readings) and
 * an exclusion both (sufficient under both). The unit must be written.
 */
export function bloodPressurePair(p: LineParser): void {
  for (const m of p.text.matchAll(BP)) {
    const end = m.index + m[0].length;
    if (!p.free(m.index, end)) continue;
    if (/\b(?:no|not)\s*$/i.test(p.text.slice(0, m.index))) continue;
    const op: CompareOp | undefined = m[1] ? opOf(m[1]) : m[5] ? '>=' : undefined;
    if (!op || (m[1] && m[5])) continue;
    if (!m[4]) {
      p.reasons.push('the unit of the blood pressure limit is not stated');
      continue;
    }
    const cmps: Expr[] = [
      { kind: 'compare', fact: 'systolic_bp', op, value: Number(m[2]), unit: 'mmhg' },
      { kind: 'compare', fact: 'diastolic_bp', op, value: Number(m[3]), unit: 'mmhg' },
    ];
    // A limit in parentheses defines the phrase before it: "severe hypertension (>180/110 mmHg)".
    const inner = /^hypertension/i.test(m[0]) ? m.index + m[0].indexOf('(') + 1 : m.index;
    p.add(Math.min(definedPhraseStart(p.text, inner), m.index), end, p.side === 'inclusion' ? anyOf(cmps) : allOf(cmps), 'compare');
  }
}

// "Hypertension (≥140 mmHg systolic and/or ≥90 mmHg diastolic)": each limit before its name, the joiner as written.
const OP_GROUP = `(${OP_SOURCE})`;
const BP_AFTER = new RegExp(String.raw`${OP_GROUP}\s*(\d{2,3})\s*mm\s*Hg\s+(?:systolic|SBP)\b\s*(and\/or|or|and)\s*${OP_GROUP}\s*(\d{2,3})\s*mm\s*Hg\s+(?:diastolic|DBP)\b`, 'gi');

/** A systolic and a diastolic limit, each written before its name; "and" is both, "or" and "and/or" either. */
export function bloodPressureAfter(p: LineParser): void {
  for (const m of p.text.matchAll(BP_AFTER)) {
    const end = m.index + m[0].length;
    if (!p.free(m.index, end) || /\b(?:no|not)\s*$/i.test(p.text.slice(0, m.index))) continue;
    // Read only as the line's own limit or the definition of its first phrase ("Hypertension (…)"): in a longer
    // text ("1) the office BP … ( >=140 mmHg SBP and/or …); 2) for patients with normal BP …", NCT03862183) it may be one alternative.
    const start = definedPhraseStart(p.text, m.index);
    if (p.content(0, start)) continue;
    const cmps: Expr[] = [
      { kind: 'compare', fact: 'systolic_bp', op: opOf(m[1]!), value: Number(m[2]), unit: 'mmhg' },
      { kind: 'compare', fact: 'diastolic_bp', op: opOf(m[4]!), value: Number(m[5]), unit: 'mmhg' },
    ];
    p.add(start, end, m[3]!.toLowerCase() === 'and' ? allOf(cmps) : anyOf(cmps), 'compare');
  }
}

// "msSBP": the mean sitting systolic pressure, the mean of the readings a protocol takes seated at a visit, as
// "sitting blood pressure" is read above; "sSBP" alone is not read (NCT03860220 does not say what it is).
const PRESSURES = [
  { fact: 'systolic_bp', abbreviation: 'msSBP' },
  { fact: 'diastolic_bp', abbreviation: 'msDBP' },
].map(({ fact, abbreviation }) => ({ fact, name: String.raw`(?:(?:mean )?(?:sitting |seated )?(?:${termOf(fact).pattern.source})|\b${abbreviation}\b)` }));
const MMHG = String.raw`\s*mm\s*Hg\b`;
const BETWEEN = PRESSURES.map(({ fact, name }) => ({
  fact,
  form: new RegExp(String.raw`(?<![\d.])(\d{2,3})${MMHG}\s*(<=|<)\s*${name}\s*(<=|<)\s*(\d{2,3})${MMHG}`, 'gi'),
}));

/** "145 mmHg ≤ msSBP ≤ 190 mmHg": a pressure between two limits, each with its unit; both are required. */
export function bloodPressureBetween(p: LineParser): void {
  for (const { fact, form } of BETWEEN) {
    for (const m of p.text.matchAll(form)) {
      const end = m.index + m[0].length;
      if (!p.free(m.index, end)) continue;
      const cmps: Expr[] = [
        { kind: 'compare', fact, op: m[2] === '<' ? '>' : '>=', value: Number(m[1]), unit: 'mmhg' },
        { kind: 'compare', fact, op: m[3] === '<' ? '<' : '<=', value: Number(m[4]), unit: 'mmhg' },
      ];
      p.add(m.index, end, allOf(cmps), 'compare');
    }
  }
}

const RANGE = String.raw`(\d{2,3})\s*(?:-|–|to)\s*(\d{2,3})${MMHG}`;
const BP_RANGES = new RegExp(String.raw`\bblood pressure\s*\(\s*systolic\s*:?\s*${RANGE}\s*[;,]\s*diastolic\s*:?\s*${RANGE}\s*\)`, 'gi');

/**
 * "Normal blood pressure (systolic 90-140 mmHg; diastolic 50-90 mmHg)" (NCT03929367): a range of each pressure,
 * the ends included. A semicolon does not say whether both or either must hold, so an inclusion reads either
 * (necessary under both readings) and an exclusion both (sufficient under both), as for a pair above.
 */
export function bloodPressureRanges(p: LineParser): void {
  for (const m of p.text.matchAll(BP_RANGES)) {
    const end = m.index + m[0].length;
    if (!p.free(m.index, end) || /\b(?:no|not)\s*$/i.test(p.text.slice(0, m.index))) continue;
    const [lowS, highS, lowD, highD] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (lowS >= highS || lowD >= highD) continue;
    const range = (fact: string, low: number, high: number): Expr =>
      allOf([
        { kind: 'compare', fact, op: '>=', value: low, unit: 'mmhg' },
        { kind: 'compare', fact, op: '<=', value: high, unit: 'mmhg' },
      ]);
    const cmps = [range('systolic_bp', lowS, highS), range('diastolic_bp', lowD, highD)];
    p.add(definedPhraseStart(p.text, m.index + m[0].indexOf('(') + 1), end, p.side === 'inclusion' ? anyOf(cmps) : allOf(cmps), 'compare');
  }
}

const BIRTH_WEIGHT = /\bbirth ?weight\b(?:\s*\(\s*BW\s*\))?/gi;

/** "Birthweight <1500 g": the patient's own, unless the line speaks of a pregnancy or a mother (then it may be her baby's). */
export function birthWeight(p: LineParser): void {
  for (const m of p.text.matchAll(BIRTH_WEIGHT)) {
    const end = m.index + m[0].length;
    if (!p.free(m.index, end)) continue;
    if (PREGNANCY.test(p.text)) {
      p.reasons.push("the birth weight may be of the patient's baby, not the patient's own");
      continue;
    }
    p.comparisons([['birth_weight']], m.index, end, m[0]);
  }
}

// Scales of whole classes, 1 to their top class; a class written right after the name, in Roman or Arabic numerals
// (a limit with an operator is the lexicon's). A subclass ("MGFA class IIa") is not read.
const CLASS_SCALES = [
  { fact: 'mallampati', top: 4, name: String.raw`(?:modified )?Mallampati(?:\s+(?:score|class|grade|classification))?` },
  { fact: 'gmfcs', top: 5, name: String.raw`(?:Gross Motor Function Classification System(?:\s*\(\s*GMFCS\s*\))?|\bGMFCS\b)(?:\s+(?:levels?|class))?` },
  {
    fact: 'mgfa_class',
    top: 5,
    name: String.raw`(?:Myasthenia Gravis Foundation of America(?:\s*\(\s*MGFA\s*\))?|\bMGFA\b)(?:\s+Clinical)?(?:\s+Classification)?(?:\s+Class)?`,
  },
  { fact: 'glogau', top: 4, name: String.raw`Glogau(?:\s+photo-?aging)?(?:\s+(?:score|class|classification|type|grade|scale))?` },
];
const CLASS = String.raw`(V|IV|III|II|I|[1-5])(?!\w|\.\d)`;
const CLASS_FORMS = CLASS_SCALES.map((scale) => ({
  ...scale,
  form: new RegExp(String.raw`${scale.name}\s*(?::\s*)?${CLASS}(?:\s*(-|to|or|and\/or|and)\s*${CLASS})?(\s+or (?:higher|above|more|worse))?`, 'gi'),
}));
const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };
const classOf = (s: string): number => ROMAN[s.toUpperCase()] ?? Number(s);

/**
 * "Modified Mallampati grade IV" (Samsoon & Young 1987), "GMFCS levels I-III" (Palisano 1997), "Myasthenia Gravis
 * Foundation of America Clinical Classification Class II to IV" (Jaretzki 2000), "Glogau photoaging score II and III"
 * (Glogau 1996): the classes named, each whole ("III-IV" is class 3 and class 4, not between them). One patient has
 * one class, so "II and III" names the same classes as "II or III".
 */
export function classScales(p: LineParser): void {
  for (const { fact, top, form } of CLASS_FORMS) {
    for (const m of p.text.matchAll(form)) {
      const end = m.index + m[0].length;
      if (!p.free(m.index, end)) continue;
      // A longer list ("1, 2 and 3", "2 / 3") or an operator before the name is read by no rule here.
      if (/^\s*(?:,|and\b|&|\/|or\b|-|to\b)/i.test(p.text.slice(end)) || /(?:[<>≤≥=]|\b(?:than|to))\s*$/i.test(p.text.slice(0, m.index))) continue;
      const first = classOf(m[1]!);
      const last = m[3] ? classOf(m[3]) : first;
      // "III or IV" only as neighbours: "I or IV" is not one run of classes.
      if (last < first || last > top || (m[2] && m[2] !== '-' && m[2].toLowerCase() !== 'to' && last !== first + 1)) continue;
      const hi = m[4] ? top : last;
      const cmp = (op: CompareOp, value: number): Expr => ({ kind: 'compare', fact, op, value, unit: '' });
      const bounds = [...(first > 1 ? [cmp('>=', first)] : []), ...(hi < top ? [cmp('<=', hi)] : [])];
      if (bounds.length === 0) continue;
      p.add(definedPhraseStart(p.text, m.index), end, allOf(bounds), 'compare');
    }
  }
}

const RASS_NAME = String.raw`(?:Richmond Agitation[- ](?:and[- ])?Sedation Scale(?:\s*\(\s*RASS\s*\))?|\bRASS\b)`;
// A signed limit: "< -1", "≥ +2", "> −3" (a minus sign or a hyphen).
const SIGNED = String.raw`(<=|>=|<|>)\s*([-−+]?\d)(?![\d.])`;
const LIMITS = String.raw`${SIGNED}(?:\s+(or|and)\s+${SIGNED})?`;
const RASS_FORMS = [new RegExp(String.raw`\b(?:an? )?score\s+(?:of\s+)?${LIMITS}\s+on\s+(?:the\s+)?${RASS_NAME}`, 'gi'), new RegExp(String.raw`${RASS_NAME}(?:\s+score)?\s*(?:of\s+)?${LIMITS}`, 'gi')];

/**
 * The Richmond Agitation–Sedation Scale runs from −5 to +4 (Sessler et al., Am J Respir Crit Care Med 2002;166:1338):
 * its limits may be negative, which the comparisons of the lexicon do not read. "a score > 1 or < -1 on the Richmond
 * Agitation and Sedation Scale (RASS)" (NCT03922113), "RASS ≥ -2 and ≤ 1"; "or" is either limit, "and" both.
 */
export function rassLimits(p: LineParser): void {
  for (const form of RASS_FORMS) {
    for (const m of p.text.matchAll(form)) {
      const end = m.index + m[0].length;
      if (!p.free(m.index, end) || /\b(?:no|not)\s*$/i.test(p.text.slice(0, m.index))) continue;
      const limit = (op: string, value: string): Expr => ({ kind: 'compare', fact: 'rass', op: op as CompareOp, value: Number(value.replace('−', '-')), unit: '' });
      const cmps = [limit(m[1]!, m[2]!), ...(m[3] ? [limit(m[4]!, m[5]!)] : [])];
      p.add(m.index, end, m[3]?.toLowerCase() === 'and' ? allOf(cmps) : anyOf(cmps), 'compare');
    }
  }
}

const OUTSIDE = /\s*(?:is |are )?outside (?:of )?(?:the )?(?:normal |reference )?(?:range|limits)\s*\(\s*(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*([^\s\d)][^)]*?)?\s*\)/gi;

/**
 * "Hematocrit outside the normal range (35-50%)" (NCT03921983): below the range's low end or above its high end, the
 * range given in the parentheses; read only after a value's name with one fact, in a unit its fact accepts.
 */
export function outsideRange(p: LineParser): void {
  for (const m of p.text.matchAll(OUTSIDE)) {
    const end = m.index + m[0].length;
    const before = p.text.slice(0, m.index);
    const named = singleFactTermEnding(before);
    if (!named) continue;
    const start = named.start;
    const [low, high] = [Number(m[1]), Number(m[2])];
    if (!p.free(start, end) || low >= high || /\b(?:no|not)\s*$/i.test(p.text.slice(0, start))) continue;
    const fact = named.term.facts[0]!;
    const unit = p.unitFor(fact, unitOf(m[3]));
    if (typeof unit !== 'string') {
      p.reasons.push(`"${named.name}": ${unit.reason}`);
      continue;
    }
    const cmps: Expr[] = [
      { kind: 'compare', fact, op: '<', value: low, unit },
      { kind: 'compare', fact, op: '>', value: high, unit },
    ];
    p.add(start, end, anyOf(cmps), 'compare');
  }
}

const LIFE_WITHIN = /\b(?:estimated |expected )?life expectancy\s+(?:of\s+|is\s+)?within\s+(?:the\s+next\s+)?(\d+)\s+(months?|years?|weeks?|days?)\b/gi;

/**
 * "life expectancy within 12 months" (NCT03869164): expected to die within them, a life expectancy of at most 12
 * months. Whether the end is included is not said: an inclusion reads it included (necessary either way) and an
 * exclusion not (sufficient either way), as a range is read.
 */
export function lifeExpectancyWithin(p: LineParser): void {
  for (const m of p.text.matchAll(LIFE_WITHIN)) {
    const end = m.index + m[0].length;
    if (!p.free(m.index, end) || /\b(?:no|not|without)\s*$/i.test(p.text.slice(0, m.index))) continue;
    p.add(m.index, end, { kind: 'compare', fact: 'life_expectancy', op: p.side === 'inclusion' ? '<=' : '<', value: Number(m[1]), unit: unitOf(m[2]) }, 'compare');
  }
}

const HBA1C = termOf('hba1c');
const HBA1C_NAME = new RegExp(String.raw`(?:${HBA1C.pattern.source})(?:\s+(?:levels?|values?))?\s*(?:of\s+|:\s*|is\s+)?`, 'gi');
const PERCENT_AFTER = new RegExp(String.raw`^\s*\(\s*(?:or\s+)?(?:(${OP_SOURCE})\s*)?(\d+(?:\.(\d+))?)\s*%\s*\)`, 'i');
// The IFCC–NGSP master equation: NGSP (%) = 0.09148 × IFCC (mmol/mol) + 2.152 (Hoelzel et al., Clin Chem 2004;50:166; NGSP, ngsp.org/ifccngsp.asp).
const ngspOf = (ifcc: number): number => 0.09148 * ifcc + 2.152;

/**
 * "HbA1c >47mmol/mol (>6.4%)" (NCT03864562): one limit in both units. The fact holds NGSP percent, which the IFCC
 * scale does not convert to by a factor; read only when the two agree within the rounding of what is written (half
 * a step of the percent's last digit plus half a mmol/mol), and then as the safer of the two in percent (the higher
 * limit of an exclusion's ">", the lower of its "<"; the other way round for an inclusion), to two decimals outward.
 */
export function hba1cTwoUnits(p: LineParser): void {
  for (const m of p.text.matchAll(HBA1C_NAME)) {
    const from = m.index + m[0].length;
    const found = readComparisons(p.text, from, p.side);
    const ifcc = found?.comparisons.length === 1 ? found.comparisons[0]! : undefined;
    if (!found || !ifcc || ifcc.unit !== 'mmol/mol' || !Number.isInteger(ifcc.value)) continue;
    const pct = PERCENT_AFTER.exec(p.text.slice(found.end));
    if (!pct || (pct[1] && opOf(pct[1]) !== ifcc.op)) continue;
    const end = found.end + pct[0].length;
    if (!p.free(m.index, end) || /\b(?:no|not)\s*$/i.test(p.text.slice(0, m.index))) continue;
    const written = Number(pct[2]);
    const converted = ngspOf(ifcc.value);
    if (Math.abs(converted - written) > 0.5 * 10 ** -(pct[3]?.length ?? 0) + 0.5 * 0.09148) continue;
    // Raise the limit where a higher one is safer: an exclusion's ">" (flags fewer), an inclusion's "<" (admits more).
    const raise = (p.side === 'exclusion') === (ifcc.op === '>' || ifcc.op === '>=');
    const value = raise ? Math.ceil(Math.max(written, converted) * 100 - 1e-9) / 100 : Math.floor(Math.min(written, converted) * 100 + 1e-9) / 100;
    p.add(m.index, end, { kind: 'compare', fact: 'hba1c', op: ifcc.op, value, unit: '%' }, 'compare');
  }
}
