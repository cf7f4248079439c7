import type { Group } from '../../../src/forms/form-schema.js';
import { typedValue, type FormTexts } from './typed-value.js';

/** The value path of one cell of a repeating group, as the server names it (src/forms/validate-form.ts): `meds[0].dose`. */
export const cellPath = (groupId: string, row: number, itemId: string): string => `${groupId}[${row}].${itemId}`;

/**
 * A repeating group's value as the form-values API takes it: a list of `count` rows, each item id →
 * value (a decimal as `{ value, unit }`), blanks and calculated items left out. Every drawn row is
 * sent, a blank one as `{}`, so the server's paths (`meds[1].drug`) name the row the user sees.
 */
export function groupRowsValue(group: Group, texts: FormTexts, units: Readonly<Record<string, string>>, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, r) => {
    const row: Record<string, unknown> = {};
    for (const item of group.items) {
      const path = cellPath(group.id, r, item.id);
      const text = texts[path];
      if (text === undefined || item.type === 'calculated') continue;
      const v = typedValue(item, text, item.type === 'decimal' ? (units[path] ?? item.units?.[0]?.unit) : undefined);
      if (v !== undefined) row[item.id] = v;
    }
    return row;
  });
}

/** A map keyed by value path with row `row` of group `groupId` removed and the rows after it moved up one. */
export function withoutRow<T>(map: Readonly<Record<string, T>>, groupId: string, row: number): Record<string, T> {
  const prefix = `${groupId}[`;
  const out: Record<string, T> = {};
  for (const [key, v] of Object.entries(map)) {
    const m = key.startsWith(prefix) ? /^\[(\d+)\]\.(.+)$/.exec(key.slice(groupId.length)) : null;
    if (!m) {
      out[key] = v;
      continue;
    }
    const r = Number(m[1]);
    if (r === row) continue;
    out[r > row ? cellPath(groupId, r - 1, m[2]!) : key] = v;
  }
  return out;
}
