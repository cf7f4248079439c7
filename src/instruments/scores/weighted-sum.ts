import type { InstrumentDefinition } from './instrument.js';
import { itemValue } from './validate-items.js';

/** Each item's weight × value, by item id (SLEDAI-2K descriptors, ESSDAI domains). */
export function weightedComponents(def: InstrumentDefinition, values: Readonly<Record<string, number>>): Record<string, number> {
  const components: Record<string, number> = {};
  for (const item of def.items) components[item.id] = (item.weight ?? 1) * itemValue(values, item.id);
  return components;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
