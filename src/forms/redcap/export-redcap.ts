import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../errors/app-error.js';
import type { Choice, FormDefinition, Item } from '../definition.js';
import { lookupTables } from '../expression/ast.js';
import { parseExpression } from '../expression/parse.js';
import { dictionaryColumns, formNameOf, type DictionaryColumn } from './dictionary-columns.js';
import { formsErrors } from '../errors.js';
import { projectVariables, renameReferences } from './variable-names.js';

const choiceText = (choices: readonly Choice[]) => choices.map((c) => `${c.code}, ${c.label}`).join(' | ');

/** The numeric bounds of an item as REDCap's validation min / max. */
const bounds = (item: { hard?: { min?: number | undefined; max?: number | undefined } | undefined }) => ({
  'Text Validation Min': item.hard?.min === undefined ? '' : String(item.hard.min),
  'Text Validation Max': item.hard?.max === undefined ? '' : String(item.hard.max),
});

function fieldColumns(form: FormDefinition, item: Item, rename: (id: string) => string): Partial<Record<DictionaryColumn, string>> {
  switch (item.type) {
    case 'integer':
      return { 'Field Type': 'text', 'Text Validation Type OR Show Slider Number': 'integer', ...bounds(item) };
    case 'decimal': {
      const dp = item.precision !== undefined && item.precision >= 1 && item.precision <= 4 ? `number_${item.precision}dp` : 'number';
      return { 'Field Type': 'text', 'Text Validation Type OR Show Slider Number': dp, ...bounds(item) };
    }
    case 'text':
      return { 'Field Type': 'text' };
    case 'date':
      return { 'Field Type': 'text', 'Text Validation Type OR Show Slider Number': 'date_ymd' };
    case 'time':
      return { 'Field Type': 'text', 'Text Validation Type OR Show Slider Number': 'time' };
    case 'single-choice':
      return { 'Field Type': 'radio', 'Choices, Calculations, OR Slider Labels': choiceText(item.choices) };
    case 'multiple-choice':
      return { 'Field Type': 'checkbox', 'Choices, Calculations, OR Slider Labels': choiceText(item.choices) };
    case 'yes-no':
      return { 'Field Type': 'yesno' };
    case 'file':
      return { 'Field Type': 'file' };
    case 'calculated':
      // REDCap has no lookup tables: such a calculation cannot be written as a calc field.
      if (lookupTables(parseExpression(item.expression)).length > 0)
        throw new AppError(formsErrors.REDCAP_EXPORT_UNSUPPORTED, `Form ${form.id} item "${item.id}" reads a lookup table, which a REDCap calc field cannot express.`, `${form.id}.${item.id}`);
      return { 'Field Type': 'calc', 'Choices, Calculations, OR Slider Labels': renameReferences(item.expression, rename) };
  }
}

const projectVariablesOf = (forms: readonly FormDefinition[]) =>
  projectVariables(forms.map((f) => ({ id: f.id, itemIds: f.items.flatMap((e) => (e.type === 'group' ? e.items.map((i) => i.id) : [e.id])) })));

/**
 * Forms as one REDCap data dictionary CSV, led by the record identifier `record_id` on the first
 * form. Plain groups become section headers. What a dictionary cannot hold is left out: units and
 * soft ranges, edit checks across items, scoring (its calculated items stay), versions. A repeating
 * group is a REDCap project setting, not a dictionary field, so a form with one is refused.
 * An item id REDCap would refuse as a variable name, or one that two forms share (`q1` of ROADS and
 * of ALSAQ-40), is written `<form>_<item>`, in the logic and calculations too; a caller whose forms
 * already carry their variables (the records export's layout) passes the identity as `variables`.
 */
export function exportRedcapDictionary(forms: readonly FormDefinition[], variables = projectVariablesOf(forms)): string {
  const rows: string[][] = [];
  const row = (cells: Partial<Record<DictionaryColumn, string>>) => rows.push(dictionaryColumns.map((c) => cells[c] ?? ''));
  forms.forEach((form, k) => {
    const formName = formNameOf(form.id);
    const rename = (id: string) => variables(form.id, id);
    const logic = (s: string | undefined) => (s === undefined ? undefined : renameReferences(s, rename));
    if (k === 0) row({ 'Variable / Field Name': 'record_id', 'Form Name': formName, 'Field Type': 'text', 'Field Label': 'Record ID' });
    for (const entry of form.items) {
      if (entry.type === 'group' && entry.repeating)
        throw new AppError(
          formsErrors.REDCAP_EXPORT_UNSUPPORTED,
          `Form ${form.id} has the repeating group "${entry.id}", which a REDCap dictionary cannot hold (repeating instruments are a project setting).`,
          `${form.id}.${entry.id}`,
        );
      const items = entry.type === 'group' ? entry.items : [entry];
      items.forEach((item, i) => {
        const showIf = [entry.type === 'group' ? logic(entry.showIf) : undefined, logic(item.showIf)]
          .filter((s) => s !== undefined)
          .map((s) => `(${s})`)
          .join(' and ');
        row({
          'Variable / Field Name': rename(item.id),
          'Form Name': formName,
          'Section Header': entry.type === 'group' && i === 0 ? entry.label : '',
          'Field Label': item.label,
          'Field Note': item.help ?? '',
          'Branching Logic (Show field only if...)': entry.type === 'group' ? showIf : (logic(item.showIf) ?? ''),
          'Required Field?': item.type !== 'calculated' && item.required ? 'y' : '',
          ...fieldColumns(form, item, rename),
        });
      });
    }
  });
  return stringify([[...dictionaryColumns], ...rows]);
}
