import { parseFormDefinition, type FormDefinition, type FormDefinitionInput, type Item } from '../../forms/definition.js';
import type { InstrumentDefinition, InstrumentItem } from './instrument.js';

/** A calculated item of an instrument's form: its id, label and expression. */
export type Calculation = readonly [id: string, label: string, expression: string];

export interface InstrumentFormScoring {
  /** Sub-scores and weighted contributions, in order; each becomes a calculated item. */
  readonly calculations: readonly Calculation[];
  /** The calculated item that is the total. */
  readonly total: string;
  /** Component name (as `InstrumentScore.components` reports it) → calculated item. */
  readonly components: Readonly<Record<string, string>>;
  readonly checks?: FormDefinitionInput['checks'];
}

/** An item of the instrument as a form item: a choice as a single choice of its coded values, a range as a number with that hard range. */
function formItem(i: InstrumentItem): Item {
  const common = { id: i.id, label: i.label, required: i.required };
  if (i.allowed.kind === 'choice') return { ...common, type: 'single-choice', choices: i.allowed.options.map((o) => ({ code: o.value, label: o.label })) };
  const hard = { min: i.allowed.min, max: i.allowed.max };
  return i.allowed.integer ? { ...common, type: 'integer', hard } : { ...common, type: 'decimal', hard, ...(i.unit ? { units: [{ unit: i.unit, factor: 1 }] } : {}) };
}

/**
 * The instrument as a form of the definition language: its items, and its scoring as calculated
 * items (weights × values, sums, sub-scores), so the score is data that a form, an export and a
 * REDCap dictionary carry with it.
 */
export function instrumentForm(def: InstrumentDefinition, scoring: InstrumentFormScoring): FormDefinition {
  return parseFormDefinition({
    id: def.id,
    version: '1',
    title: def.name,
    source: def.source,
    assumptions: def.unverified ? [def.unverified] : [],
    checks: scoring.checks ?? [],
    items: [...def.items.map(formItem), ...scoring.calculations.map(([id, label, expression]) => ({ id, type: 'calculated' as const, label, expression }))],
    scoring: { total: scoring.total, components: scoring.components },
  });
}

/** `[a], [b], [c]`: item references for a sum. */
export const refs = (ids: readonly string[]) => ids.map((id) => `[${id}]`).join(', ');

/** Each item's weight × value as a calculated item `<id>-weighted`, their sum as `total`; components are the weighted items by item id (SLEDAI-2K, ESSDAI). */
export function weightedSumScoring(def: InstrumentDefinition): InstrumentFormScoring {
  const weighted = def.items.map((i): Calculation => [`${i.id}-weighted`, `${i.label} × ${i.weight ?? 1}`, `${i.weight ?? 1} * [${i.id}]`]);
  return {
    calculations: [...weighted, ['total', `${def.name} total`, `sum(${refs(weighted.map(([id]) => id))})`]],
    total: 'total',
    components: Object.fromEntries(def.items.map((i) => [i.id, `${i.id}-weighted`])),
  };
}
