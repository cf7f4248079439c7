import type { FormDefinition } from '../../../src/forms/definition.js';
import { cellPath, groupRowsValue } from './group-rows.js';
import { type FormTexts, typedValue } from './typed-value.js';

/**
 * The form's values from the texts (and the unit chosen for each decimal), ready for the validator and
 * the API. A repeating group's cells are keyed by their value path (`meds[0].dose`) and `rows` counts
 * its rows; it is sent as its list of rows (see group-rows.ts).
 */
export function formValuesFromTexts(form: FormDefinition, texts: FormTexts, units: Readonly<Record<string, string>> = {}, rows: Readonly<Record<string, number>> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const entry of form.items) {
    if (entry.type === 'group' && entry.repeating) {
      const list = groupRowsValue(entry, texts, units, rows[entry.id] ?? 0);
      if (list.length > 0) values[entry.id] = list;
      continue;
    }
    for (const item of entry.type === 'group' ? entry.items : [entry]) {
      const text = texts[item.id];
      if (text === undefined || item.type === 'calculated') continue;
      const v = typedValue(item, text, item.type === 'decimal' ? (units[item.id] ?? item.units?.[0]?.unit) : undefined);
      if (v !== undefined) values[item.id] = v;
    }
  }
  return values;
}

/** Saved values back as texts, for editing; a repeating group's rows as cells keyed by value path, and its row count. */
export function textsFromValues(values: Readonly<Record<string, unknown>>): { texts: Record<string, string | string[]>; units: Record<string, string>; rows: Record<string, number> } {
  const texts: Record<string, string | string[]> = {};
  const units: Record<string, string> = {};
  const rows: Record<string, number> = {};
  for (const [id, v] of Object.entries(values)) {
    if (Array.isArray(v) && v.length > 0 && v.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
      rows[id] = v.length;
      (v as Record<string, unknown>[]).forEach((row, r) => {
        const cells = textsFromValues(row);
        for (const [k, t] of Object.entries(cells.texts)) texts[cellPath(id, r, k)] = t;
        for (const [k, u] of Object.entries(cells.units)) units[cellPath(id, r, k)] = u;
      });
    } else if (Array.isArray(v)) texts[id] = v.map(String);
    else if (typeof v === 'boolean') texts[id] = v ? 'yes' : 'no';
    else if (typeof v === 'object' && v !== null) {
      const d = v as { value: unknown; unit: string };
      texts[id] = String(d.value);
      units[id] = d.unit;
    } else texts[id] = String(v);
  }
  return { texts, units, rows };
}
