import type { Expr, Side } from './expression.js';
import { anyOf } from './combine.js';
import { negate } from './negation.js';
import { ITEM_NUMBER } from './item-number.js';

/**
 * Lines that are exactly a recorded status of the participant (status-facts.ts), or an exclusion list
 * of them: "Prisoners", "Incarcerated or in police custody", "Person deprived of liberty or legal
 * protection measure", "Affiliation to a social security scheme", "Covered by national health insurance", "Previously enrolled in the study",
 * "Currently being treated as an inpatient". A status named with anything else ("Prisoners or any
 * other high-risk population group", "Protected adults (individuals under guardianship by court
 * order)") is left to the usual rules; so is one measure of protection named alone ("Guardianship"),
 * which is narrower than the legal_protection fact.
 *
 * A form whose words may be broader than its fact ("already participated in the study": enrolled is
 * one way to have taken part) is read only where the narrower fact is safe: as an exclusion's status
 * (sufficient) or an inclusion's negated one (necessary); elsewhere the line stays attested. A form
 * whose words are narrower ("covered by national health insurance", one social security scheme) is
 * read the other way round: as an inclusion's status or an exclusion's negated one.
 */

interface StatusForm {
  readonly fact: string;
  readonly source: string;
  /** The words may name more than the fact records: read only as a sufficient exclusion or a necessary negated inclusion. */
  readonly broaderWords?: boolean;
  /** The words name less than the fact records (one scheme of several): read only as a necessary inclusion or a sufficient negated exclusion. */
  readonly narrowerWords?: boolean;
}

// "this study", "the present study": the study the patient is screened for, not another.
const THIS_STUDY = '(?:the|this) (?:present |current |same )?(?:study|trial)';
const BEFORE = '(?:already|previously|before|once)';
const STATUSES: readonly StatusForm[] = [
  { fact: 'prisoner', source: '(?:(?:currently|involuntarily) )*(?:prisoners?|incarcerat(?:ed|ion)|in (?:police )?custody)' },
  {
    fact: 'deprived_of_liberty',
    // "prived of liberty": a misspelling of "deprived" attested in the corpus (NCT03869476).
    source:
      '(?:de)?prived of (?:their |his or her |his\\/her )?liberty(?: (?:by|through) (?:an? )?(?:administrative or judicial|judicial or administrative) decision|\\s*\\((?:administrative or judicial|judicial or administrative)\\))?',
  },
  {
    fact: 'legal_protection',
    // "Judicial" / "juridical" protection: the measures of French Civil Code art. 425 ff. that the fact lists, each pronounced or overseen by a judge.
    source: '(?:(?:subject to|under|placed under) )?(?:a )?(?:legal|judicial|juridical) protection measures?|protected adults?|(?:under|placed under) (?:legal|judicial|juridical) protection',
  },
  { fact: 'social_security', source: '(?:affiliat(?:ed|ion)|beneficiar(?:y|ies)) (?:to|with|of) (?:a |the |any )?(?:french )?social security(?: (?:system|scheme|regime))?' },
  {
    fact: 'social_security',
    // A national health insurance is one social security scheme: medical care is a branch of social security (ILO Convention 102, 1952, Part II).
    source: 'covered by (?:the |a )?national health insurance(?: (?:system|scheme))?',
    narrowerWords: true,
  },
  {
    fact: 'previously_enrolled',
    // Taking part may be less than enrolment: "participation is defined as having given informed consent in this study" (NCT03862690).
    // Required ("Previously enrolled in the study" in an inclusion), "the study" would be another one, the one extended.
    source: [
      `(?:(?:has|have|had) |(?:was|were) )?(?:been )?${BEFORE} (?:been )?(?:enrol?led|included|participated|taken part|took part) in ${THIS_STUDY}`,
      `(?:enrol?led|included|participated|taken part|took part) ${BEFORE} in ${THIS_STUDY}`,
      `(?:previous|prior) (?:enrol?ment|inclusion|participation) in ${THIS_STUDY}(?:\\. participation is defined as having given informed consent in this study)?`,
    ].join('|'),
    broaderWords: true,
  },
  {
    fact: 'in_other_trial',
    // "Have joined other clinical trials" may be a past trial too: the current one is one way to have joined.
    source: '(?:(?:has|have|had) )?joined (?:an?|another|other|any other) (?:clinical )?(?:stud(?:y|ies)|trials?)',
    broaderWords: true,
  },
  {
    fact: 'in_exclusion_period',
    source:
      '(?:under|in|within) (?:an? |the )?(?:exclusion period|period of exclusion)(?: (?:after|following|of|from|for) (?:an? |the |their )?(?:enrol?lment|participation|inclusion) in (?:an?|another|other) (?:clinical |biomedical )?(?:research )?(?:stud(?:y|ies)|trials?|research|protocol))?',
  },
  {
    fact: 'nursing_home_resident',
    source: '(?:a )?nursing home residents?|(?:living|residing|resident|residents|lives|resides) (?:in|at) (?:a )?nursing home',
  },
  {
    fact: 'in_other_interventional_trial',
    // Narrower than in_other_trial, which any clinical study meets (an observational one too).
    source:
      '(?:current(?:ly)? )?(?:participation|participating|taking part|enrol?led|enrol?lment) in (?:an?|another|any other|other) (?:concurrent )?interventional (?:clinical )?(?:stud(?:y|ies)|trials?)',
  },
  {
    fact: 'inpatient',
    source: '(?:currently )?(?:being )?(?:treated as |admitted as )?(?:an )?in-?patients?(?: (?:in|at) (?:a |any )?hospital)?|currently (?:hospitali[sz]ed|in hospital)',
  },
];
const SUBJECT = '(?:(?:the |a )?(?:patients?|subjects?|participants?|persons?|people|individuals?|adults?)(?: (?:who|that)(?: (?:are|is|has|have))?)? )?';
const NEGATION = '(?:not|non-?|no|without)\\s*';
const status = STATUSES.map(({ source }) => `(?:${source})`).join('|');
// "Has not previously participated in this study": the auxiliary before the negation.
const ITEM = new RegExp(`^${SUBJECT}(?:(?:has|have|had) (?=not\\b))?(?<neg>${NEGATION})?(?<status>${status})$`, 'i');

/** The reading of a line that is exactly a status, or an exclusion's list of them ("or", "/", ","); or undefined. */
export function statusStatement(side: Side, text: string): Expr | undefined {
  const s = text
    .replace(ITEM_NUMBER, '')
    .replace(/^[\s\-•*]+|[\s.,;:]+$/g, '')
    .replace(/\s+/g, ' ');
  // Not inside parentheses, nor the decision's two kinds: "(administrative or judicial)", "by judicial or administrative decision".
  const items = side === 'exclusion' ? s.split(/\s*(?:,\s*(?:or\s+)?|(?<!\b(?:administrative|judicial))\s+or\s+|\/)\s*(?![^()]*\))/i) : [s];
  const read: Expr[] = [];
  for (const item of items) {
    const m = ITEM.exec(item);
    const named = m ? STATUSES.find(({ source }) => new RegExp(`^(?:${source})$`, 'i').test(m.groups!['status']!)) : undefined;
    if (!m || !named) return undefined;
    const negated = m.groups!['neg'] !== undefined;
    if (named.broaderWords && (side === 'exclusion') === negated) return undefined;
    if (named.narrowerWords && (side === 'inclusion') === negated) return undefined;
    // "Incarceration" alone may be a hernia's (an exclusion of a hernia trial); a person, or prison named beside it, says whose.
    if (/^(?:\W*)incarcerat/i.test(item) && !/prisoner|custody/i.test(s)) return undefined;
    const expr: Expr = { kind: 'is', fact: named.fact, value: true };
    const value = negated ? negate(expr) : expr;
    // "Prisoners or subjects who are involuntarily incarcerated": one status named twice.
    if (!read.some((r) => JSON.stringify(r) === JSON.stringify(value))) read.push(value);
  }
  return anyOf(read);
}
