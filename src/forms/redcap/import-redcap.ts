import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors/app-error.js';
import { formDefinitionIssues, parseFormDefinition, type FormDefinition, type FormDefinitionInput } from '../definition.js';
import { parseExpression } from '../expression/parse.js';
import { dictionaryColumns, formIdOf, type DictionaryColumn, type DictionaryRow } from './dictionary-columns.js';
import { formsErrors } from '../errors.js';

type ItemInput = FormDefinitionInput['items'][number];

/** Row n of the file (the header is row 1) and the column, as a user finds them in a spreadsheet. */
function refuse(row: number, column: DictionaryColumn, what: string): AppError {
  return new AppError(formsErrors.REDCAP_DICTIONARY_INVALID, `REDCap dictionary row ${row}, column "${column}": ${what}.`, `row ${row}, column ${column}`);
}

/** `1, Yes | 2, No`: codes as numbers when every code is a number (as REDCap codes usually are). */
function choices(text: string, row: number): { code: number | string; label: string }[] {
  const parts = text
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const pairs = parts.map((p) => {
    const comma = p.indexOf(',');
    if (comma < 1) throw refuse(row, 'Choices, Calculations, OR Slider Labels', `"${p}" is not written "code, label"`);
    return [p.slice(0, comma).trim(), p.slice(comma + 1).trim()] as const;
  });
  if (pairs.length === 0) throw refuse(row, 'Choices, Calculations, OR Slider Labels', 'a choice field needs its choices, "1, Yes | 2, No"');
  const numeric = pairs.every(([c]) => /^-?\d+(\.\d+)?$/.test(c));
  return pairs.map(([c, label]) => ({ code: numeric ? Number(c) : c, label }));
}

function bound(r: DictionaryRow, column: 'Text Validation Min' | 'Text Validation Max', row: number): number | undefined {
  const text = r[column].trim();
  if (text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw refuse(row, column, `"${text}" is not a number`);
  return n;
}

function expression(text: string, row: number, column: DictionaryColumn): string {
  try {
    parseExpression(text);
  } catch (e) {
    throw refuse(row, column, e instanceof AppError ? e.message.replace(/\.$/, '') : String(e));
  }
  return text;
}

/** One dictionary row as a form item; null for a field that holds no data (descriptive). */
function item(r: DictionaryRow, row: number): ItemInput | null {
  const type = r['Field Type'].trim();
  const validation = r['Text Validation Type OR Show Slider Number'].trim();
  const base = {
    id: r['Variable / Field Name'].trim(),
    label: r['Field Label'].trim() || r['Variable / Field Name'].trim(),
    required: r['Required Field?'].trim().toLowerCase() === 'y',
    ...(r['Field Note'].trim() ? { help: r['Field Note'].trim() } : {}),
    ...(r['Branching Logic (Show field only if...)'].trim() ? { showIf: expression(r['Branching Logic (Show field only if...)'].trim(), row, 'Branching Logic (Show field only if...)') } : {}),
  };
  const min = bound(r, 'Text Validation Min', row);
  const max = bound(r, 'Text Validation Max', row);
  const hard = min === undefined && max === undefined ? {} : { hard: { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) } };
  switch (type) {
    case 'text': {
      if (validation === 'integer') return { ...base, type: 'integer', ...hard };
      const dp = /^number(?:_(\d)dp)?$/.exec(validation);
      if (dp) return { ...base, type: 'decimal', ...(dp[1] ? { precision: Number(dp[1]) } : {}), ...hard };
      if (/^date_(ymd|mdy|dmy)$/.test(validation)) return { ...base, type: 'date' };
      if (validation === 'time') return { ...base, type: 'time' };
      // Other validations (e-mail, phone, postal codes …) are text to il2trials.
      return { ...base, type: 'text' };
    }
    case 'notes':
      return { ...base, type: 'text' };
    case 'dropdown':
    case 'radio':
      return { ...base, type: 'single-choice', choices: choices(r['Choices, Calculations, OR Slider Labels'], row) };
    case 'checkbox':
      return { ...base, type: 'multiple-choice', choices: choices(r['Choices, Calculations, OR Slider Labels'], row) };
    case 'yesno':
      return { ...base, type: 'yes-no' };
    case 'truefalse':
      return {
        ...base,
        type: 'single-choice',
        choices: [
          { code: 1, label: 'True' },
          { code: 0, label: 'False' },
        ],
      };
    case 'calc': {
      const formula = r['Choices, Calculations, OR Slider Labels'].trim();
      if (!formula) throw refuse(row, 'Choices, Calculations, OR Slider Labels', 'a calc field needs its formula');
      const { required: _r, ...calc } = base;
      return { ...calc, type: 'calculated', expression: expression(formula, row, 'Choices, Calculations, OR Slider Labels') };
    }
    // A slider is a number on its scale, 0-100 unless the dictionary sets the range.
    case 'slider':
      return { ...base, type: 'integer', hard: { min: min ?? 0, max: max ?? 100 } };
    case 'file':
      return { ...base, type: 'file' };
    case 'descriptive':
      return null;
    default:
      throw refuse(row, 'Field Type', `"${type}" is not a field type il2trials imports (text, notes, dropdown, radio, checkbox, yesno, truefalse, calc, slider, file, descriptive)`);
  }
}

/**
 * A REDCap data dictionary CSV as forms of the definition language, one per instrument (Form Name),
 * in file order. The first row is the record identifier, REDCap's key rather than data, so it is not
 * an item. Every problem is refused naming its row and column; nothing half-read is returned.
 */
export function importRedcapDictionary(csv: string): FormDefinition[] {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new AppError(formsErrors.REDCAP_DICTIONARY_INVALID, `The REDCap dictionary is not readable CSV (${(e as Error).message}).`, 'row 1');
  }
  const [header, ...body] = records;
  const missing = dictionaryColumns.find((c, i) => header?.[i]?.trim() !== c);
  if (!header || missing)
    throw new AppError(formsErrors.REDCAP_DICTIONARY_INVALID, `REDCap dictionary row 1: the header must be REDCap's 18 columns in order; "${missing}" is not where it belongs.`, 'row 1');
  const forms = new Map<string, { items: ItemInput[]; rows: number[] }>();
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length !== dictionaryColumns.length)
      throw new AppError(formsErrors.REDCAP_DICTIONARY_INVALID, `REDCap dictionary row ${row} has ${cells.length} columns, not ${dictionaryColumns.length}.`, `row ${row}`);
    const r = Object.fromEntries(dictionaryColumns.map((c, k) => [c, cells[k] ?? ''])) as DictionaryRow;
    const formName = r['Form Name'].trim();
    if (!/^[a-z][a-z0-9_]*$/.test(formName)) throw refuse(row, 'Form Name', `"${formName}" is not a form name (lower-case letters, digits and underscores)`);
    if (i === 0) return; // the record identifier
    const it = item(r, row);
    if (!it) return;
    const form = forms.get(formName) ?? { items: [], rows: [] };
    forms.set(formName, form);
    form.items.push(it);
    form.rows.push(row);
  });
  return [...forms].map(([name, { items, rows }]) => {
    const input: FormDefinitionInput = { id: formIdOf(name), version: '1', title: name, source: 'REDCap data dictionary', items };
    const [issue] = formDefinitionIssues(input);
    if (issue) {
      // items[3].showIf → the row of item 3, and the column its field came from
      const m = /^items\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
      const row = m ? rows[Number(m[1])]! : rows[0]!;
      const column: DictionaryColumn =
        m?.[2] === 'showIf'
          ? 'Branching Logic (Show field only if...)'
          : m?.[2] === 'expression'
            ? 'Choices, Calculations, OR Slider Labels'
            : m?.[2] === 'hard'
              ? 'Text Validation Min'
              : m?.[2] === 'choices'
                ? 'Choices, Calculations, OR Slider Labels'
                : 'Variable / Field Name';
      throw refuse(row, column, issue.message);
    }
    return parseFormDefinition(input);
  });
}
