import type { Criterion, Expr } from './expression.js';
import { attestationFactName, findFact, type FactType } from './facts.js';
import { findConversion } from './units.js';

export interface Column {
  readonly name: string;
  readonly type: FactType | 'attestation';
  /** What a cell holds, for `--columns`. */
  readonly description: string;
}

/** The patient id column every screening CSV starts with. */
export const ID_COLUMN = 'patient_id';

function factsOf(e: Expr, criterionId: string, out: Set<string>): void {
  switch (e.kind) {
    case 'all':
    case 'any':
      for (const x of e.of) factsOf(x, criterionId, out);
      return;
    case 'not':
      factsOf(e.of, criterionId, out);
      return;
    case 'attested':
      out.add(attestationFactName(criterionId));
      return;
    case 'compare': {
      out.add(e.fact);
      const conv = findConversion(findFact(e.fact)?.units ?? [], e.unit);
      if (conv?.perKg) out.add('weight');
      return;
    }
    default:
      out.add(e.fact);
  }
}

/** Codes a criterion looks for in each set-of-codes fact, and values it names of each code fact (documents what a cell may hold). */
export function codesOf(criteria: readonly Criterion[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (e: Expr): void => {
    if (e.kind === 'has') out.set(e.fact, (out.get(e.fact) ?? new Set()).add(e.code));
    else if (e.kind === 'equals') out.set(e.fact, (out.get(e.fact) ?? new Set()).add(e.value));
    else if (e.kind === 'all' || e.kind === 'any') e.of.forEach(walk);
    else if (e.kind === 'not') walk(e.of);
  };
  criteria.forEach((c) => walk(c.expr));
  return out;
}

/** The CSV columns a protocol's criteria read, in criterion order, after the patient id. */
export function criteriaColumns(criteria: readonly Criterion[]): readonly Column[] {
  const names = new Set<string>();
  for (const c of criteria) factsOf(c.expr, c.id, names);
  const codes = codesOf(criteria);
  const byId = new Map(criteria.map((c) => [attestationFactName(c.id), c]));
  const columns: Column[] = [{ name: ID_COLUMN, type: 'code', description: 'Patient identifier (any text); echoed in the results.' }];
  for (const name of names) {
    const attested = byId.get(name);
    if (attested) {
      columns.push({ name, type: 'attestation', description: `Attestation of ${attested.id} ("${attested.text}"): yes|by|YYYY-MM-DD or no|by|YYYY-MM-DD.` });
      continue;
    }
    const def = findFact(name)!;
    const detail =
      def.type === 'number'
        ? `number in ${def.unit || 'points'}${def.units && def.units.length > 1 ? ` (or "value unit": ${def.units.map((u) => u.unit).join(', ')})` : ''}`
        : def.type === 'date'
          ? 'YYYY-MM-DD or never'
          : def.type === 'codes'
            ? `codes separated by ";" or none (this protocol looks for: ${[...(codes.get(name) ?? [])].join(', ')})`
            : def.type === 'code'
              ? (def.values ?? [`one code (this protocol names: ${[...(codes.get(name) ?? [])].join(', ')})`]).join(' or ')
              : 'yes or no';
    columns.push({ name, type: def.type, description: `${def.description} ${detail}.` });
  }
  return columns;
}
