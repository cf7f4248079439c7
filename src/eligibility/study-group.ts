import { allOf, anyOf } from './combine.js';
import type { Criterion, Expr } from './expression.js';
import { settleNegatedExclusions } from './negated-exclusion.js';
import { STUDY_GROUP } from './status-facts.js';

/**
 * Criteria for one group of a study of several (cases and controls, patients and their caregivers).
 * The group is named by the heading ("Inclusion Criteria for Caregivers:"), by the line over the items
 * ("Healthy controls:") or by the line's own lead ("Adolescent participants: Age 13-17 years"); the
 * rest of the line is read alone, and holds for that group only: the code fact study_group, whose codes
 * are the names the criteria use ("Healthy controls" → healthy-controls). Words naming several groups at
 * once ("Cohort 2a and 2b", "Groups C & D") make the criteria hold for each of them.
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

// "Cohort 2a and 2b", "Groups C & D", "Groups A, B, C": one kind word over short labels, each label a group of that kind.
const LABELS = /^(group|cohort|arm|part)s? ([A-Za-z0-9]{1,3}(?:\s*(?:,|,? and|&)\s*[A-Za-z0-9]{1,3})+)$/i;
// "Controls (Group D)", "All Diabetics (Groups A, B, C)": the groups in brackets are the names the other criteria use.
const BRACKETED = /^[^()]*\((?:the )?((?:groups?|cohorts?|arms?|parts?) [^()]+)\)$/i;
// "the T2D groups": groups the protocol names together, never one by one, are one value of study_group; not a count or
// pointer ("two groups", "these groups"), nor every group ("the study groups", "the age groups").
const CLASS = /^(.+) (?:groups|cohorts|arms)$/i;
const NO_CLASS = /^(?:\d+|two|three|four|five|six|several|many|these|those|their|study|age)$/i;

/**
 * The groups that `words` name, one or several ("Cohort 2a and 2b" → Cohort 2a, Cohort 2b; "the T2D groups"
 * → T2D groups, the class the protocol names as one); undefined when unsure ("all subjects", "both groups").
 */
export function groupNames(words: string): readonly string[] | undefined {
  const plain = words
    .trim()
    .replace(/^(?:(?:for|in) )?(?:the )?/i, '')
    .replace(/\s+only$/i, '');
  const inBrackets = BRACKETED.exec(plain);
  if (inBrackets) return groupNames(inBrackets[1]!);
  const listed = LABELS.exec(plain);
  if (listed) return listed[2]!.split(/\s*(?:,|,? and|&)\s*/).map((label) => `${listed[1]} ${label}`);
  const cls = CLASS.exec(plain);
  const one = groupName(plain) ?? (cls && !NO_CLASS.test(cls[1]!) && groupName(cls[1]!) !== undefined ? plain : undefined);
  return one === undefined ? undefined : [one];
}

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

// "For the healthy group:", "I. Group A:", "Category 1: Patients who … meet the following criteria:", "In category 1, the following are exclusionary:";
// a numbered label without a colon, "II. Controls (Group D)", "I. All Diabetics (Groups A, B, C)" (NCT03922932).
const LEAD = /^(?:[IVX]+\.\s*)?([^:,]+?)\s*(?::\s*(.*)|,\s*(the following\b.*))$|^[IVX]+\.\s+([^:]+?)$/i;

/** The group words of a line over items and the words after them (which may say how the items combine); undefined if it has none. */
export function leadGroup(lead: string): { readonly words: string; readonly rest: string } | undefined {
  const m = LEAD.exec(lead.trim());
  return m ? { words: m[1] ?? m[4]!, rest: (m[2] ?? m[3] ?? '').trim() } : undefined;
}

const isGroup = (e: Expr): boolean => (e.kind === 'equals' ? e.fact === STUDY_GROUP : e.kind === 'not' ? isGroup(e.of) : e.kind === 'all' || e.kind === 'any' ? e.of.some(isGroup) : false);

/** Whether a patient is in one of the groups `names`: study_group is one of their codes. */
export const memberOf = (names: readonly string[]): Expr => anyOf(names.map((name) => ({ kind: 'equals', fact: STUDY_GROUP, value: groupCode(name) })));

/** A criterion for the group `name` (memberReading); left to a person when the group is unnamed or unsure. */
export const groupReading = (body: Criterion, verbatim: string, name: string | undefined, reason: string): Criterion =>
  memberReading(body, verbatim, name === undefined ? undefined : memberOf([name]), reason);

/**
 * A criterion for the patients `member` holds for (one group or several: memberOf; or whoever has a condition), from its
 * body read alone: an inclusion is required of them only (not a member, or the body: a necessary condition), an exclusion
 * excludes them only (a member and the body: sufficient, `member` itself being sufficient for the words it reads); a partly
 * read body keeps its remainder and its reason. Left to a person, with `reason`, when who is meant is unsure (`member`
 * undefined), when the body is not read or names a group itself, or when an exclusion's body is a negation that may be a
 * requirement (negated-exclusion.ts).
 */
export function memberReading(body: Criterion, verbatim: string, member: Expr | undefined, reason: string): Criterion {
  const { id, side } = body;
  const settled = side === 'exclusion' ? settleNegatedExclusions([body])[0]! : body;
  if (member === undefined || settled.computability === 'attested' || isGroup(body.expr)) {
    return { id, side, text: verbatim, computability: 'attested', expr: { kind: 'attested', text: verbatim }, notComputable: reason, flags: [] };
  }
  const expr = side === 'inclusion' ? anyOf([{ kind: 'not', of: member }, body.expr]) : allOf([member, body.expr]);
  return { ...body, text: verbatim, expr };
}

/**
 * A protocol's criteria as read for its groups, with one code per group: "Inclusion Criteria:Adolescents"
 * and "Exclusion Criteria: Adolescent" name one group, and the code met first serves both, so that one
 * study_group value is each group's in every criterion. A protocol that names one group only keeps it a
 * group: read for it, an inclusion stays necessary and an exclusion sufficient whether the name means some
 * participants or all of them, while reading its lines for everyone is wrong where it means some
 * ("For on-treatment participants:", NCT03926143, whose other participants, off treatment, are never named).
 */
export function settleGroups(criteria: readonly Criterion[]): Criterion[] {
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
  return criteria.map((c) => (isGroup(c.expr) ? { ...c, expr: recode(c.expr) } : c));
}
