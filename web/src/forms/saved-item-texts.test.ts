import { describe, expect, it } from 'vitest';
import { builtinForm } from '../../../src/forms/builtin/index.js';
import { validateFilledForm } from '../../../src/forms/validate-form.js';
import { savedItemTexts } from './saved-item-texts.js';

describe("a defined form's saved values as a reviewer reads them", () => {
  it('numbers with their unit, text as typed, an item left blank as not entered, each under its query field id', () => {
    const nfl = builtinForm('nfl')!;
    const { entries } = validateFilledForm(nfl, { serum: { value: 85.4, unit: 'pg/mL' }, assay: 'Simoa NF-light' });
    expect(savedItemTexts(nfl, entries)).toEqual([
      { field: 'nfl.serum', label: 'Serum NfL', text: '85.4 pg/mL', calculated: false },
      { field: 'nfl.csf', label: 'CSF NfL', text: undefined, calculated: false },
      { field: 'nfl.assay', label: 'Assay (platform and kit)', text: 'Simoa NF-light', calculated: false },
    ]);
  });

  it('a choice by its code and label, yes/no in words, a calculated item with its value', () => {
    const moca = builtinForm('moca')!;
    const values = { visuospatial: 4, naming: 3, attention: 5, language: 2, abstraction: 2, recall: 3, orientation: 6, 'education-12-or-less': true };
    const texts = savedItemTexts(moca, validateFilledForm(moca, values).entries);
    expect(texts.find((t) => t.field === 'moca.education-12-or-less')?.text).toBe('Yes');
    // 25 points plus 1 for 12 years of education or less (Nasreddine 2005).
    expect(texts.find((t) => t.field === 'moca.total')).toMatchObject({ text: '26', calculated: true });
    const eq = builtinForm('eq-5d-5l')!;
    const mobility = eq.items.find((i) => i.id === 'mobility');
    const label = mobility?.type === 'single-choice' ? mobility.choices.find((c) => c.code === 2)?.label : undefined;
    expect(savedItemTexts(eq, validateFilledForm(eq, { mobility: 2 }).entries)[0]).toEqual({ field: 'eq-5d-5l.mobility', label: mobility?.label, text: `2: ${label}`, calculated: false });
  });
});
