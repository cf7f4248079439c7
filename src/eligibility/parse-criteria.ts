import { AppError } from '../errors/app-error.js';
import { type CriteriaHeading, headingReason, readHeading, splitRunInHeading } from './criteria-heading.js';
import type { Criterion } from './expression.js';
import { settleNegatedExclusions } from './negated-exclusion.js';
import { parseCriterionLine } from './parse-line.js';
import { eligibilityErrors } from './errors.js';

export interface ParsedCriteriaText {
  readonly criteria: readonly Criterion[];
  /** Lines kept verbatim but not taken as criteria (a paragraph after a bulleted list). */
  readonly notes: readonly string[];
}

const BULLET = /^\s*(?:[-*•·]|\d+[.)])\s+/;
const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * Split registry eligibility text (headings "Inclusion Criteria:", "Exclusions:", "Subjects will be
 * excluded if:" … as criteria-heading.ts reads them; bulleted or numbered lines, ClinicalTrials.gov
 * markup) into criteria `inc-N` / `exc-N` in record order. In a bulleted section, unbulleted lines are
 * notes, not criteria. Words on a heading line ("Inclusion Criteria: Renal colic patients") are the
 * section's one criterion when nothing follows them; over lines of their own they name a group
 * ("Inclusion Criteria:Adolescents") or qualify the section, whose criteria are then left to a person.
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
    for (const part of runIn ?? [raw]) take(part);
  }
  if (sections.length === 0) {
    throw new AppError(eligibilityErrors.BAD_CRITERIA_TEXT, 'The criteria text has no "Inclusion Criteria:" or "Exclusion Criteria:" heading.');
  }
  const criteria: Criterion[] = [];
  const notes: string[] = [];
  const counters = { inclusion: 0, exclusion: 0 };
  const nextId = (side: Criterion['side']) => `${side === 'inclusion' ? 'inc' : 'exc'}-${(counters[side] += 1)}`;
  // Headings for two groups ("… for Patients:", "… for Caregivers:") mean each such section holds for its group only.
  const groups = new Set(sections.flatMap(({ heading }) => (heading.group ? [heading.group.toLowerCase()] : [])));
  for (const { heading, lines } of sections) {
    const { side, rest } = heading;
    // Words after the colon over lines of their own name the section; after a bracketed group, they are its first criterion.
    const restNames = rest !== undefined && lines.some((l) => HAS_WORDS.test(l));
    const labelled = heading.qualifier !== undefined || restNames || (heading.group !== undefined && groups.size > 1);
    const read = (text: string): Criterion => {
      const id = nextId(side);
      if (!labelled) return parseCriterionLine(id, side, text);
      return { id, side, text, computability: 'attested', expr: { kind: 'attested', text }, notComputable: headingReason(heading), flags: [] };
    };
    if (rest !== undefined && (heading.qualifier !== undefined || !restNames)) criteria.push(read(rest));
    const bulleted = lines.some((l) => BULLET.test(l));
    for (const line of lines) {
      if (bulleted && !BULLET.test(line)) notes.push(line.trim());
      else criteria.push(read(line.replace(BULLET, '').trim()));
    }
  }
  if (criteria.length === 0) throw new AppError(eligibilityErrors.BAD_CRITERIA_TEXT, 'The criteria text has headings but no criteria under them.');
  return { criteria: settleNegatedExclusions(criteria), notes };
}
