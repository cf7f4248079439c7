import { describe, expect, it } from 'vitest';
import { parseFormDefinition } from './definition.js';
import { formValuesFromStored, storedFormValues } from './stored-values.js';
import { sampleForm } from './test-sample-form.js';
import { validateFilledForm } from './validate-form.js';

const form = parseFormDefinition(sampleForm);
const values = {
  weight: { value: 154, unit: 'lb' },
  pain: 4,
  fatigue: 1,
  smoker: true,
  packs: 0.5,
  sex: 1,
  pregnant: false,
  symptoms: ['fever', 'rash'],
  'fever-c': 38.2,
  seen: '2025-05-01',
  at: '08:30',
  note: 'fasting',
  scan: 'doc-17',
  meds: [
    { drug: 'prednisone', dose: 10, stopped: '2025-04-01' },
    { drug: 'ongoing', dose: { value: 1, unit: 'g' } },
  ],
};

describe('stored form values', () => {
  const stored = storedFormValues(form, validateFilledForm(form, values));

  it('keep each value under form id and path, yes/no as 1/0, a multiple choice as JSON, the score under the form id', () => {
    const byKey = Object.fromEntries(stored.map((s) => [`${s.kind}/${s.key}`, [s.value, s.unit]]));
    expect(byKey['other/sample.weight']).toEqual([154, 'lb']);
    expect(byKey['other/sample.smoker']).toEqual([1, undefined]);
    expect(byKey['other/sample.symptoms']).toEqual(['["fever","rash"]', undefined]);
    expect(byKey['other/sample.meds[1].dose']).toEqual([1, 'g']);
    // score = pain + 2 × fatigue = 4 + 2 = 6; dose per kg, row 0: 10 mg / (154 lb × 0.45359237 = 69.853 kg) = 0.1432 → 0.14
    expect(byKey['score/sample']).toEqual([6, undefined]);
    expect(byKey['other/sample.meds[0].dose-per-kg']).toEqual([0.14, 'mg/kg']);
  });

  it('read back as the values that were entered (calculated items left to be computed again)', () => {
    const back = formValuesFromStored(
      form,
      stored.filter((s) => s.kind === 'other').map((s) => ({ key: s.key, value: s.value, unit: s.unit ?? null })),
    );
    // a decimal entered without its unit comes back with it (the item's first unit)
    expect(back).toEqual({ ...values, 'fever-c': { value: 38.2, unit: '°C' }, meds: [{ ...values.meds[0], dose: { value: 10, unit: 'mg' } }, values.meds[1]] });
    expect(validateFilledForm(form, back).entries).toEqual(validateFilledForm(form, values).entries);
  });
});
