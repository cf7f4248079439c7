import type { Computability, Criterion, Expr, Side } from './expression.js';
import { allOf, anyOf, CAUSE, combine, type Reading } from './combine.js';
import { normalizeCriterionText } from './criterion-text.js';
import { judgementWords } from './lexicon.js';
import { degreeExampleSpans, SERIOUS_BY_DEFINITION } from './degree-examples.js';
import { LineParser } from './line-parser.js';
import { negate, negationScopes } from './negation.js';
import { antibodyList, nyha, readAge, readSex } from './common-forms.js';
import { allergyAfter, allergyList } from './allergy-list.js';
import { asaClass } from './asa-class.js';
import { childPughClass } from './child-pugh-class.js';
import { measurementForms } from './measurement-forms.js';
import { statusStatement } from './status-forms.js';
import { readFramed, readImplication, SEX_CONDITION } from './implication.js';
import { sexSpecificLimits, withoutSexSpecificLimits } from './sex-specific-limits.js';
import { CONSENT_TIME_REASON, consentStatement, type ConsentStatement } from './consent-forms.js';
import { datedEvents } from './dated-events.js';
import { medicationUse } from './medication-use.js';
import { plannedProcedures } from './planned-procedures.js';
import { sharedQualifiers } from './shared-qualifier.js';
import { namesThePast } from './qualifiers.js';
import { EXCEPTION_REASON, readException } from './exceptions.js';
import { groupName, groupReading, ONE_GROUP_REASON, ownGroup } from './study-group.js';
import { OTHER_EVENT_WINDOW } from './time-windows.js';

/**
 * Registry text → criterion, by deterministic rules (no model). Phrases from the lexicon become
 * computable readings when the words around them keep their meaning (qualifiers.ts); negations
 * turn them round (negation.ts); combine.ts joins them so that the computable part is necessary
 * for an inclusion and sufficient for an exclusion. Whatever is left becomes one attested
 * remainder, with the reason.
 */

const CONDITION_REASON = 'it holds only under a condition it states';

/** Whole lines that stay a human judgement whatever they mention, and why. */
const ATTESTED_LINES: readonly (readonly [RegExp, string])[] = [
  [/^permitted\b/i, 'it says what treatment is permitted, not a condition to check'],
  // "plan(s|ned|ning) to undergo <procedure>" is the care plan the study enrols (planned-procedures.ts), not the patient's commitment.
  [/should be taken|\bwilling\b|\bplan(?:s|ning|ned)? to\b(?!\s+undergo\b)|\bintend|\bagree(?:s|d)? (?:to|that)\b/i, 'it is a commitment for the future (or a plan), not a fact at screening'],
  [
    /(?:women|females?|men|males?|subjects|participants|patients) of (?:reproductive|childbearing|child-bearing) (?:age|potential)|\bWOCBP\b|childbearing potential/i,
    'it applies to people of childbearing potential, a status the fact dictionary does not hold',
  ],
  [/\bexcept\b|\bexception\b|\bunless\b|\bexcluding\b|\bapart from\b|\bother than\b/i, EXCEPTION_REASON],
  // "Retinoblastoma is rarely seen in children over 8 years old, however we will not include an upper age range" (NCT03866460).
  [/\b(?:is|are) (?:rarely|usually|typically|commonly|often|mostly|generally) (?:seen|found|diagnosed|observed|present)\b/i, 'it describes the disease, not a condition the patient must meet'],
  // "No history of any of the following: A, B": the negation's clause ends at the colon, so the list would be read as required.
  [/\b(?:no|not|without|absence of|free (?:of|from)|never|none of|lack of|negative (?:for|to))\b[^;.:]*:/i, 'a negation heads the list after the colon'],
  // "cognitive impairment (in opinion of the referring provider)" (NCT03869918): the opinion is the test, not a recorded diagnosis.
  [
    /\([^()]*\b(?:in (?:the )?opinion of|at the discretion of|as judged by (?:the |a )?(?:investigators?|physicians?|providers?|clinicians?|doctors?|referring))/i,
    "a parenthesis leaves what it qualifies to someone's opinion",
  ],
  // "… deep vein thrombosis/pulmonary emboli within one (1) month of the fracture" (NCT03923959): the window binds every item,
  // which read as current diagnoses would not keep it.
  [OTHER_EVENT_WINDOW, 'a time window counted from another event may bind what it names'],
  [/\bif\b|\bwhen\b|\bin case\b/i, CONDITION_REASON],
  [SEX_CONDITION, CONDITION_REASON],
  // "(16mL for immunocompromised i.e. HIV+)" (NCT03929705): a limit of its own for some people names them, and does not require them.
  [/\([^()]*\d\s*[a-zµ%/]*\s+for\s+(?!at least\b|more\b|less\b|up\b|over\b|each\b|every\b|the (?:past|last)\b|a\b|an\b|\d)[a-z]/i, CONDITION_REASON],
  // "For the T2D study group: Diagnosed with type 2 diabetes." holds for one group, not for every participant.
  // "LTOT- group : PaO2 >= 65 mmHg" (NCT03921983): the group named without "for".
  [/^\W*(?:(?:for|in) )?(?:the |all )?[^:;]{0,40}\b(?:groups?|cohorts?|arms?)\b[^:;]{0,20}:/i, ONE_GROUP_REASON],
  // "A1C ≥ 8.0% (DSME cohort only)": the same, said after the condition.
  [/\b(?:groups?|cohorts?|arms?)\s+only\b|\bonly (?:for|in) (?:the )?[^,;:]{0,30}\b(?:groups?|cohorts?|arms?)\b/i, ONE_GROUP_REASON],
  // "Adolescent participants: Age 13-17 years", "For on-treatment participants: a positive serum pregnancy test": one kind of participant.
  [/^\W*(?:for |in )?(?!all\b)[\w-]+(?: [\w-]+){0,3} (?:participants|patients|subjects|volunteers)\s*:/i, ONE_GROUP_REASON],
  // "… between 18 and 55 years of age … for Substudy 1 and … between 18 and 75 years of age for Substudy 2" (NCT03922607):
  // each group has limits of its own, which joined as one line would turn a 60-year-old of substudy 2 away.
  [
    /\bfor (?:the )?(?:sub-?stud(?:y|ies)|groups?|cohorts?|arms?|parts?) \w{1,3}\b.*\bfor (?:the )?(?:sub-?stud(?:y|ies)|groups?|cohorts?|arms?|parts?) \w{1,3}\b/i,
    'it gives each study group it names criteria of its own',
  ],
  // "a. For participants with plaque psoriasis: i. Stable plaque psoriasis …" (NCT03924427): what follows holds for those
  // participants only (the study also enrols psoriatic arthritis), so it requires plaque psoriasis of no one.
  [/^\W*(?:[a-z]\.\s*)?(?:for|in) (?:the |all )?(?:participants|patients|subjects|volunteers|those|people|individuals|persons) (?:with|who|having)\b[^:;]*:/i, CONDITION_REASON],
  // "The participant is not suffering from Parkinson's disease or the individual is not a family member of …" (NCT03866603): an
  // exclusion that negates the inclusion's alternatives may mean none of them holds, not any one.
  [/\b(?:is|are|has|have|was|were)\s+not\b[^.;]*\bor\b[^.;]*\b(?:is|are|has|have|was|were)\s+not\b/i, 'negated alternatives may mean that none of them holds'],
  // "Infants of mothers with pre-eclampsia …, mothers <18 years …, HIV": the conditions are the mother's, the patient is the infant.
  [/\b(?:infants?|babies|newborns?|neonates?|children|offspring)\s+(?:of|born to)\s+(?:mothers?|women|parents?)\b/i, "it names the conditions of the patient's mother or parents, not the patient's"],
];

const CONSENT = /informed consent|\bassent\b/i;
const DURING_THE_STUDY = /\b(?:during|throughout) (?:the|this) (?:course of the )?(?:study|trial)\b|\bfor the duration of the (?:study|trial)\b/i;
// An age limit ("aged 18 to 50"), which the screening date fixes whatever tense the line is in.
const ofAgeOnly = (e: Expr): boolean => (e.kind === 'compare' ? e.fact === 'age' : e.kind === 'all' || e.kind === 'any' ? e.of.every(ofAgeOnly) : false);
// Unread items of a list ("anthracycline, taxane or "): a reading after them is their sibling.
const LIST_SIBLINGS = /^(?:[\w'-]+(?:\s+[\w'-]+){0,2}\s*(?:,\s*(?:or|and|nor)?|\bor\b|\band\b|\bnor\b|\band\/or\b|\/)\s*)+$/i;
const WITH_OR_WITHOUT = /\bwith (?:or|and\/or) without\b/gi;
// "Free of any systemic diseases including hypertension, diabetes": examples of what the cue negates.
const EXAMPLES_OF = /\b(?:including|includes|such as|like|e\.?g\b|i\.?e\b|especially|particularly|for example|namely)/i;
const CONSENT_REASON = 'consent is given by the patient and recorded by a person, not computed';
// In an inclusion, an alternative ("age ≥ 18 or consent of a guardian") would make the clauses no longer all required.
// A negation before the consent clause may reach over it ("without consent, X"): the line is not split.
const NEGATION_BEFORE = /\b(?:no|not|non|nor|without|absence|free|neither|never)\b/i;
const ALTERNATIVE = /\bnor\b|\beither\b|\bor\b(?!\s+(?:older|over|above|more|greater|equal|female|male|women|men)\b)/i;

/**
 * "Age ≥ 18 years, signed informed consent": consent joined to other conditions by "," or ";" (or
 * "and", in an inclusion). The consent clause is attested and the rest read as its own line: all of
 * them for an inclusion (each clause is necessary), any for an exclusion (each item suffices). The
 * consent clause is attested whatever it says ("inability to give informed consent"); a negation in
 * the rest is read with the rest, unless it comes before the consent clause. An alternative in an inclusion leaves the whole line attested.
 */
function consentClause(id: string, side: Side, verbatim: string, text: string): Criterion {
  const whole = attested(id, side, verbatim, CONSENT_REASON);
  const m = CONSENT.exec(text);
  if (!m || (side === 'inclusion' && ALTERNATIVE.test(text))) return whole;
  const joint = side === 'inclusion' ? /[,;]|\band\b|\bwho\b/gi : /[,;]/g;
  const marks = [...text.matchAll(joint)];
  const before = marks.filter((j) => j.index < m.index).at(-1);
  const after = marks.find((j) => j.index >= m.index + m[0].length);
  const start = before ? before.index + before[0].length : 0;
  if (NEGATION_BEFORE.test(text.slice(0, start))) return whole;
  const end = after ? after.index : text.length;
  // "inability to give consent … due to impaired mental status, cognitive impairment or …": the list after the comma is of causes.
  if (CAUSE.test(text.slice(start, end))) return whole;
  const rest = (text.slice(0, before ? before.index : 0) + (before && after ? ', ' : '') + text.slice(after ? after.index + after[0].length : text.length)).trim();
  if (rest === '' || CONSENT.test(rest)) return whole;
  const read = parseCriterionLine(id, side, rest);
  const stated = consentStatement(side, text.slice(start, end), text);
  if (read.computability === 'attested' && !stated) return whole;
  const clause: Expr = stated ? consentExpr(side, stated) : { kind: 'attested', text: text.slice(start, end).trim() };
  const reasons = [stated ? stated.rest && CONSENT_TIME_REASON : CONSENT_REASON, read.notComputable].filter((r) => r);
  return {
    id,
    side,
    text: verbatim,
    computability: reasons.length > 0 ? 'partly-computable' : 'computable',
    expr: side === 'inclusion' ? allOf([read.expr, clause]) : anyOf([read.expr, clause]),
    ...(reasons.length > 0 ? { notComputable: reasons.join('; ') } : {}),
    flags: read.flags,
  };
}

/** A consent statement's reading; a time put on the consent is the attested remainder (necessary with it, or sufficient beside it). */
function consentExpr(side: Side, stated: ConsentStatement): Expr {
  if (!stated.rest) return stated.expr;
  const rest: Expr = { kind: 'attested', text: stated.rest };
  return side === 'inclusion' ? allOf([stated.expr, rest]) : anyOf([stated.expr, rest]);
}

const attested = (id: string, side: Side, verbatim: string, reason: string, flags: readonly string[] = []): Criterion => ({
  id,
  side,
  text: verbatim,
  computability: 'attested',
  expr: { kind: 'attested', text: verbatim },
  notComputable: reason,
  flags,
});

/** Parse one inclusion or exclusion line into a criterion; the verbatim text is kept beside it. */
export function parseCriterionLine(id: string, side: Side, verbatim: string): Criterion {
  const text = normalizeCriterionText(verbatim);
  const parse = (s: Side, t: string) => parseCriterionLine(id, s, t);
  const implication = readImplication(id, side, verbatim, text, parse) ?? readFramed(id, side, verbatim, text, parse);
  if (implication) return implication;
  // "<11 g/dL in females and <12 g/dL in males": a limit for each sex is no condition the line holds under.
  const sexLimits = sexSpecificLimits(text, side, parse);
  const unpaired = withoutSexSpecificLimits(text, sexLimits);
  const whole = ATTESTED_LINES.find(([re]) => re.test(unpaired));
  // "Adolescent participants: Age 13-17 years": the rest of the line, for that group only.
  const own = whole?.[1] === ONE_GROUP_REASON ? ownGroup(text) : undefined;
  if (own) return groupReading(parse(side, own.body), verbatim, groupName(own.words), ONE_GROUP_REASON);
  // "Pre-existing cancer (except non-melanoma skin cancer)": a line kept whole for its exception alone, read by exceptions.ts.
  const exceptionOnly = whole?.[1] === EXCEPTION_REASON && ATTESTED_LINES.every(([re, why]) => why === EXCEPTION_REASON || !re.test(unpaired));
  const excepted = exceptionOnly ? readException(id, side, verbatim, text, parse) : undefined;
  if (excepted) return excepted;
  if (whole) return attested(id, side, verbatim, whole[1]);
  const status = statusStatement(side, text);
  if (status) return { id, side, text: verbatim, computability: 'computable', expr: status, flags: [] };
  const stated = consentStatement(side, text);
  if (stated) {
    const expr = consentExpr(side, stated);
    return { id, side, text: verbatim, computability: stated.rest ? 'partly-computable' : 'computable', expr, ...(stated.rest ? { notComputable: CONSENT_TIME_REASON } : {}), flags: [] };
  }
  if (CONSENT.test(text)) return consentClause(id, side, verbatim, text);

  const p = new LineParser(text, side);
  for (const l of sexLimits) p.add(l.start, l.end, l.expr, 'compare');
  antibodyList(p);
  nyha(p);
  asaClass(p);
  childPughClass(p);
  measurementForms(p);
  readAge(p);
  datedEvents(p);
  allergyAfter(p);
  medicationUse(p);
  plannedProcedures(p);
  sharedQualifiers(p);
  p.terms();
  allergyList(p);
  const sex = readSex(p);
  // Negated readings: each scope's readings become one negated reading.
  const scopes = negationScopes(text, p.isCovered, p.content);
  let readings: Reading[] = [...p.readings];
  // Readings a rule below takes back: their words go back to the text a person attests.
  const leaveToPerson = (which: (r: Reading) => boolean, reason?: string) => {
    const gone = readings.filter(which);
    for (const r of gone) p.cover(r.start, r.end, false);
    readings = readings.filter((r) => !gone.includes(r));
    if (gone.length > 0 && reason) p.reasons.push(reason);
  };
  // The line parser's readings carry their kind; the negated ones built below are terms' too.
  const isCompare = (r: Reading) => (r as (typeof p.readings)[number]).kind === 'compare';
  // "Uncontrolled hypertension with or without current insulin": what may or may not be there is no condition at all.
  for (const m of text.matchAll(WITH_OR_WITHOUT)) {
    const from = m.index + m[0].length;
    const to = from + (/[,;.:)]/.exec(text.slice(from))?.index ?? text.length - from);
    leaveToPerson((r) => r.start >= from && r.start < to);
  }
  // Examples of a head narrowed by degree are narrowed too: in an exclusion, left to a person (degree-examples.ts).
  if (side === 'exclusion') {
    for (const [from, to] of degreeExampleSpans(text)) leaveToPerson((r) => r.start > from && r.start < to && !(r.expr.kind === 'has' && SERIOUS_BY_DEFINITION.has(r.expr.code)));
  }
  // "Uncontrolled hypertension or diabetes", "Severe aphasia or dysphasia" (NCT03861299): the degree word read as narrowing the first
  // name may narrow the second too, so the second alone is not sufficient.
  for (const a of readings) {
    const narrowing = a.expr.kind === 'all' ? a.expr.of.find((e) => e.kind === 'attested' && text.startsWith(e.text, a.start)) : undefined;
    if (narrowing?.kind !== 'attested') continue;
    leaveToPerson(
      (b) => (b as (typeof p.readings)[number]).kind === 'term' && /^\s*(?:or|and|nor|and\/or|\/)\s*$/i.test(text.slice(a.end, b.start)),
      `"${narrowing.text}" before "${text.slice(a.start + narrowing.text.length, a.end).trim()}" may narrow what follows it too`,
    );
  }
  // "severe or active periodontal disease" (NCT03926676): a degree word and "or" right before a name qualify it with the word after
  // the "or", so in an exclusion the name alone is not sufficient.
  if (side === 'exclusion') {
    leaveToPerson((b) => {
      const pair = /\b([A-Za-z]+)\s+(?:or|and\/or|\/)\s+(?:[A-Za-z-]+\s+)?$/i.exec(text.slice(Math.max(0, b.start - 40), b.start));
      return pair !== null && judgementWords.some((re) => re.test(pair[1]!));
    });
  }
  // "being on medication (i.e. statins) or other supplements during the study" (NCT03866265): use during the study is use to come,
  // which a treatment taken at screening may or may not become.
  leaveToPerson(
    (r) => r.expr.kind === 'has' && r.expr.fact === 'current_treatments' && DURING_THE_STUDY.test(text.slice(r.end).split(/[;.](?:\s|$)/)[0]!),
    'use during the study is use to come, not a treatment at screening',
  );
  // "No prior anthracycline or radiotherapy": an unread word cut the scope, and what follows it in the clause may be negated too.
  for (const s of scopes) {
    const sibling = (r: Reading) => LIST_SIBLINGS.test(text.slice(s.end, r.start)) || EXAMPLES_OF.test(text.slice(s.end, r.start));
    leaveToPerson((r) => s.end < s.clauseEnd && r.start >= s.end && r.start < s.clauseEnd && (r as (typeof p.readings)[number]).kind === 'term' && sibling(r));
  }
  // "had uncontrolled diabetes (defined as HbA1C>7%)" (NCT03925948): a value in the past, which a measurement fact (the latest
  // value) cannot hold; in an inclusion the current value would turn away a patient whose HbA1c was 8.4 % and is now 6.8 %.
  if (side === 'inclusion') {
    const past = (r: Reading) => namesThePast((text.slice(0, r.start).split(/[,;:]/).at(-1) ?? '') + text.slice(r.start, r.end));
    leaveToPerson((r) => isCompare(r) && !ofAgeOnly(r.expr) && past(r), 'a value the line puts in the past is not the latest value a measurement holds');
  }
  // "No anemia (hemoglobin < 11 g/dL)": limits right after a cue, before any condition it negates, are what it negates, and a
  // comparison is never negated (negation.ts): left to a person, not read as their opposite.
  for (const s of scopes) {
    const firstTerm = Math.min(...readings.filter((r) => !isCompare(r) && r.start >= s.start).map((r) => r.start));
    leaveToPerson((r) => isCompare(r) && r.end > s.start && r.start < Math.min(s.end, firstTerm), `"${s.cue}" negates the limit after it, which is never read negated`);
  }
  for (const s of scopes) {
    const firstCompare = p.readings
      .filter((r) => r.kind === 'compare' && r.start >= s.start)
      .map((r) => r.start)
      .sort((a, b) => a - b)[0];
    const end = Math.min(s.end, firstCompare ?? Infinity);
    const inScope = (readings as typeof p.readings).filter((r) => r.kind === 'term' && r.start >= s.start && r.start < end).sort((a, b) => a.start - b.start);
    if (inScope.length === 0) continue;
    // "inability to understand Danish or bring a translator" (NCT03862326): the cue reaches over the "or" to the unread words,
    // so an exclusion needs both negated; the negated reading alone would flag a patient who brings a translator.
    // Not where a cue of their own starts the next alternative ("is not X or is not a member of Y").
    const ownCue = scopes.some((o) => o.start - o.cue.length === s.clauseEnd);
    if (side === 'exclusion' && s.end < s.clauseEnd && !ownCue && /\b(?:or|nor)\b|\//i.test(text.slice(inScope.at(-1)!.end, s.end))) {
      leaveToPerson((r) => inScope.includes(r as (typeof inScope)[number]));
      continue;
    }
    const gaps = inScope.slice(1).map((r, k) => text.slice(inScope[k]!.end, r.start));
    const and = gaps.length > 0 && gaps.every((g) => /\band\b/i.test(g) && !/\bor\b|\bnor\b/i.test(g));
    const positive = and && side === 'inclusion' ? allOf(inScope.map((r) => r.expr)) : anyOf(inScope.map((r) => r.expr));
    readings = readings.filter((r) => !inScope.includes(r as (typeof inScope)[number]));
    readings.push({ start: inScope[0]!.start, end: inScope.at(-1)!.end, expr: negate(positive) });
    p.cover(s.start - s.cue.length - 1, s.start);
  }
  // The same reading twice ("Cancer or history of cancer") is one alternative.
  const seen = new Set<string>();
  readings = readings
    .sort((a, b) => a.start - b.start)
    .filter((r) => {
      const key = JSON.stringify(r.expr);
      return !seen.has(key) && seen.add(key) !== undefined;
    });
  const judgementOf = (t: string) => judgementWords.flatMap((re) => (t.match(re) ?? []).map((w) => w.toLowerCase()));
  if (readings.length === 0 && !sex) {
    const left = p.leftover();
    const judgement = judgementOf(left.text);
    const reasons = [...new Set(p.reasons), ...(judgement.length > 0 ? [`it needs judgement (${[...new Set(judgement)].join(', ')})`] : [])];
    return attested(id, side, verbatim, reasons.join('; ') || 'no rule reads it', p.flags);
  }
  const combined = combine(text, side, readings, p.content);
  for (const r of combined.dropped) p.cover(r.start, r.end, false);
  const left = p.leftover();
  const judgement = judgementOf(left.text);
  const remainder = left.words.length > 0 || judgement.length > 0 || p.unsure.length > 0 || p.narrowed.length > 0;
  const reasons = [
    ...new Set(p.reasons),
    ...(combined.dropped.length > 0 ? ['a reading is qualified by words no rule reads'] : []),
    ...(combined.commasOnly && remainder ? ['commas alone leave open whether the unread words are one more alternative or a condition on the rest'] : []),
    ...(judgement.length > 0 ? [`it needs judgement (${[...new Set(judgement)].join(', ')})`] : []),
    ...(left.words.length > 0 ? [`no rule reads "${left.text}"`] : []),
    ...p.unsure.map((u) => `the time window later in the line may not bind "${u.phrase}": read within it, and outside it left to a person`),
    ...p.narrowed.map((n) => `"${n}" narrows what it names: a person decides it`),
  ];
  const restText = [...(left.words.length > 0 || judgement.length > 0 ? [left.text] : []), ...p.unsure.map((u) => `${u.phrase} outside "${u.window}"`)].join('; ');
  const rest: Expr | undefined = remainder && restText ? { kind: 'attested', text: restText } : undefined;
  let expr = combined.kept.length > 0 ? combined.expr(rest) : rest;
  if (sex) expr = expr ? allOf([sex, expr]) : sex;
  if (!expr || expr.kind === 'attested') return attested(id, side, verbatim, reasons.join('; ') || 'no rule reads it', p.flags);
  const flags = [...p.flags];
  if (side === 'inclusion' && combined.kept.length > 0 && combined.kept.every((r) => isAboveUln(r.expr))) {
    flags.push('An inclusion criterion that requires values above the upper limit of normal reads like an exclusion; it is computed as written.');
  }
  const computability: Computability = remainder ? 'partly-computable' : 'computable';
  return { id, side, text: verbatim, computability, expr, ...(remainder ? { notComputable: reasons.join('; ') } : {}), flags };
}

function isAboveUln(e: Expr): boolean {
  if (e.kind === 'compare') return e.unit === '×uln' && (e.op === '>' || e.op === '>=');
  if (e.kind === 'any' || e.kind === 'all') return e.of.every(isAboveUln);
  return false;
}
