import { describe, expect, it } from 'vitest';
import { parseFormDefinition } from '../definition.js';
import { validateFilledForm, type FormValues } from '../validate-form.js';
import { builtinForm, builtinForms } from './index.js';

const form = (id: string) => builtinForm(id)!;
const calc = (id: string, values: FormValues, item: string) => {
  const r = validateFilledForm(form(id), values);
  expect(r.issues).toEqual([]);
  return r.entries.find((e) => e.item === item)?.value;
};

describe('built-in forms of the seed assessments', () => {
  it('each parses again from JSON, has a unique id and cites its source', () => {
    expect(new Set(builtinForms.map((f) => f.id)).size).toBe(builtinForms.length);
    for (const f of builtinForms) {
      expect(parseFormDefinition(JSON.parse(JSON.stringify(f)))).toEqual(f);
      expect(f.source?.length).toBeGreaterThan(20);
    }
  });

  it('ROADS: 28 items scored 0-2, the raw score their sum, and the missing conversion table said', () => {
    const items = form('roads').items.filter((i) => i.type === 'single-choice');
    expect(items).toHaveLength(28);
    const values = Object.fromEntries(items.map((i, k) => [i.id, k % 3])); // 0,1,2,0,1,2,…: 9 full cycles of 0+1+2 and a 0 = 27
    expect(calc('roads', values, 'raw')).toBe(27);
    expect(calc('roads', Object.fromEntries(items.map((i) => [i.id, 2])), 'raw')).toBe(56);
    expect(form('roads').assumptions[0]).toContain('raw-to-normalized conversion table was not found');
  });

  it('NfL: serum and CSF in pg/mL; above the soft limit needs a reason; negative refused', () => {
    expect(form('nfl').items.map((i) => [i.id, i.type === 'decimal' ? i.units?.[0]?.unit : undefined])).toEqual([
      ['serum', 'pg/mL'],
      ['csf', 'pg/mL'],
      ['assay', undefined],
    ]);
    expect(validateFilledForm(form('nfl'), { serum: 85.4, csf: 4200 }).issues).toEqual([]);
    expect(validateFilledForm(form('nfl'), { serum: 1500 }).issues.map((i) => [i.code, i.path])).toEqual([['FORM_SOFT_RANGE_UNCONFIRMED', 'serum']]);
    expect(validateFilledForm(form('nfl'), { serum: 1500 }, { serum: 'repeated: haemolysed sample excluded' }).confirmed).toHaveLength(1);
    expect(validateFilledForm(form('nfl'), { csf: -1 }).issues.map((i) => i.code)).toEqual(['FORM_HARD_RANGE_VIOLATION']);
  });

  it('ALS cytokines: IL-6, IL-10, IL-17A, IFN-γ, TNF-α in pg/mL', () => {
    expect(
      form('als-cytokines')
        .items.filter((i) => i.type === 'decimal')
        .map((i) => i.label),
    ).toEqual(['IL-6, serum', 'IL-10, serum', 'IL-17A, serum', 'IFN-γ, serum', 'TNF-α, serum']);
  });

  it('MoCA: domains summed, one point for ≤ 12 years of education, never above 30', () => {
    const domains = { visuospatial: 4, naming: 3, attention: 5, language: 2, abstraction: 1, recall: 3, orientation: 6 };
    // 4+3+5+2+1+3+6 = 24; + 1 for education = 25
    expect(calc('moca', { ...domains, 'education-12-or-less': true }, 'total')).toBe(25);
    expect(calc('moca', { ...domains, 'education-12-or-less': false }, 'total')).toBe(24);
    // 5+3+6+3+2+5+6 = 30, + 1 = 31, capped at 30
    expect(calc('moca', { visuospatial: 5, naming: 3, attention: 6, language: 3, abstraction: 2, recall: 5, orientation: 6, 'education-12-or-less': true }, 'total')).toBe(30);
    expect(validateFilledForm(form('moca'), { ...domains, naming: 4, 'education-12-or-less': true }).issues.map((i) => [i.code, i.path])).toEqual([['FORM_HARD_RANGE_VIOLATION', 'naming']]);
  });

  it('EQ-5D-5L: the 5-digit health state and the EQ VAS', () => {
    const v = { mobility: 1, 'self-care': 2, 'usual-activities': 3, 'pain-discomfort': 4, 'anxiety-depression': 5, vas: 65 };
    // 1×10000 + 2×1000 + 3×100 + 4×10 + 5 = 12345
    expect(calc('eq-5d-5l', v, 'profile')).toBe(12345);
    expect(calc('eq-5d-5l', v, 'vas-score')).toBe(65);
    expect(validateFilledForm(form('eq-5d-5l'), { ...v, mobility: 6 }).issues.map((i) => i.code)).toEqual(['FORM_VALUE_INVALID']);
  });

  it('labs per protocol: each analyte in any of its units, and no other', () => {
    const sle = validateFilledForm(form('sle-labs'), { c3: { value: 90, unit: 'mg/dL' }, 'proteinuria-24h': { value: 600, unit: 'mg/24h' } });
    expect(sle.issues).toEqual([]);
    expect(sle.entries.map((e) => [e.item, e.value, e.unit])).toEqual([
      ['c3', 90, 'mg/dL'],
      ['proteinuria-24h', 600, 'mg/24h'],
    ]);
    expect(validateFilledForm(form('als-labs'), { ck: { value: 3.5, unit: 'ukat/L' } }).issues).toEqual([]);
    expect(validateFilledForm(form('als-labs'), { ck: { value: 3.5, unit: 'mmol/L' } }).issues[0]?.message).toContain('must be in U/L or ukat/L');
  });
});
