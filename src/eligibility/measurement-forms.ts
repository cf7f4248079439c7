import type { CompareOp, Expr } from './expression.js';
import { allOf, anyOf } from './combine.js';
import { definedPhraseStart, OP_SOURCE, opOf, readComparisons } from './comparisons.js';
import { consumptionCounts } from './consumption-counts.js';
import type { LineParser } from './line-parser.js';

/**
 * Measurements written in a form the lexicon's "name, then comparison" cannot read, or that need the
 * rest of the line to say whose they are: the gestational age ("24-28 weeks gestation", "gestational
 * age < 32 weeks"), a blood pressure pair ("BP > 160/100 mmHg"), the birth weight, and what a patient
 * smokes or drinks in a day or a week (consumption-counts.ts).
 */
export function measurementForms(p: LineParser): void {
  gestationalAge(p);
  bloodPressurePair(p);
  bloodPressureAfter(p);
  birthWeight(p);
  consumptionCounts(p);
}

const GA_NAME = /\b(?:gestation(?:al)? age|gestation)\b(?:\s*\(\s*GA\s*\))?(?:\s+(?:range|of|at (?:birth|screening)))?/gi;
const START = new RegExp(`(?:(?<![A-Za-z])(?:${OP_SOURCE})(?![A-Za-z]))?\\s*(?<![\\d.,/])\\d`, 'gi');
// What names the gestation after a number of weeks: "24-28 weeks gestation", "26 to 34 weeks of gestational age".
const GA_AFTER = /^\s*(?:of\s+)?(?:gestation(?:al age)?|gestational weeks?)\b/i;
const GA_WEEKS_AFTER = /^\s*gestational weeks?\b/i;
// The patient's own birth, or a pregnancy now: which gestational age the line means. "Preterm", "delivered"
// or a birth weight alone may be a past delivery of the patient's, or her baby's.
const BIRTH = /\b(?:born|at birth|infants?|neonates?|newborns?|bab(?:y|ies))\b/i;
const PREGNANCY = /\bpregnan\w*|\bwom[ae]n\b|\bmothers?\b|\bat (?:the )?screening\b/i;
// "GDM diagnosed >= 33 gestational weeks", "Gestation <15 weeks at first prenatal visit", "history of preterm
// delivery (< 37 weeks)", "preterm birth": the age at another event, or of another pregnancy (not "at birth").
const EVENT = /\b(?:diagnos\w*|onset|prenatal visit|first visit|booking|before|after|when|during|since|prior|until|deliver(?:y|ies|ed)|labou?r|history|previous(?:ly)?|past|(?<!at )birth)\b/i;
// "23 weeks 6 days", "22 0/7 weeks", "32.6 weeks" (32+6 in obstetric notation): days the fact (completed weeks) does not hold.
const DAYS_AFTER = /^\s*(?:\d+\s*days?\b|\d\s*\/\s*7\b)/i;
const TAIL = /^(?:\s+of)?(?:\s+(?:gestation(?:al age)?|gestational weeks?))?(?:\s+at (?:birth|(?:the )?screening(?: visit)?))?/i;

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
