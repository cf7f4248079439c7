import { allOf, anyOf } from './combine.js';
import type { Criterion, Expr } from './expression.js';
import { settleNegatedExclusions } from './negated-exclusion.js';
import { STUDY_GROUP } from './status-facts.js';

/**
 * Criteria for one group of a study of several (cases and controls, patients and their caregivers).
 * The group is named by the heading ("Inclusion Criteria for Caregivers:"), by the line over the items
 * ("Healthy controls:") or by the line's own lead ("Adolescent participants: Age 13-17 years"); the
 * rest of the line is read alone, and holds for that group only: the code fact study_group, whose codes
 * are the names the criteria use ("Healthy controls" → healthy-controls).
 */

/** Why a criterion for one group of the study's participants is left to a person. */
export const ONE_GROUP_REASON = 'it applies to one group of the study only';

// Words that make a name no one group: everyone ("all", "both"), several groups ("and", "groups"), a
// condition rather than a name ("with", "in", "on-treatment"), or a heading's own words.
const UNSURE = new Set(
  (
    'all both each every any either other others remaining and or nor plus versus vs groups cohorts arms categories parts ' +
    'with without who whose that which in on off at of from to by under over after before during for not no if when inclusion exclusion criteria'
  ).split(' '),
);
// Letters and digits in words joined by spaces or hyphens, as one code spells them ("non ESRD group", "T2D study group").
const NAME = /^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/;

/** The one group that `words` name ("For the healthy group" → "healthy group", "Cohort 1 only" → "Cohort 1"); undefined when unsure. */
export function groupName(words: string): string | undefined {
  const name = words
    .trim()
    .replace(/^(?:(?:for|in) )?(?:the )?/i, '')
    .replace(/\s+only$/i, '');
  const unsure = name
    .toLowerCase()
    .split(/[ -]/)
    .some((w) => UNSURE.has(w));
  return NAME.test(name) && name.split(' ').length <= 5 && !unsure ? name : undefined;
}

/** A group's code: its words in lower case, joined by hyphens ("Healthy controls" → healthy-controls). */
export const groupCode = (name: string): string => name.toLowerCase().replace(/[ -]+/g, '-');

// A lead before the line's colon that names a group, cohort or arm, or a kind of participant.
const OWN_LEAD = /^\W*([^:;]{1,60}?)\s*:\s*(\S.*)$/;
const GROUP_WORD = /\b(?:groups?|cohorts?|arms?)\b|\b(?:participants|patients|subjects|volunteers)$/i;
// "A1C ≥ 8.0% (DSME cohort only)": the group in brackets at the end.
const OWN_TAIL = /^(.*\S)\s*\(([^()]{0,40}\b(?:group|cohort|arm)) only\)\W*$/i;

/** The group words a line names itself ("Adolescent participants: …", "… (DSME cohort only)") and the rest of the line; undefined if none. */
export function ownGroup(text: string): { readonly words: string; readonly body: string } | undefined {
  const lead = OWN_LEAD.exec(text);
  if (lead && GROUP_WORD.test(lead[1]!)) return { words: lead[1]!, body: lead[2]! };
  const tail = OWN_TAIL.exec(text);
  return tail ? { words: tail[2]!, body: tail[1]! } : undefined;
}

// "For the healthy group:", "I. Group A:", "Category 1: Patients who … meet the following criteria:", "In category 1, the following are exclusionary:".
const LEAD = /^(?:[IVX]+\.\s*)?([^:,]+?)\s*(?::\s*(.*)|,\s*(the following\b.*))$/i;

/** The group words of a line over items and the words after them (which may say how the items combine); undefined if it has none. */
export function leadGroup(lead: string): { readonly words: string; readonly rest: string } | undefined {
  const m = LEAD.exec(lead.trim());
  return m ? { words: m[1]!, rest: (m[2] ?? m[3] ?? '').trim() } : undefined;
}

const isGroup = (e: Expr): boolean => (e.kind === 'equals' ? e.fact === STUDY_GROUP : e.kind === 'not' ? isGroup(e.of) : e.kind === 'all' || e.kind === 'any' ? e.of.some(isGroup) : false);

/**
 * A criterion for the group `name`, from its body read alone: an inclusion is required of that group
 * only (not in the group, or the body: a necessary condition), an exclusion excludes that group's
 * members only (in the group and the body: sufficient); a partly read body keeps its remainder and its
 * reason. Left to a person, with `reason`, when the group is unnamed or unsure, when the body is not
 * read or names a group itself, or when an exclusion's body is a negation that may be a requirement
 * (negated-exclusion.ts).
 */
export function groupReading(body: Criterion, verbatim: string, name: string | undefined, reason: string): Criterion {
  const { id, side } = body;
  const settled = side === 'exclusion' ? settleNegatedExclusions([body])[0]! : body;
  if (name === undefined || settled.computability === 'attested' || isGroup(body.expr)) {
    return { id, side, text: verbatim, computability: 'attested', expr: { kind: 'attested', text: verbatim }, notComputable: reason, flags: [] };
  }
  const member: Expr = { kind: 'equals', fact: STUDY_GROUP, value: groupCode(name) };
  const expr = side === 'inclusion' ? anyOf([{ kind: 'not', of: member }, body.expr]) : allOf([member, body.expr]);
  return { ...body, text: verbatim, expr };
}

// Words of a name that say the study has other groups too ("DSME cohort", "the healthy group", "Category 1").
const ONE_OF_SEVERAL = /(?:^|-)(?:groups?|cohorts?|arms?|categor(?:y|ies)|parts?)(?:-|$)/;

/**
 * A protocol's criteria as read for its groups, with one code per group: "Inclusion Criteria:Adolescents"
 * and "Exclusion Criteria: Adolescent" name one group, and the code met first serves both, so that one
 * study_group value is each group's in every criterion. A protocol that names one group only (`names`:
 * those its headings and lead lines name; its lines' own leads are found here), in words that do not say
 * there are others ("Conscious adult patients: ≥ 18 years of age"), and has no heading for all subjects
 * (`forAll`), may be describing every participant: its group criteria go back to a person (`leftToPerson`).
 */
export function settleGroups(criteria: readonly Criterion[], names: readonly string[], forAll: boolean, leftToPerson: (c: Criterion) => Criterion): Criterion[] {
  const codes = new Map<string, string>();
  const recode = (e: Expr): Expr => {
    if (e.kind === 'equals' && e.fact === STUDY_GROUP) {
      const same = [...codes.values()].find((c) => c === e.value || c === `${e.value}s` || `${c}s` === e.value) ?? e.value;
      codes.set(e.value, same);
      return { ...e, value: same };
    }
    if (e.kind === 'not') return { ...e, of: recode(e.of) };
    return e.kind === 'all' || e.kind === 'any' ? { ...e, of: e.of.map(recode) } : e;
  };
  const recoded = criteria.map((c) => (isGroup(c.expr) ? { ...c, expr: recode(c.expr) } : c));
  const own = criteria.flatMap((c) => {
    const words = c.notComputable === ONE_GROUP_REASON || isGroup(c.expr) ? ownGroup(c.text)?.words : undefined;
    const name = words === undefined ? undefined : groupName(words);
    return name === undefined ? [] : [name];
  });
  // A plural and its singular are one group.
  const named = new Set([...names, ...own].map((n) => groupCode(n).replace(/s$/, '')));
  const several = forAll || named.size > 1 || [...named].some((c) => ONE_OF_SEVERAL.test(c));
  return several ? recoded : recoded.map((c) => (isGroup(c.expr) ? leftToPerson(c) : c));
}
