import type { Criterion, Expr, Side } from './expression.js';
import { allOf, anyOf } from './combine.js';
import { negate } from './negation.js';

/**
 * A line that holds only under a condition it names: "Women of childbearing potential must have a
 * negative pregnancy test", "If female, R", "R (for women)". Read only where the condition is a
 * recorded fact named exactly (sex, childbearing potential) and the rest R is read exactly
 * (computable) on its own. An inclusion "if C then R" is any(not C, R); an exclusion "R if C"
 * excludes those with both, all(C, R). Anything less certain is left to the usual reasons.
 */

const PERSONS = '(?: (?:patients?|subjects?|participants?|volunteers?))?';
// CTFG 2014 (status-facts.ts) defines WOCBP; "of reproductive age" is an age, not this status.
const CBP = `(?:(?:women|woman|females?)${PERSONS} (?:of|with) (?:childbearing|child-bearing|child bearing) potential|WOCBP)(?:\\s*\\([^()]*\\))?`;
const CONDITIONS: readonly (readonly [string, Expr])[] = [
  [CBP, { kind: 'is', fact: 'childbearing_potential', value: true }],
  [`(?:females?|women|woman)${PERSONS}`, { kind: 'equals', fact: 'sex', value: 'female' }],
  [`(?:males?|men|man)${PERSONS}`, { kind: 'equals', fact: 'sex', value: 'male' }],
];

/** The forms of "if C, R" for a condition source C; `r` is the rest, R. */
function forms(c: string, side: Side): RegExp[] {
  const common = [
    new RegExp(`^(?:for|in) (?:the )?${c}\\s*[:,]\\s*(?<r>.+)$`, 'i'),
    new RegExp(`^${c}\\s*:\\s*(?<r>.+)$`, 'i'),
    new RegExp(`^if (?:(?:the )?(?:patient|subject|participant) is )?(?:an? )?${c}\\s*[:,]?\\s*(?<r>.+)$`, 'i'),
    // Not "R in women": an inclusion "breast cancer in women" may require the sex, not make it a condition. A bare
    // "for women" may name whom a treatment is for ("hormone therapy for women"); a status ("for WOCBP") may not.
    new RegExp(`^(?<r>.+?)\\s*(?:[,;]\\s*(?:if|for)|\\(\\s*(?:if|for)|\\s(?:if${c === CBP ? '|for' : ''})) ${c}\\s*\\)?\\s*\\.?$`, 'i'),
  ];
  // An inclusion "Women … must have …" is a rule for those named, not a requirement to be one of them.
  return side === 'inclusion'
    ? [...common, new RegExp(`^${c}\\s*,?\\s*(?<r>(?:must|should|shall|needs? to|ha(?:s|ve) to|(?:is|are) required to)\\b.+)$`, 'i')]
    : // "Women of childbearing potential with a positive pregnancy test"; for a sex ("Women with X") the reading without the sex stands (readSex).
      [...common, ...(c === CBP ? [new RegExp(`^${c}\\s+(?:who|that|with)\\s+(?<r>.+)$`, 'i')] : [])];
}

// "Patients were excluded if they …", an exclusion "if the patient is taking …": "if" introduces the line's own condition.
// A bare "if" only without a comma, which could end a condition ("If diabetic, HbA1c > 8 %").
const FRAMES: Record<Side, RegExp> = {
  inclusion: /^(?:all )?(?:patients|participants|subjects) (?:were|will be|are) (?:included|eligible)(?: in (?:this|the) study)? if (?:they |their )?(?<r>.+)$/i,
  exclusion: /^(?:(?:all )?(?:patients|participants|subjects) (?:were|will be|are) excluded(?: from (?:this|the) study)? if (?:they |he\/she |he or she )?(?<r>.+)|if (?<bare>[^,;:]+))$/i,
};

/** The line without a frame that only says it is a criterion ("Patients were excluded if …"), read as the rest; or undefined. */
export function readFramed(id: string, side: Side, verbatim: string, text: string, parse: (side: Side, text: string) => Criterion): Criterion | undefined {
  const m = FRAMES[side].exec(text);
  const r = m?.groups?.['r'] ?? m?.groups?.['bare'];
  if (!r) return undefined;
  const read = parse(side, r.trim());
  return read.computability === 'attested' ? undefined : { ...read, id, text: verbatim };
}

const formsOf = (side: Side) => CONDITIONS.flatMap(([source, condition]) => forms(source, side).map((re) => [re, condition] as const));
const FORMS: Record<Side, readonly (readonly [RegExp, Expr])[]> = { inclusion: formsOf('inclusion'), exclusion: formsOf('exclusion') };

/** The criterion of a line "if C then R" with C and R both read exactly, or undefined. */
export function readImplication(id: string, side: Side, verbatim: string, text: string, parse: (side: Side, text: string) => Criterion): Criterion | undefined {
  for (const [re, condition] of FORMS[side]) {
    const r = re.exec(text)?.groups?.['r']?.trim();
    if (!r) continue;
    const read = parse(side, r);
    if (read.computability !== 'computable') continue;
    const expr = side === 'inclusion' ? anyOf([negate(condition), read.expr]) : allOf([condition, read.expr]);
    return { id, side, text: verbatim, computability: 'computable', expr, flags: read.flags };
  }
  return undefined;
}

/** "Body fat > 25% for men", "(if female)": a sex named as the condition of the rest, never as a requirement. */
export const SEX_CONDITION = /\b(?:for|if|in)\s+(?:the\s+)?(?:men|women|males?|females?|man|woman|boys?|girls?)\b/i;
