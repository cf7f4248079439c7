import type { FormDefinition, Item } from './form-schema.js';
import type { FilledEntry, FormValidation, FormValues } from './validate-form.js';

/** One stored value of a form: `key` is `<form id>.<path>`; numbers, codes and yes/no as numbers, the rest as text. */
export interface StoredFormValue {
  readonly kind: 'other' | 'score';
  readonly key: string;
  readonly value: number | string;
  readonly unit?: string | undefined;
}

/** Kept as stored: yes/no as 1/0 (as REDCap codes it), a multiple choice as its JSON list of codes. */
function encode(e: FilledEntry): number | string | null {
  const v = e.value;
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return JSON.stringify(v);
  return v as number | string;
}

/**
 * The rows to store for a checked form: every entered and calculated value (a calculated item with
 * no value is not stored), and the score (the scoring total) under the form's id, as the analysis
 * reads instrument scores.
 */
export function storedFormValues(form: FormDefinition, checked: FormValidation): StoredFormValue[] {
  const rows: StoredFormValue[] = [];
  for (const e of checked.entries) {
    const value = encode(e);
    if (value !== null) rows.push({ kind: 'other', key: `${form.id}.${e.path}`, value, ...(e.unit ? { unit: e.unit } : {}) });
  }
  const total = form.scoring && checked.entries.find((e) => e.path === form.scoring!.total)?.value;
  if (typeof total === 'number') rows.push({ kind: 'score', key: form.id, value: total });
  return rows;
}

function decode(item: Item, value: number | string, unit: string | null): unknown {
  switch (item.type) {
    case 'yes-no':
      return value === 1;
    case 'multiple-choice':
      return JSON.parse(String(value)) as unknown;
    case 'decimal':
      return unit === null ? value : { value, unit };
    default:
      return value;
  }
}

/** The entered values of a form from its stored rows (calculated items are computed again from them). */
export function formValuesFromStored(form: FormDefinition, rows: readonly { key: string; value: number | string; unit: string | null }[]): FormValues {
  const values: Record<string, unknown> = {};
  const prefix = `${form.id}.`;
  const items = new Map(form.items.flatMap((e) => (e.type === 'group' ? e.items.map((i): [string, Item] => [i.id, i]) : [[e.id, e] as [string, Item]])));
  for (const r of rows) {
    if (!r.key.startsWith(prefix)) continue;
    const m = /^([^[.]+)\[(\d+)\]\.(.+)$/.exec(r.key.slice(prefix.length));
    const id = m ? m[3]! : r.key.slice(prefix.length);
    const item = items.get(id);
    if (!item || item.type === 'calculated') continue;
    const v = decode(item, r.value, r.unit);
    if (m) {
      const list = (values[m[1]!] ??= []) as Record<string, unknown>[];
      (list[Number(m[2])] ??= {})[id] = v;
    } else {
      values[id] = v;
    }
  }
  return values;
}
