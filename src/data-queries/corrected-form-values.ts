import { AppError } from '../errors/app-error.js';
import type { FormValues } from '../forms/validate-form.js';
import { visitDataErrors } from '../store/observations-errors.js';

/** `serum` → the item; `meds[1].dose` → row 1 of group `meds`, its item `dose`. */
const rowPath = /^([^.[\]]+)\[(\d+)\]\.([^.[\]]+)$/;

/** A saved value with `value` in its place: a decimal keeps the unit it was entered in. */
function replaced(saved: unknown, value: number): unknown {
  if (typeof saved === 'object' && saved !== null && 'unit' in saved) return { ...saved, value };
  return value;
}

/**
 * A defined form's saved values with the one at `path` replaced by `value`, ready to save again under the
 * same form version (the form's validation then checks it as at entry). `path` names an item's value
 * (`serum`) or a repeating group's cell (`cytokines[0].value`) that holds a saved value.
 */
export function correctedFormValues(values: FormValues, formId: string, path: string, value: number): FormValues {
  const refuse = () => new AppError(visitDataErrors.CORRECTION_NOT_ALLOWED, `Field "${formId}.${path}" has no saved value of form ${formId} to correct.`, 'correction');
  const cell = rowPath.exec(path);
  if (cell) {
    const [, group, index, item] = cell as unknown as [string, string, string, string];
    const rows: unknown = values[group];
    const list: readonly unknown[] = Array.isArray(rows) ? rows : [];
    const row = list[Number(index)] as Record<string, unknown> | undefined;
    if (!row || row[item] === undefined) throw refuse();
    return { ...values, [group]: list.map((r, i) => (i === Number(index) ? { ...row, [item]: replaced(row[item], value) } : r)) };
  }
  if (values[path] === undefined || Array.isArray(values[path])) throw refuse();
  return { ...values, [path]: replaced(values[path], value) };
}
