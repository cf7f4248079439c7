import type { Criterion, Expr } from './expression.js';
import { STUDY_GROUP } from './status-facts.js';

// An exclusion line that opens with a negation ("No insomnia", "No evidence of dementia").
const OPENS_NEGATED = /^\s*(?:no|not|non-|without|absence of|free (?:of|from)|negative for|lack of|never)\b/i;

export const NEGATED_EXCLUSION_REASON =
  'an exclusion written as a negation ("No insomnia") may exclude those without the condition, as it reads, or those with it, as a list of requirements would mean';

// Facts no exclusion list names as a requirement: a language, informed consent ("No consent" excludes no one for
// consenting) and social security affiliation ("Not affiliated to social security", French research law L1121-11).
const LITERAL = new Set(['languages', 'informed_consent', 'social_security']);

type Leaf = Extract<Expr, { fact: string }>;
const leafKey = (e: Leaf): string => `${e.kind} ${e.fact} ${'code' in e ? e.code : 'value' in e ? String(e.value) : ''}`;

function leaves(e: Expr, out: Leaf[] = []): Leaf[] {
  if (e.kind === 'all' || e.kind === 'any') for (const x of e.of) leaves(x, out);
  else if (e.kind === 'not') leaves(e.of, out);
  else if (e.kind !== 'attested') out.push(e);
  return out;
}

/**
 * Exclusion lists are often written as requirements ("Exclusions: No insomnia"), which read literally
 * would exclude everyone without insomnia. Such a line keeps its negated reading only where the
 * literal sense is the certain one:
 *   - a language ("Non-English speaking", "Not fluent in English"), which no list excludes by name, informed consent
 *     ("No consent") or social security affiliation;
 *   - a condition the inclusions require ("Inclusion: diagnosis of dementia" / "Exclusion: No evidence
 *     of dementia"), so the exclusion repeats the inclusion.
 * Otherwise the line is left to a person, with the reason. The test is on every reading of the line, negated
 * or not, since a reading the cue did not reach ("No neurological (including dementia) disorders" read
 * as dementia) is right under one sense only.
 */
export function settleNegatedExclusions(criteria: readonly Criterion[]): Criterion[] {
  // An inclusion for one group of the study (study-group.ts) requires nothing of the others.
  const forAll = (c: Criterion) => !leaves(c.expr).some((l) => l.fact === STUDY_GROUP);
  const required = new Set(criteria.filter((c) => c.side === 'inclusion' && forAll(c)).flatMap((c) => leaves(c.expr).map(leafKey)));
  return criteria.map((c) => {
    if (c.side !== 'exclusion' || !OPENS_NEGATED.test(c.text)) return c;
    if (leaves(c.expr).every((l) => LITERAL.has(l.fact) || required.has(leafKey(l)))) return c;
    return { id: c.id, side: c.side, text: c.text, computability: 'attested', expr: { kind: 'attested', text: c.text }, notComputable: NEGATED_EXCLUSION_REASON, flags: c.flags };
  });
}
