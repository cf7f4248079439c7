import { describe, expect, it } from 'vitest';
import { parseFormDefinition } from '../../../src/forms/definition.js';
import type { Group } from '../../../src/forms/form-schema.js';
import { sampleForm } from '../../../src/forms/test-sample-form.js';
import { validateFilledForm } from '../../../src/forms/validate-form.js';
import { formValuesFromTexts, textsFromValues } from './form-texts.js';
import { groupRowsValue, withoutRow } from './group-rows.js';

const form = parseFormDefinition(sampleForm);
const meds = form.items.find((e) => e.id === 'meds') as Group;

describe('a repeating group as the form-values API takes it', () => {
  const texts = { 'meds[0].drug': 'prednisolone', 'meds[0].dose': '10', 'meds[1].drug': 'ongoing', 'meds[1].dose': '0.5', 'meds[1].stopped': '' };

  it('one object per row, item id → value, a decimal with its unit (the first unless another was chosen), calculated items and blanks left out', () => {
    expect(groupRowsValue(meds, { ...texts, 'meds[0].dose-per-kg': '9' }, { 'meds[1].dose': 'g' }, 2)).toEqual([
      { drug: 'prednisolone', dose: { value: 10, unit: 'mg' } },
      { drug: 'ongoing', dose: { value: 0.5, unit: 'g' } },
    ]);
    // A row drawn but left blank is sent as {}, so the server's meds[2].drug names the third row.
    expect(groupRowsValue(meds, texts, {}, 3)[2]).toEqual({});
  });

  it("the form's values carry the rows, and the server's validator takes them: the per-row calculation and its paths", () => {
    const values = formValuesFromTexts(form, texts, { 'meds[1].dose': 'g' }, { meds: 2 });
    expect(values).toEqual({
      meds: [
        { drug: 'prednisolone', dose: { value: 10, unit: 'mg' } },
        { drug: 'ongoing', dose: { value: 0.5, unit: 'g' } },
      ],
    });
    const checked = validateFilledForm(form, { ...values, weight: { value: 80, unit: 'kg' } });
    expect(checked.issues.filter((i) => i.path.startsWith('meds'))).toEqual([]);
    // 10 mg / 80 kg = 0.125, 2 decimals; 0.5 g = 500 mg / 80 kg = 6.25.
    expect(checked.entries.filter((e) => e.item === 'dose-per-kg').map((e) => [e.path, e.value])).toEqual([
      ['meds[0].dose-per-kg', 0.13],
      ['meds[1].dose-per-kg', 6.25],
    ]);
    expect(formValuesFromTexts(form, texts, {}, {})).toEqual({});
  });

  it('saved rows back to cells keyed by path, with the row count', () => {
    expect(textsFromValues({ meds: [{ drug: 'x', dose: { value: 5, unit: 'mg' } }, { drug: 'y' }], sym: ['a'] })).toEqual({
      texts: { 'meds[0].drug': 'x', 'meds[0].dose': '5', 'meds[1].drug': 'y', sym: ['a'] },
      units: { 'meds[0].dose': 'mg' },
      rows: { meds: 2 },
    });
  });

  it('removing a row moves the rows after it up one', () => {
    expect(withoutRow({ pain: '1', 'meds[0].drug': 'a', 'meds[1].drug': 'b', 'meds[2].drug': 'c', 'meds[2].dose': '3' }, 'meds', 1)).toEqual({
      pain: '1',
      'meds[0].drug': 'a',
      'meds[1].drug': 'c',
      'meds[1].dose': '3',
    });
  });
});
