import type { Criterion, Expr } from '../../src/eligibility/expression.js';
import { attestationFactName } from '../../src/eligibility/facts.js';
import { readFact, type FactValue, type PatientFacts } from '../../src/eligibility/patient-facts.js';

/** The non-attested facts the criteria read, in the order the criteria first use them. */
export function factsRead(criteria: readonly Criterion[]): string[] {
  const names: string[] = [];
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'all':
      case 'any':
        e.of.forEach(walk);
        return;
      case 'not':
        walk(e.of);
        return;
      case 'attested':
        return;
      case 'compare':
        // A per-kg threshold needs the weight to convert it.
        if (e.unit.endsWith('/kg') && !names.includes('weight')) names.push('weight');
        if (!names.includes(e.fact)) names.push(e.fact);
        return;
      default:
        if (!names.includes(e.fact)) names.push(e.fact);
    }
  };
  criteria.forEach((c) => walk(c.expr));
  return names;
}

/** Criteria that need a person's judgement (wholly or in part). */
export function attestedCriteria(criteria: readonly Criterion[]): Criterion[] {
  const hasAttested = (e: Expr): boolean => e.kind === 'attested' || ((e.kind === 'all' || e.kind === 'any') && e.of.some(hasAttested)) || (e.kind === 'not' && hasAttested(e.of));
  return criteria.filter((c) => hasAttested(c.expr));
}

/** Completed years from birth to a date: the birthday must have been reached in that year. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || y === undefined || m === undefined || d === undefined) return NaN;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export type Attest = 'holds' | 'does-not-hold';

/**
 * Reads every typed fact; a value that cannot be read is reported by fact name (shown beside its
 * field) and left missing, so the criteria that need it stay unknown rather than guessed.
 */
export function readTypedFacts(
  texts: Readonly<Record<string, string>>,
  attest: Readonly<Record<string, Attest>>,
  by: string,
  at: string,
): { facts: PatientFacts; errors: Readonly<Record<string, string>> } {
  const facts: Record<string, FactValue | undefined> = {};
  const errors: Record<string, string> = {};
  const names = Object.keys(texts).sort((a, b) => Number(b === 'weight') - Number(a === 'weight'));
  for (const name of names) {
    try {
      const w = facts['weight'];
      facts[name] = readFact(name, texts[name], name, typeof w === 'number' ? w : undefined);
    } catch (e) {
      errors[name] = e instanceof Error ? e.message : String(e);
    }
  }
  for (const [id, a] of Object.entries(attest)) facts[attestationFactName(id)] = { holds: a === 'holds', by, at };
  return { facts, errors };
}
