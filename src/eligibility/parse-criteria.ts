import { AppError } from '../errors/app-error.js';
import { type CriteriaHeading, headingGroup, headingReason, readHeading, splitRunInHeading } from './criteria-heading.js';
import type { Criterion, Expr } from './expression.js';
import { settleNegatedExclusions } from './negated-exclusion.js';
import { type ItemList, type ItemsCombine, readItemsTogether } from './items-together.js';
import { NUMBER_WORDS } from './number-words.js';
import { parseCriterionLine } from './parse-line.js';
import { groupNames, leadGroup, memberOf, memberReading, ONE_GROUP_REASON, settleGroups } from './study-group.js';
import { eligibilityErrors } from './errors.js';

export interface ParsedCriteriaText {
  readonly criteria: readonly Criterion[];
  /** Lines kept verbatim but not taken as criteria (a paragraph after a bulleted list). */
  readonly notes: readonly string[];
}

const BULLET = /^\s*(?:[-*•·]|\d+[.)])\s+/;
const HAS_WORDS = /[\p{L}\p{N}]/u;

// A line that opens a list of its own ("… one of the following:", "… such as", "Category 2: …:"): the items under it
// (bullets indented deeper, or after an unbulleted lead) are read as it says they combine.
// "Persons with" over "- stroke", "- traumatic brain injury", "- multiple sclerosis" (NCT03863379): a lead the items complete.
const LEADS_LIST = /(?::|\bsuch as|\bincluding|\beither|\b(?:one|any) of|\bfollowing(?: [\w/-]+){0,3}|\b(?:with|of|having|have|has|who|suffering from|diagnosed with))\s*$/i;
const opensList = (line: string): boolean => LEADS_LIST.test(line) || /\bthe following\b/i.test(line);
// "≥2 of 6 CAPS typical signs", "two or more of the following", "four of the following criteria".
const COUNTED = /(?:≥\s*\d+|\b(?:at least )?(?:two|three|four|five|six|[2-9])(?: or more)?)\s+(?:\(\d+\)\s+)?(?:of|out of)\b/i;
// "one of the following", "any of the following", "at least one of", "either of".
const ANY_OF = /\b(?:any|either|one)(?: \(1\))?(?: or more)?\s+of\b/i;
const EACH_OF = /\b(?:all|each|both) (?:of )?the following\b/i;
// "all of the following", "meet the following criteria", "include the following": each item holds.
const ALL_OF = new RegExp(String.raw`${EACH_OF.source}|(?<!\b(?:any|one|either|of|or more) )\bthe following\b`, 'i');
const NEGATED_LEAD = /\b(?:none|neither|no|without|free (?:of|from)|absence of|lack of|never|unless|except)\b|\bnot\b(?! be (?:included|eligible|enrolled))/i;
// "In category 1, the following are exclusionary:", "For healthy controls:", "Category 2: …": one group's items.
const GROUP_LEAD =
  /^(?:[IVX]+\.\s*)?(?:(?:in|for) (?!all\b)(?:the )?[\w ,&-]+[,:]|categor(?:y|ies) [\w ,&-]+:|(?:cohort|group|arm|part)s? [\w &-]{1,12}:|(?:[\w-]+ ){0,2}(?:controls|survivors|patients|subjects|participants|volunteers|caregivers|parents|children|mothers|groups?):$)/i;
// "I. Group B", "II. Controls (Group D)" (NCT03922932): a numbered group label without a colon, which the record may run
// into the end of the line before it.
const LABEL = String.raw`[IVX]+\.\s+(?:[\w-]+ ){0,3}\(?(?:groups?|controls|cohorts?|arms?)\b[^.:;]{0,20}`;
const GROUP_LABEL = new RegExp(`^${LABEL}$`, 'i');
const RUN_IN_GROUP = new RegExp(String.raw`^(.*\S)\s+(${LABEL})$`, 'i');
const isGroupLead = (lead: string): boolean => GROUP_LEAD.test(lead) || GROUP_LABEL.test(lead);
// "None", "Nil", "No exclusion criteria" (NCT03866850, NCT03924297): the record states no criterion there, which is a note, not a
// criterion for a person to attest.
const NO_CRITERIA = /^(?:none|nil|n\/?a|not applicable|no (?:inclusion |exclusion )?criteria)\.?$/i;

// "Other protocol defined inclusion/exclusion criteria may apply", "Note: …", "The information listed above is not intended to
// contain all considerations …" (NCT02210780): the record points elsewhere and states no criterion.
const POINTS_ELSEWHERE = /^(?:note\b|other\b.*\bcriteria\b.*\bappl(?:y|ies)\b)|\bnot intended to (?:contain|list|be) (?:all|every|an exhaustive)\b/i;
// The words a lead uses to open its list ("Patients will only be included in the study if they meet all of the following
// criteria:", "History of:", "Persons with"). A lead with other words ("Nursing home residents with ≥2 of the following
// risk factors:", NCT03860246) asks something of its own.
const LEAD_FRAME =
  /^(?:[A-Z]\.|the|a|an|all|any|each|every|both|either|one|two|three|four|five|or|and|more|at|least|of|following|criteria|criterion|characteristics|conditions|items|inclusion|exclusion|specific|additional|patients?|subjects?|participants?|persons?|people|individuals?|those|who|which|we|they|will|would|be|is|are|not|only|included|excluded|exclude|eligible|enrolled|considered|in|into|for|from|this|present|study|trial|if|meet|meets|meeting|fulfil+(?:s|ing)?|satisfy|have|has|having|with|history|apply|applies|include|includes|must|should|can|may|plus|to|categor(?:y|ies))$/i;
// Where a lead's list begins: words after it name the items ("≥2 of 6 CAPS typical signs/symptoms:"), words before it are the lead's own.
const LIST_START = new RegExp(String.raw`${COUNTED.source}|${ANY_OF.source}|${EACH_OF.source}|\bthe following\b|\bsuch as\b|\bincluding\b`, 'i');
const ownWords = (lead: string): boolean => (lead.slice(0, LIST_START.exec(lead)?.index ?? lead.length).match(/[\p{L}][\p{L}'.-]*/gu) ?? []).some((w) => !LEAD_FRAME.test(w.replace(/[.']+$/, '')));
// "Medical Conditions", "For all workers" over bullets: a subheading, not a criterion.
const SUBHEADING = /^[\p{L}-]+(?: [\p{L}-]+){0,2}$/u;

const OWN_LEAD_REASON = 'it opens the list under it, and what it asks of its own is left to a person';

/** Whether a line without a bullet, in a bulleted section, is a note rather than a criterion (see `parseCriteriaText`). */
function isNote(text: string, nextIsBullet: boolean): boolean {
  if (NO_CRITERIA.test(text) || POINTS_ELSEWHERE.test(text) || isGroupLead(text)) return true;
  if (nextIsBullet && SUBHEADING.test(text)) return true;
  return opensList(text) && !ownWords(text);
}

/**
 * Whether a line without a bullet continues the line before it, wrapped: indented deeper than that line's bullet
 * ("- Ongoing … with methotrexate, azathioprine," over "     6-mercaptopurine, …", NCT03923478), or at its depth when
 * that line runs on and this one starts in lower case or a bracket ("- … with norepinephrine" over "of more than 10
 * ug/min and lactate >4 mmol/L.", NCT03866083).
 */
function continues(line: string, before: { readonly indent: number; readonly text: string; readonly bullet: boolean } | undefined): boolean {
  if (before === undefined || BULLET.test(line)) return false;
  const indent = /^\s*/.exec(line)![0].length;
  // Between two lines without bullets ("good oral hygiene measures" / "young adults males or females", NCT03926676) a lower-case
  // start says nothing, but a bracket does ("… broken skin" / "(assessed by the investigator)", NCT03929978).
  if (indent > before.indent || /[.;:!?]\s*$/.test(before.text) || indent !== before.indent) return indent > before.indent;
  return before.bullet ? /^\s*[\p{Ll}(\d]/u.test(line) : /^\s*\(/.test(line);
}

// "Increased fasting blood glucose from 6.1 to 7.0 mmol / L or,", a line "OR": the items either side are alternatives.
const ENDS_IN_OR = /\b(?:or|and\/or)\s*[,;]?\s*$/i;
const STARTS_WITH_OR = /^(?:or|and\/or)\b/i;

/** A lead line quoted in a reason, cut to 80 characters. */
const quoteLead = (lead: string): string => `"${lead.length > 80 ? `${lead.slice(0, 77)}…` : lead}"`;

/** Why an item under a lead line is left to a person, or undefined when it holds as the side needs. */
function underLead(lead: string, side: Criterion['side']): string | undefined {
  const quoted = quoteLead(lead);
  if (isGroupLead(lead)) return `${ONE_GROUP_REASON} (the line over it names it: ${quoted})`;
  // A bullet that opens no list ("Active disease at Screening as defined by" over "BASDAI ≥ 4"): its deeper bullets hold as read.
  if (!opensList(lead)) return undefined;
  if (NEGATED_LEAD.test(lead)) return `the line over it (${quoted}) turns its meaning, which no rule reads`;
  if (COUNTED.test(lead)) return `it is one of several items the line over it (${quoted}) counts together`;
  // In an inclusion, an item is required only when the lead says each one holds; in an exclusion, enough alone unless all must.
  if (side === 'inclusion' ? ALL_OF.test(lead) && !ANY_OF.test(lead) : !EACH_OF.test(lead)) return undefined;
  return side === 'inclusion' ? `it is one item of a list under ${quoted}, which may be alternatives` : `it is one of the items under ${quoted}, all of which must hold`;
}

// "≥2 of the following", "two or more of", "at least three of": the count the items must reach. A bare "four of the
// following" may mean exactly four, and is not taken.
const AT_LEAST = /(?:≥\s*(\d)|\bat least (two|three|four|five|[2-9])|\b(two|three|four|five|[2-9]) or more)\s+(?:\(\d+\)\s+)?(?:of|out of)\b/i;
// Items given as examples ("… such as:", "including:") are not all the ways to meet the lead.
const EXAMPLES_LEAD = /\b(?:such as|including|includes|e\.?g\b|for (?:example|instance)|like|etc|other|among others)\b/i;

/** How the items under a lead that leaves them to a person (`underLead`) combine, where the lead says so. */
function itemsCombine(lead: string, side: Criterion['side']): ItemsCombine | undefined {
  if (isGroupLead(lead) || NEGATED_LEAD.test(lead)) return undefined;
  if (COUNTED.test(lead)) {
    const m = AT_LEAST.exec(lead);
    const n = m ? (m[1] ?? m[2] ?? m[3])!.toLowerCase() : undefined;
    if (n === undefined) return undefined;
    const of = /\bof (\d+|two|three|four|five|six|seven|eight|nine|ten)\b/i.exec(lead.slice(m!.index + m![0].length - 2))?.[1]?.toLowerCase();
    return { kind: 'at-least', count: NUMBER_WORDS[n] ?? Number(n), ...(of ? { of: NUMBER_WORDS[of] ?? Number(of) } : {}) };
  }
  if (side === 'exclusion') return EACH_OF.test(lead) ? { kind: 'all', exact: true } : undefined;
  if (ANY_OF.test(lead)) return { kind: 'any', exact: true };
  return EXAMPLES_LEAD.test(lead) ? undefined : { kind: 'any', exact: false };
}

const leftToPerson = (id: string, side: Criterion['side'], text: string, reason: string): Criterion => ({
  id,
  side,
  text,
  computability: 'attested',
  expr: { kind: 'attested', text },
  notComputable: reason,
  flags: [],
});

/**
 * The group a lead line names when its items hold for that group as the side needs ("Healthy controls:",
 * "In category 1, the following are exclusionary:"); undefined when it names none, or its words after the
 * group ("… who meet any of the following criteria:") leave the items to a person.
 */
function leadItemsGroup(lead: string, side: Criterion['side']): string | undefined {
  if (!isGroupLead(lead)) return undefined;
  const named = leadGroup(lead);
  return named && (named.rest === '' || underLead(named.rest, side) === undefined) ? named.words : undefined;
}

// "For subjects with type 2 diabetes:" (NCT03921203): the items hold for whoever has the condition.
const WITH_CONDITION = /^(?:for|in) (?:the )?(?:patients|participants|subjects|individuals|persons|people|those) with (.+)$/i;

/**
 * Who the items under `words` hold for: the study groups they name (study-group.ts), or, over exclusions, whoever has the
 * condition they name, read as an exclusion reads it (a sufficient condition of having it, so that with the item it is
 * sufficient too). Over inclusions a condition would read as required of everyone (negated-exclusion.ts), so they stay with a person.
 */
function membersOf(words: string, side: Criterion['side']): Expr | undefined {
  const names = groupNames(words);
  if (names) return memberOf(names);
  const condition = side === 'exclusion' ? WITH_CONDITION.exec(words.trim())?.[1] : undefined;
  const read = condition === undefined ? undefined : parseCriterionLine('lead', 'exclusion', condition);
  return read?.computability === 'computable' && (read.expr.kind === 'has' || (read.expr.kind === 'is' && read.expr.value)) ? read.expr : undefined;
}

/**
 * Split registry eligibility text (headings "Inclusion Criteria:", "Exclusions:", "Subjects will be
 * excluded if:" … as criteria-heading.ts reads them; bulleted or numbered lines, ClinicalTrials.gov
 * markup) into criteria `inc-N` / `exc-N` in record order. In a bulleted section, a line without a bullet that
 * continues the one before (`continues`) is joined to it; otherwise it is a criterion like any other unless it
 * states none (`NOTE`), or is a subheading or a lead with no words of its own (`isNote`). Words on a heading line ("Inclusion Criteria: Renal colic patients") are the
 * section's one criterion when nothing follows them; over lines of their own they name a group
 * ("Inclusion Criteria:Adolescents") or qualify the section, whose criteria are then left to a person. Items under a
 * line that opens a list ("… such as", "≥2 of the following:", "In category 1, …:") are read only where the lead says
 * each is required (inclusion) or enough alone (exclusion).
 */
export function parseCriteriaText(text: string): ParsedCriteriaText {
  const sections: { heading: CriteriaHeading; lines: string[] }[] = [];
  const take = (raw: string) => {
    const heading = readHeading(raw);
    if (heading) sections.push({ heading, lines: [] });
    // A bullet with nothing after it ("Exclusion Criteria:" over a lone "-") states no criterion.
    else if (HAS_WORDS.test(raw)) sections.at(-1)?.lines.push(raw);
  };
  for (const raw of text.split(/\r?\n/)) {
    const runIn = readHeading(raw) ? undefined : splitRunInHeading(raw);
    const label = runIn ? undefined : RUN_IN_GROUP.exec(raw);
    for (const part of runIn ?? (label ? [label[1]!, label[2]!] : [raw])) take(part);
  }
  if (sections.length === 0) {
    throw new AppError(eligibilityErrors.BAD_CRITERIA_TEXT, 'The criteria text has no "Inclusion Criteria:" or "Exclusion Criteria:" heading.');
  }
  const criteria: Criterion[] = [];
  const notes: string[] = [];
  const counters = { inclusion: 0, exclusion: 0 };
  const nextId = (side: Criterion['side']) => `${side === 'inclusion' ? 'inc' : 'exc'}-${(counters[side] += 1)}`;
  // Headings for two groups ("… for Patients:", "… for Caregivers:"), or for one group beside a heading "for all subjects"
  // (NCT03924479 "… for HFpEF" and "… for all subjects": healthy controls too), mean each group's section holds for it only.
  const groups = new Set(sections.flatMap(({ heading }) => (heading.group ? [heading.group.toLowerCase()] : [])));
  const forAll = sections.some(({ heading }) => heading.forAll);
  const severalGroups = groups.size > 1 || (groups.size === 1 && forAll);
  // Lists whose items read together (items-together.ts): by their lead line, or a chain of "or" across lines. A list
  // one of whose items is left to a person for another reason is not read, since its expression would miss that item.
  const lists = new Map<object, ItemList & { ids: string[]; broken: boolean }>();
  const joinList = (key: object, id: string, make: () => ItemsCombine | undefined, joinedBy: string, member: boolean) => {
    let list = lists.get(key);
    if (list === undefined) {
      const combine = make();
      if (combine === undefined) return;
      list = { ids: [], combine, joinedBy, broken: false };
      lists.set(key, list);
    }
    if (member) list.ids.push(id);
    else list.broken = true;
  };
  for (const { heading, lines } of sections) {
    const { side, rest } = heading;
    // Words after the colon over lines of their own name the section; after a bracketed group, they are its first criterion.
    const restNames = rest !== undefined && lines.some((l) => HAS_WORDS.test(l));
    const labelled = heading.qualifier !== undefined || restNames || (heading.group !== undefined && severalGroups);
    const sectionReason = labelled ? headingReason(heading) : undefined;
    const sectionGroup = labelled ? headingGroup(heading) : undefined;
    // A criterion, read unless a reason leaves it to a person; one for some patients only (`groups`: the group words over it) is read for them.
    const read = (text: string, reason: string | undefined, groups: readonly (string | undefined)[] = []): Criterion => {
      const id = nextId(side);
      if (reason === undefined) return parseCriterionLine(id, side, text);
      const members = groups.length === 1 && groups[0] !== undefined ? membersOf(groups[0], side) : undefined;
      return members === undefined ? leftToPerson(id, side, text, reason) : memberReading(parseCriterionLine(id, side, text), text, members, reason);
    };
    if (rest !== undefined && (heading.qualifier !== undefined || !restNames)) criteria.push(read(rest, sectionReason, [sectionGroup]));
    const bulleted = lines.some((l) => BULLET.test(l));
    // Lines that may open a list, innermost last: a bullet over deeper bullets, an unbulleted lead over the bullets after it.
    // An open lead's list runs over the bullets after it at its own depth too: an unbulleted lead, or a bullet
    // "- At least one of the following:" over bullets no deeper than itself.
    const leads: { indent: number; text: string; open: boolean }[] = [];
    const wrapped: { indent: number; text: string; bullet: boolean }[] = [];
    for (const line of lines) {
      const last = wrapped.at(-1);
      if (bulleted && continues(line, last)) last!.text = `${last!.text} ${line.trim()}`;
      else wrapped.push({ indent: /^\s*/.exec(line)![0].length, text: line.replace(BULLET, '').trim(), bullet: BULLET.test(line) });
    }
    const items = wrapped.map((j, i) => {
      const unbulleted = bulleted && !j.bullet;
      return { indent: j.indent, unbulleted, note: unbulleted ? isNote(j.text, wrapped[i + 1]?.bullet ?? false) : NO_CRITERIA.test(j.text), text: j.text };
    });
    const criterionTexts = items.filter((i) => !i.note).map((i) => i.text);
    let k = -1;
    let chain: object | undefined;
    for (const { indent, unbulleted, note, text } of items) {
      // A line without a bullet ends every list; a bullet ends the lists of bullets at its depth or deeper, but not an open lead's above it.
      while (leads.length > 0 && (unbulleted || indent <= leads.at(-1)!.indent) && !(leads.at(-1)!.open && !unbulleted && indent >= leads.at(-1)!.indent)) leads.pop();
      if (note) notes.push(text);
      else {
        // In an inclusion, items joined by "or" across lines are each not required.
        k += 1;
        const before = criterionTexts[k - 1] ?? '';
        const after = criterionTexts[k + 1] ?? '';
        const joined = side === 'inclusion' && (ENDS_IN_OR.test(text) || ENDS_IN_OR.test(before) || STARTS_WITH_OR.test(text) || STARTS_WITH_OR.test(after));
        const leadReasons = leads.flatMap((l) => {
          const r = underLead(l.text, side);
          return r === undefined ? [] : [{ reason: r, group: leadItemsGroup(l.text, side) }];
        });
        const reason = sectionReason ?? leadReasons[0]?.reason;
        // Read for one group when the heading or the lines over it name that group and nothing else leaves the item to a person.
        const groups = joined ? [undefined] : [...(sectionReason ? [sectionGroup] : []), ...leadReasons.map((l) => l.group)];
        const ownLead = unbulleted && opensList(text);
        const criterion = read(text, reason ?? (ownLead ? OWN_LEAD_REASON : joined ? 'it is one of alternatives joined by "or" across lines' : undefined), groups);
        criteria.push(criterion);
        const innermost = leads.at(-1);
        if (innermost !== undefined && underLead(innermost.text, side) !== undefined) {
          joinList(innermost, criterion.id, () => itemsCombine(innermost.text, side), `under ${quoteLead(innermost.text)}`, !sectionReason && leadReasons.length === 1);
        }
        if (!joined) chain = undefined;
        else {
          if (chain === undefined || !(ENDS_IN_OR.test(before) || STARTS_WITH_OR.test(text))) chain = {};
          // The "or" may fall inside a phrase the next line ends ("… in activity or" / "in remission attending the clinics"),
          // so the lines' alternatives are necessary but not enough.
          joinList(chain, criterion.id, () => ({ kind: 'any', exact: false }), 'joined by "or" across lines', reason === undefined);
        }
      }
      const open = unbulleted || (/(?::|\bfollowing(?: [\w/-]+){0,3})\s*$/i.test(text) && (ANY_OF.test(text) || COUNTED.test(text)));
      if (!unbulleted || LEADS_LIST.test(text) || GROUP_LABEL.test(text)) leads.push({ indent, text, open });
    }
  }
  if (criteria.length === 0) throw new AppError(eligibilityErrors.BAD_CRITERIA_TEXT, 'The criteria text has headings but no criteria under them.');
  const together = readItemsTogether(
    settleNegatedExclusions(criteria),
    [...lists.values()].filter((l) => !l.broken),
  );
  return { criteria: settleGroups(together), notes };
}
