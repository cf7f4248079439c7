import type { Criterion, Expr } from './expression.js';
import { attestationFactName, findFact } from './facts.js';
import { findConversion } from './units.js';

/**
 * A chunk of patients held column by column in typed arrays, the form the columnar evaluator
 * reads. Truth values and yes/no cells are 0 (no), 1 (yes), 2 (unknown / missing), as in
 * compile.ts. Numbers are in the canonical unit with NaN for missing; dates are day numbers
 * (-Infinity for never, NaN for missing); a code fact (sex) is the index of its value, 255 when
 * missing, and for a fact whose values the criteria name (study_group) 254 for a value they do not
 * name; a set-of-codes fact is one yes/no column per code the criteria look for.
 */
export const MISSING = 2;
export const NO_CODE = 255;
export const OTHER_CODE = 254;

export type ColumnKind = 'number' | 'date' | 'yes-no' | 'code' | 'codes' | 'attestation';

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  /** For `code`: its values (or, without fixed ones, those the criteria name), in index order. For `codes`: the codes the criteria look for. */
  readonly values: readonly string[];
}

export interface ColumnChunk {
  /** Rows held (the arrays may be longer). */
  n: number;
  readonly numbers: Map<string, Float64Array>;
  /** yes/no, attestation and code columns; a `codes` column is stored per code as `name#code`. */
  readonly bytes: Map<string, Uint8Array>;
}

export const codeKey = (fact: string, code: string): string => `${fact}#${code}`;

/** The columns a set of criteria reads, each with how it is held. */
export function columnSpecs(criteria: readonly Criterion[]): ColumnSpec[] {
  const specs = new Map<string, { kind: ColumnKind; values: Set<string> }>();
  const need = (name: string, kind: ColumnKind, value?: string) => {
    const s = specs.get(name) ?? { kind, values: new Set<string>() };
    if (value !== undefined) s.values.add(value);
    specs.set(name, s);
  };
  const walk = (e: Expr, id: string): void => {
    switch (e.kind) {
      case 'all':
      case 'any':
        return e.of.forEach((x) => walk(x, id));
      case 'not':
        return walk(e.of, id);
      case 'attested':
        return need(attestationFactName(id), 'attestation');
      case 'compare': {
        need(e.fact, 'number');
        if (findConversion(findFact(e.fact)?.units ?? [], e.unit)?.perKg) need('weight', 'number');
        return;
      }
      case 'is':
        return need(e.fact, 'yes-no');
      case 'equals':
        return need(e.fact, 'code', e.value);
      case 'has':
        return need(e.fact, 'codes', e.code);
      case 'within':
        return need(e.fact, 'date');
    }
  };
  for (const c of criteria) walk(c.expr, c.id);
  return [...specs].map(([name, s]) => ({
    name,
    kind: s.kind,
    values: s.kind === 'code' ? (findFact(name)?.values ?? [...s.values]) : [...s.values],
  }));
}

/** An empty chunk with room for `capacity` rows of these columns. */
export function createChunk(specs: readonly ColumnSpec[], capacity: number): ColumnChunk {
  const chunk: ColumnChunk = { n: 0, numbers: new Map(), bytes: new Map() };
  for (const s of specs) {
    if (s.kind === 'number' || s.kind === 'date') chunk.numbers.set(s.name, new Float64Array(capacity));
    else if (s.kind === 'codes') for (const code of s.values) chunk.bytes.set(codeKey(s.name, code), new Uint8Array(capacity));
    else chunk.bytes.set(s.name, new Uint8Array(capacity));
  }
  return chunk;
}
