import type { FormDefinition, Item } from '../../../src/forms/definition.js';

/** One saved item of a defined form as a reviewer reads it: its query field id (`nfl.serum`), label and value (undefined: not entered). */
export interface SavedItemText {
  readonly field: string;
  readonly label: string;
  readonly text: string | undefined;
  /** Computed from the others: a query names the entered values it comes from, not it. */
  readonly calculated: boolean;
}

/** What of a filled entry (src/forms/validate-form.ts FilledEntry, as the form-values API answers it) the text needs. */
interface Entry {
  readonly path: string;
  readonly value?: unknown;
  readonly unit?: unknown;
}

const choiceLabel = (item: Item, code: unknown): string => {
  const choices = item.type === 'single-choice' || item.type === 'multiple-choice' ? item.choices : [];
  const c = choices.find((x) => String(x.code) === String(code));
  return c ? `${String(c.code)}: ${c.label}` : String(code);
};

function text(item: Item, e: Entry | undefined): string | undefined {
  if (!e || e.value === null || e.value === undefined || e.value === '') return undefined;
  if (item.type === 'yes-no') return e.value === true ? 'Yes' : 'No';
  if (item.type === 'single-choice') return choiceLabel(item, e.value);
  if (item.type === 'multiple-choice') return Array.isArray(e.value) ? e.value.map((c) => choiceLabel(item, c)).join('; ') : String(e.value);
  const unit = typeof e.unit === 'string' ? e.unit : item.type === 'integer' || item.type === 'calculated' ? item.unit : undefined;
  return unit ? `${String(e.value)} ${unit}` : String(e.value);
}

/**
 * A defined form's saved values, item by item in form order (sections flattened; a repeating group's
 * rows are not single values a query names, so they are left out), from the validator's entries.
 */
export function savedItemTexts(form: FormDefinition, entries: readonly Entry[]): SavedItemText[] {
  const items = form.items.flatMap((e): Item[] => (e.type === 'group' ? (e.repeating ? [] : e.items) : [e]));
  return items.map((item) => ({
    field: `${form.id}.${item.id}`,
    label: item.label,
    calculated: item.type === 'calculated',
    text: text(
      item,
      entries.find((x) => x.path === item.id),
    ),
  }));
}
