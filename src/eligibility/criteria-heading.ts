import type { Side } from './expression.js';
import { ONE_GROUP_REASON } from './study-group.js';

/** A section heading of registry eligibility text: the side it opens, and any words it carries. */
export interface CriteriaHeading {
  readonly side: Side;
  /** Words after the heading's colon ("Adolescents", "Renal colic patients"), bullet marks trimmed. */
  readonly rest?: string;
  /** Words in brackets after the heading ("ESRD group"): a qualifier of the section, never a criterion. */
  readonly qualifier?: string;
  /** Whom the heading says the section is for ("Inclusion Criteria for Caregivers:" → "Caregivers"). */
  readonly group?: string;
  /** The heading says its section is for all subjects ("Exclusion Criteria for all subjects"): the study has several groups. */
  readonly forAll?: true;
}

// Up to five words before the side word ("Key", "Sub-study", "Patient's", "Eye-Related"), none of them naming a side
// or joining two ("Inclusion and Exclusion Criteria" names both sides and is no heading).
const PREFIX = String.raw`(?:(?![\w'’-]*(?:inclusion|exclusion)|(?:and|or)\b)[\w'’-]+ ){0,5}`;
// "Inclusion Criteria", "Exclusion conditions:", "Non-inclusion Criteria:" (French "critères de non-inclusion": exclusion),
// "Excluding Criteria for Caregivers:" (NCT03925181), "Inclusion Criteria*:", "Inclusion Criteria for Patients:", "Inclusion Criteria (ESRD group):", "Inclusion Criteria:Adolescents".
const NAMED = new RegExp(
  String.raw`^\s*(?:criteria:\s*)?${PREFIX}(non-inclusion|inclusion|exclusion|excluding)\s+(?:criteria|criterion|conditions)\*?` +
    String.raw`(?:\s+(?:for|of|in)\s+([^:.()]{1,50}))?(?:\s*\(([^()]{1,80})\))?\s*(?:\.\s*$|:(.*)$|$)`,
  'i',
);
// "Inclusions:", "Exclusion", "Subject Inclusion": the side word alone, after at most one word saying whose.
const BARE = /^\s*(?:(?:subjects?|patients?|participants?|key) )?(inclusions?|exclusions?)\s*:?\s*$/i;
// "Subjects will be included if:", "Subjects will be excluded if:".
const WILL_BE = /^\s*(?:subjects|participants|patients|volunteers) will be (included|excluded)(?: in (?:the|this) (?:study|trial))? if\s*:?\s*$/i;
// "-  Exclusion Criteria:" between two bullets: a heading only when the bullet says nothing else.
const BULLETED = /^\s*(?:[-*•·]|\d+[.)])\s+(?:key )?(inclusion|exclusion) criteria\s*:?\s*$/i;
// "… no prior history of TB diagnosis Inclusion Criteria: Cohort 2a and 2b": a heading run into the line before it,
// taken only in title case and only when it opens a section of one cohort, group, arm or part.
const RUN_IN = /^(.*[\w.;)])\s+((?:Inclusion|Exclusion) Criteria:\s*(?:Cohorts?|Groups?|Arms?|Parts?)\b[^:]*)$/;
const TRIM = /^[\s\-*•·]+|[\s\-*•·]+$/g;

// "Non-inclusion" (French "critères de non-inclusion": exclusion; in NCT03860480 it lists "< 18 years old" after an
// inclusion of patients > 18 years old) does not start with "inclu".
const sideOf = (word: string): Side => (/^inclu/i.test(word) ? 'inclusion' : 'exclusion');

/** The heading this line is, if it is one that names exactly one side; undefined otherwise. */
export function readHeading(line: string): CriteriaHeading | undefined {
  const named = NAMED.exec(line);
  if (named && !/^\s*(?:[-*•·]|\d+[.)])\s/.test(line)) {
    // "Exclusion Criteria (inclusion group)": a heading that names both sides says neither for certain.
    if ((line.slice(0, line.length - (named[4]?.length ?? 0)).match(/\b(?:inclusions?|exclusions?)\b/gi) ?? []).length > 1) return undefined;
    const rest = named[4]?.replace(TRIM, '');
    const qualifier = named[3]?.trim();
    // "for all subjects" / "for all participants" is everyone, no group.
    const group = named[2]?.replace(/,?\s*(?:includes?|will be|are)\s*$/i, '').trim();
    const forAll = group !== undefined && /^all\b/i.test(group);
    return {
      side: sideOf(named[1]!),
      ...(rest ? { rest } : {}),
      ...(qualifier ? { qualifier } : {}),
      ...(group && !forAll ? { group } : {}),
      ...(forAll ? { forAll: true as const } : {}),
    };
  }
  const bare = BARE.exec(line) ?? WILL_BE.exec(line) ?? BULLETED.exec(line);
  return bare ? { side: sideOf(bare[1]!) } : undefined;
}

/** A line with a heading run into its end, split into the line before and the heading; undefined otherwise. */
export function splitRunInHeading(line: string): readonly [string, string] | undefined {
  const m = RUN_IN.exec(line);
  return m && readHeading(m[2]!) ? [m[1]!, m[2]!] : undefined;
}

/**
 * Why the criteria under a heading that carries words ("Inclusion Criteria: Cohort 1a and 1b") are left to a
 * person: a short name is one group of the study, which the criteria hold for only; longer words
 * ("should report the absence of:") may turn the criteria's meaning, which no rule reads.
 */
export function headingReason(heading: CriteriaHeading): string {
  const group = headingGroup(heading);
  if (group !== undefined) return `${ONE_GROUP_REASON} (the heading names it: "${group}")`;
  return `the heading qualifies the criteria under it ("${heading.qualifier ?? heading.rest ?? ''}"), which no rule reads`;
}

/** The words of a heading that name one group of the study ("Caregivers", "ESRD group", "Adolescents"), if it names one. */
export function headingGroup(heading: CriteriaHeading): string | undefined {
  if (heading.group !== undefined && heading.qualifier === undefined) return heading.group;
  const words = heading.qualifier ?? heading.rest ?? '';
  const group = heading.qualifier !== undefined ? /\b(?:groups?|cohorts?|arms?|parts?)\b/i.test(words) : /^[\p{L}\p{N}' -]+$/u.test(words) && words.split(' ').length <= 5;
  return group ? words : undefined;
}
