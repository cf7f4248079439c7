import { AppError } from '../errors/app-error.js';
import type { Criterion } from './expression.js';
import { parseCriterionLine } from './parse-line.js';
import { eligibilityErrors } from './errors.js';

export interface ParsedCriteriaText {
  readonly criteria: readonly Criterion[];
  /** Lines kept verbatim but not taken as criteria (a paragraph after a bulleted list). */
  readonly notes: readonly string[];
}

// "Inclusion Criteria:", "Key Exclusion Criteria", "Inclusion Criteria for Patients:", "Sub-study Exclusion Criteria:".
const HEADING = /^\s*(?![-*•·]\s|\d+[.)]\s)(?:[\w'’-]+(?: [\w'’-]+){0,4} )?(inclusion|exclusion)\s+criteria(?:\s+(?:for|of|in)\s+[^:.]{1,50})?\s*:?\s*$/i;
const BULLET = /^\s*(?:[-*•·]|\d+[.)])\s+/;

/**
 * Split registry eligibility text ("Inclusion Criteria:" / "Exclusion Criteria:" headings, bulleted
 * or numbered lines, ClinicalTrials.gov markup) into criteria `inc-N` / `exc-N` in record order.
 * In a bulleted section, unbulleted lines are notes, not criteria.
 */
export function parseCriteriaText(text: string): ParsedCriteriaText {
  const sections: { side: 'inclusion' | 'exclusion'; lines: string[] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const heading = HEADING.exec(raw);
    if (heading) {
      sections.push({ side: heading[1]!.toLowerCase() as 'inclusion' | 'exclusion', lines: [] });
      continue;
    }
    if (raw.trim() !== '') sections.at(-1)?.lines.push(raw);
  }
  if (sections.length === 0) {
    throw new AppError(eligibilityErrors.BAD_CRITERIA_TEXT, 'The criteria text has no "Inclusion Criteria:" or "Exclusion Criteria:" heading.');
  }
  const criteria: Criterion[] = [];
  const notes: string[] = [];
  const counters = { inclusion: 0, exclusion: 0 };
  for (const { side, lines } of sections) {
    const bulleted = lines.some((l) => BULLET.test(l));
    for (const line of lines) {
      if (bulleted && !BULLET.test(line)) {
        notes.push(line.trim());
        continue;
      }
      counters[side] += 1;
      const id = `${side === 'inclusion' ? 'inc' : 'exc'}-${counters[side]}`;
      criteria.push(parseCriterionLine(id, side, line.replace(BULLET, '').trim()));
    }
  }
  if (criteria.length === 0) throw new AppError(eligibilityErrors.BAD_CRITERIA_TEXT, 'The criteria text has headings but no criteria under them.');
  return { criteria, notes };
}
