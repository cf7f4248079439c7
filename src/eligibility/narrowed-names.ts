import type { Side } from './expression.js';

/**
 * Words that narrow a condition without naming another one: its degree ("severe hearing loss"), its
 * course ("refractory", "recurrent"), its side ("bilateral") or how it was confirmed ("histologically
 * confirmed prostate cancer"), and after the name what it requires or how it is staged ("knee
 * osteoarthritis requiring surgery", "chronic kidney disease stage 3"). The narrower condition is
 * still the condition, so in an inclusion the broader name is a necessary condition and the
 * narrowing words stay in the attested remainder. Never in an exclusion (the broader name would
 * exclude more patients than the text), nor after a negation ("no severe hypertension" does not
 * require hypertension). Words that name a kind ("invasive", "conductive"), a time or a person
 * ("after stroke", "mother's"), doubt ("probable") or a plan ("scheduled") are not listed: they may
 * name another code or another event.
 */
const BEFORE = new Set(
  (
    'mild moderate moderately severe severely profound very uncontrolled symptomatic unilateral bilateral chronic acute ' +
    'recurrent refractory relapsed persistent progressive advanced metastatic newly first first-ever ' +
    'histologically histological histologic histopathologically histopathological pathologically pathological ' +
    'cytologically cytological radiologically radiological radiographically proven biopsy-proven proved verified ' +
    // "Diagnosed as hypertension", "met diagnostic criteria for schizophrenia", "definite diagnosis of sarcoidosis".
    'as met meets diagnostic criteria definite definitive primary presented ' +
    // "isolated secundum ASD" (NCT03867708), "Mildly to moderately active UC" (NCT03923478): a condition alone, or of a degree, is still the condition.
    'isolated mildly ' +
    // A kind of pregnancy is a pregnancy ("Monofetal pregnancy", "established viable singleton pregnancy", NCT03928795, NCT03865901).
    'singleton singelton monofetal viable established intrauterine nulliparous'
  ).split(' '),
);
// Not "in" or "of": "diabetes in the mother", "cancer of the breast" may name another person or another code.
const AFTER = new Set('requiring requires confirmed proven according based defined stage stages grade with for on at by due'.split(' '));

/** Whether `word` (lower case), before or after a condition's name, narrows it and keeps its code. */
export const keepsCode = (word: string, where: 'before' | 'after'): boolean => (where === 'before' ? BEFORE : AFTER).has(word);

// The cues of negation.ts and their relatives: any of them before the name may reach it.
const NEGATION = /\b(?:no|not|non|nor|neither|never|without|absen\w*|free|lack|negative|unable|inability|cannot|none|exclud\w*)\b|n't\b/i;

const PAST = /\b(?:ago|prior to|before|after|since|following|post)\b/i;

/**
 * Whether a condition named at `start` may be read as its broader name in this line (see above). Not
 * in a list: after a colon ("Indications: histologically confirmed breast cancer, …") or beside a
 * comma outside parentheses, the condition may be one alternative of several; nor in a line for some
 * patients only ("(nursing home residents only)"); nor beside a time before now ("ischemic stroke
 * with residual arm weakness more than 6 months prior to enrollment" may be a past condition).
 */
export function readsBroader(text: string, start: number, side: Side): boolean {
  const before = text.slice(0, start);
  const clause = before.split(/;|\.\s/).at(-1) ?? '';
  const flat = text.replace(/\([^()]*\)/g, ' ');
  return side === 'inclusion' && !NEGATION.test(before) && !/\w[^:]*:/.test(clause) && !/,/.test(flat) && !/\bonly\b/i.test(text) && !PAST.test(text);
}

// In an exclusion the broader name alone would exclude more patients than the text, but the name and its narrowing words,
// attested, exclude no one the text keeps: "severe renal impairment" is read "renal impairment and (a person says severe)", so
// a patient without renal impairment is decided at once. Judgement words of degree narrow the same way.
const NARROWING_IN_EXCLUSION = new Set([
  ...BEFORE,
  'significant',
  'significantly',
  'clinically',
  'serious',
  'unstable',
  'poorly',
  'well',
  'controlled',
  'well-controlled',
  'poorly-controlled',
  'relevant',
  'major',
  'important',
  'substantial',
  'marked',
  'frequent',
  'extensive',
  'large',
]);

/** Whether `word` (lower case), before a condition's name in an exclusion, narrows it and is read as an attested part beside it. */
export const narrowsInExclusion = (word: string): boolean => NARROWING_IN_EXCLUSION.has(word);

/**
 * Whether a condition named at `start` in an exclusion may be read with the words narrowing it attested: not after a negation,
 * nor beside a time before now or "recent" ("recent (< 1 week) gastrointestinal disorders with diarrhea", NCT03924466), nor in
 * a line for some patients only.
 */
export const readsNarrowed = (text: string, start: number, side: Side): boolean =>
  side === 'exclusion' && !NEGATION.test(text.slice(0, start)) && !PAST.test(text) && !/\bonly\b|\brecent(?:ly)?\b/i.test(text);
