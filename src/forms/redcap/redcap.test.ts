import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { builtinForm } from '../builtin/index.js';
import { validateFilledForm } from '../validate-form.js';
import { instrumentForms } from '../../instruments/index.js';
import { dictionaryColumns } from './dictionary-columns.js';
import { exportRedcapDictionary } from './export-redcap.js';
import { importRedcapDictionary } from './import-redcap.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const simple = fixture('simple-dictionary.csv');
const header = simple.split('\n')[0]!;
/** A dictionary of the header, the record id and the given rows (17 commas = 18 columns). */
const dictionary = (...rows: string[]) => [header, 'record_id,f,,text,ID,,,,,,,,,,,,,', ...rows].join('\n');

describe('REDCap data dictionary import', () => {
  it('reads the simple project: one form per instrument, types, choices, validation min/max, the calc', () => {
    const forms = importRedcapDictionary(simple);
    expect(forms.map((f) => f.id)).toEqual(['demographics', 'health', 'race-and-ethnicity']);
    const [demographics, health, race] = forms;
    // the record identifier is REDCap's key, not an item
    expect(demographics!.items.map((i) => `${i.id}:${i.type}`)).toEqual([
      'name_first:text',
      'name_last:text',
      'address:text',
      'telephone:text',
      'email:text',
      'dob:date',
      'age:text',
      'sex:single-choice',
    ]);
    expect(demographics!.items[3]).toMatchObject({ help: 'Include Area Code' });
    expect(demographics!.items[7]).toMatchObject({
      choices: [
        { code: 0, label: 'Female' },
        { code: 1, label: 'Male' },
      ],
    });
    expect(health!.items.map((i) => [i.id, i.type, 'hard' in i ? i.hard : undefined])).toEqual([
      ['height', 'decimal', { min: 130, max: 215 }],
      ['weight', 'integer', { min: 35, max: 200 }],
      ['bmi', 'calculated', undefined],
      ['comments', 'text', undefined],
      ['mugshot', 'file', undefined],
    ]);
    // BMI = round(70 × 10000 / 175², 1) = round(700000 / 30625 = 22.857…, 1) = 22.9
    expect(validateFilledForm(health!, { height: 175, weight: 70 }).entries.find((e) => e.item === 'bmi')?.value).toBe(22.9);
    expect(race!.items[0]).toMatchObject({ type: 'multiple-choice', choices: expect.arrayContaining([{ code: 6, label: 'Unknown / Not Reported' }]) });
  });

  it('reads branching logic, as REDCap writes it, on the longitudinal project', () => {
    const demographics = importRedcapDictionary(fixture('longitudinal-dictionary.csv'))[0]!;
    const item = (id: string) => demographics.items.find((i) => i.id === id);
    expect(item('num_children')).toMatchObject({ type: 'integer', showIf: '[sex] = "0" and [given_birth] = "1"', hard: { min: 0 } });
    const shown = (values: Record<string, unknown>) => validateFilledForm(demographics, values).ignored;
    expect(shown({ sex: 1, given_birth: true, num_children: 2 })).toEqual(['given_birth', 'num_children']);
    expect(shown({ sex: 0, given_birth: true, num_children: 2 })).toEqual([]);
  });

  it.each([['simple-dictionary.csv'], ['longitudinal-dictionary.csv']])('round trip of %s: import, export, import is equal', (name) => {
    const once = importRedcapDictionary(fixture(name));
    const csv = exportRedcapDictionary(once);
    expect((parse(csv) as string[][])[0]).toEqual([...dictionaryColumns]);
    expect(importRedcapDictionary(csv)).toEqual(once);
  });

  it('exports the built-in forms as a dictionary and imports them back with the same items and calculations', () => {
    const forms = [instrumentForms['alsfrs-r'], builtinForm('nfl')!];
    const back = importRedcapDictionary(exportRedcapDictionary(forms));
    expect(back.map((f) => f.id)).toEqual(['alsfrs-r', 'nfl']);
    // REDCap variables have no hyphens (redcap-format.md §1, column A): cutting-food comes back as cutting_food.
    expect(back[0]!.items.map((i) => i.id)).toEqual(forms[0]!.items.map((i) => i.id.replaceAll('-', '_')));
    expect(back[0]!.items.find((i) => i.id === 'total')).toMatchObject({ type: 'calculated', expression: '[bulbar] + [motor] + [respiratory]' });
    expect(() =>
      exportRedcapDictionary([
        builtinForm('roads')!,
        { ...builtinForm('nfl')!, items: [{ id: 'g', type: 'group', label: 'G', repeating: true, items: [{ id: 'x', type: 'text', label: 'X', required: false }] }] },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'FORM_REDCAP_EXPORT_UNSUPPORTED',
        message: 'Form nfl has the repeating group "g", which a REDCap dictionary cannot hold (repeating instruments are a project setting).',
      }),
    );
  });

  it('names the variables of ROADS and ALSAQ-40 as REDCap accepts them: the shared q1 … and the upper-case ids become <form>_<item>, in the calculations too', () => {
    const forms = [builtinForm('roads')!, instrumentForms['alsaq-40']];
    const rows = parse(exportRedcapDictionary(forms), { columns: true }) as Record<string, string>[];
    const names = rows.map((r) => r['Variable / Field Name']!);
    // redcap-format.md §1, column A: lower-case letters, digits and underscores, starting with a letter; unique.
    expect(names.every((n) => /^[a-z][a-z0-9_]*$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('roads_q1');
    expect(names).toContain('alsaq_40_q1');
    for (const calc of rows.filter((r) => r['Field Type'] === 'calc')) {
      for (const [, ref] of calc['Choices, Calculations, OR Slider Labels']!.matchAll(/\[([^\]()]+)/g)) expect(names).toContain(ref);
    }
  });

  it.each([
    [dictionary('a,f,,slider2,A,,,,,,,,,,,,,'), 'REDCap dictionary row 3, column "Field Type": "slider2" is not a field type il2trials imports'],
    [dictionary('a,f,,radio,A,"1 Yes | 2, No",,,,,,,,,,,,'), 'REDCap dictionary row 3, column "Choices, Calculations, OR Slider Labels": "1 Yes" is not written "code, label"'],
    [dictionary('a,f,,text,A,,,integer,zero,,,,,,,,,'), 'REDCap dictionary row 3, column "Text Validation Min": "zero" is not a number'],
    [dictionary('a,f,,text,A,,,,,,,,,,,,,', 'b,f,,text,B,,,,,,,"[a] = ",,,,,,'), 'REDCap dictionary row 4, column "Branching Logic (Show field only if...)": Expression "[a] =" at character 6'],
    [
      dictionary('a,f,,text,A,,,,,,,,,,,,,', 'b,f,,calc,B,"[nope] + 1",,,,,,,,,,,,'),
      'REDCap dictionary row 4, column "Choices, Calculations, OR Slider Labels": [nope] is not an item this expression can read',
    ],
    [dictionary('a,f,,text,A,,,,,,,,,,,,,', 'a,f,,text,A,,,,,,,,,,,,,'), 'REDCap dictionary row 4, column "Variable / Field Name": item id "a" is used twice'],
    [dictionary('a,F x,,text,A,,,,,,,,,,,,,'), 'REDCap dictionary row 3, column "Form Name": "F x" is not a form name'],
    [dictionary('a,f,,text,A,,,,,,,,,,,,'), 'REDCap dictionary row 3 has 17 columns, not 18.'],
    [simple.replace('"Field Type"', '"Type"'), 'REDCap dictionary row 1: the header must be REDCap\'s 18 columns in order; "Field Type" is not where it belongs.'],
  ])('refuses a bad dictionary, naming row and column (%#)', (csv, message) => {
    expect(() => importRedcapDictionary(csv)).toThrow(expect.objectContaining({ code: 'FORM_REDCAP_DICTIONARY_INVALID', message: expect.stringContaining(message) }));
  });
});
