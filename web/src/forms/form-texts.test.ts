import { describe, expect, it } from 'vitest';
import { builtinForm } from '../../../src/forms/builtin/index.js';
import { formValuesFromTexts, textsFromValues } from './form-texts.js';

describe('form texts → values', () => {
  it('numbers as numbers, a decimal with its unit, codes in their own type, yes/no as booleans, blanks left out', () => {
    const moca = builtinForm('moca')!;
    expect(formValuesFromTexts(moca, { naming: '3', attention: ' ', 'education-12-or-less': 'yes' })).toEqual({ naming: 3, 'education-12-or-less': true });
    const eq = builtinForm('eq-5d-5l')!;
    expect(formValuesFromTexts(eq, { mobility: '2', vas: '70' })).toEqual({ mobility: 2, vas: 70 });
    const labs = builtinForm('sle-labs')!;
    expect(formValuesFromTexts(labs, { c3: '90', c4: '0.2' }, { c3: 'mg/dL' })).toEqual({ c3: { value: 90, unit: 'mg/dL' }, c4: { value: 0.2, unit: 'g/L' } });
    // text that is no number is sent as typed, for the validator to name
    expect(formValuesFromTexts(moca, { naming: 'three' })).toEqual({ naming: 'three' });
  });

  it('saved values back to texts and units', () => {
    expect(textsFromValues({ c3: { value: 90, unit: 'mg/dL' }, smoker: false, sym: ['a'], n: 3 })).toEqual({ texts: { c3: '90', smoker: 'no', sym: ['a'], n: '3' }, units: { c3: 'mg/dL' }, rows: {} });
  });
});
