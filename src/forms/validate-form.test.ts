import { describe, expect, it } from 'vitest';
import { parseFormDefinition } from './definition.js';
import { refuseInvalidForm } from './refuse-invalid-form.js';
import { sampleForm } from './test-sample-form.js';
import { validateFilledForm, type FormValues } from './validate-form.js';

const form = parseFormDefinition(sampleForm);
const filled: FormValues = { weight: 70, pain: 4, fatigue: 2, smoker: false, sex: 2, seen: '2025-05-01' };
const run = (values: FormValues, confirmations = {}) => validateFilledForm(form, values, confirmations);
const value = (values: FormValues, path: string) => run(values).entries.find((e) => e.path === path)?.value;
const codes = (values: FormValues, confirmations = {}) => run(values, confirmations).issues.map((i) => [i.code, i.path]);

describe('a filled form against its definition', () => {
  it('a complete form has no issue, and its calculated items are evaluated', () => {
    const r = run(filled);
    expect(r.issues).toEqual([]);
    // score = pain + 2 × fatigue = 4 + 2 × 2 = 8; normalized = norm table row 2 → 50
    expect(value(filled, 'score')).toBe(8);
    expect(value(filled, 'normalized')).toBe(50);
    expect(r.entries.map((e) => e.path)).toEqual(['weight', 'pain', 'fatigue', 'score', 'normalized', 'smoker', 'sex', 'seen']);
  });

  it('every missing required item is named, and calculations on them are missing', () => {
    const { pain: _p, seen: _s, ...rest } = filled;
    expect(codes(rest)).toEqual([
      ['FORM_VALUE_MISSING', 'pain'],
      ['FORM_VALUE_MISSING', 'seen'],
    ]);
    expect(run(rest).issues[0]?.message).toBe('"Pain 0-10" (pain) is required');
    expect(value(rest, 'score')).toBeNull();
  });

  it('a hard range refuses the value, naming the item and the range', () => {
    const r = run({ ...filled, pain: 11 });
    expect(r.issues).toEqual([{ code: 'FORM_HARD_RANGE_VIOLATION', path: 'pain', message: '"Pain 0-10" (pain) must be from 0 to 10, not 11' }]);
    expect(() => refuseInvalidForm(form, { ...filled, pain: 11 })).toThrow(
      expect.objectContaining({ code: 'FORM_HARD_RANGE_VIOLATION', status: 400, path: 'pain', message: 'Sample visit form: "Pain 0-10" (pain) must be from 0 to 10, not 11.' }),
    );
  });

  it('a soft range needs a reason; with one the value is kept and listed as confirmed', () => {
    expect(run({ ...filled, weight: 35 }).issues).toEqual([
      { code: 'FORM_SOFT_RANGE_UNCONFIRMED', path: 'weight', message: '"Body weight" (weight) is 35 kg, outside the expected from 40 to 150 kg: confirm it with a reason, or correct it' },
    ]);
    expect(codes({ ...filled, weight: 35 }, { weight: '   ' })).toEqual([['FORM_SOFT_RANGE_UNCONFIRMED', 'weight']]);
    const r = run({ ...filled, weight: 35 }, { weight: 'cachexia, weighed twice' });
    expect(r.issues).toEqual([]);
    expect(r.confirmed).toEqual([{ path: 'weight', message: '"Body weight" (weight) is 35 kg, outside the expected from 40 to 150 kg', reason: 'cachexia, weighed twice' }]);
  });

  it('converts a value in another unit to the canonical one before its ranges', () => {
    // 330 lb × 0.45359237 = 149.685 kg: inside the soft range (≤ 150); 340 lb = 154.221 kg: outside it
    expect(run({ ...filled, weight: { value: 330, unit: 'lb' } }).issues).toEqual([]);
    expect(run({ ...filled, weight: { value: 330, unit: 'lb' } }).entries[0]).toEqual({ path: 'weight', item: 'weight', type: 'decimal', value: 330, unit: 'lb' });
    expect(run({ ...filled, weight: { value: 340, unit: 'lb' } }).issues[0]?.message).toContain('340 lb (154.2214058 kg once converted)');
    expect(run({ ...filled, weight: { value: 70, unit: 'stone' } }).issues[0]?.message).toBe('"Body weight" (weight) must be in kg or lb, not {"value":70,"unit":"stone"}');
  });

  it('refuses more decimals than the precision, a fraction for an integer, a code not offered, a bad date and time', () => {
    expect(codes({ ...filled, weight: 70.25, pain: 2.5, sex: 3, seen: '2025-02-30', at: '25:00', note: 'x'.repeat(21), symptoms: ['fever', 'fever'] })).toEqual([
      ['FORM_VALUE_INVALID', 'weight'],
      ['FORM_VALUE_INVALID', 'pain'],
      ['FORM_VALUE_INVALID', 'sex'],
      ['FORM_VALUE_INVALID', 'symptoms'],
      ['FORM_VALUE_INVALID', 'seen'],
      ['FORM_VALUE_INVALID', 'at'],
      ['FORM_VALUE_INVALID', 'note'],
    ]);
    expect(run({ ...filled, weight: 70.25 }).issues[0]?.message).toBe('"Body weight" (weight) must be a number with at most 1 decimal, not 70.25');
  });

  it('an item hidden by branching is not required, and a value given for it is ignored', () => {
    expect(run(filled).entries.some((e) => e.item === 'packs')).toBe(false);
    // smoker false hides packs; no fever hides the temperature; sex 2 hides the pregnancy section
    expect(run(filled).hidden).toEqual(['packs', 'fever-c', 'pregnant']);
    const hidden = run({ ...filled, packs: 99 });
    expect(hidden.issues).toEqual([]); // 99 is over the hard range, but the item is hidden
    expect(hidden.ignored).toEqual(['packs']);
    expect(codes({ ...filled, smoker: true })).toEqual([['FORM_VALUE_MISSING', 'packs']]);
    expect(value({ ...filled, smoker: true, packs: 1.5 }, 'packs')).toBe(1.5);
  });

  it('branching on a multiple-choice option and on a plain group', () => {
    expect(value({ ...filled, symptoms: ['fever'], 'fever-c': 38.5 }, 'fever-c')).toBe(38.5);
    expect(run({ ...filled, symptoms: ['rash'], 'fever-c': 38.5 }).ignored).toEqual(['fever-c']);
    // the pregnancy section shows for sex = 1 only, and its item is then required
    expect(codes({ ...filled, sex: 1 })).toEqual([['FORM_VALUE_MISSING', 'pregnant']]);
    expect(run({ ...filled, pregnant: true }).ignored).toEqual(['pregnant']);
  });

  it('a repeating group: each row checked, row calculations read the row and the form', () => {
    const meds = [
      { drug: 'prednisone', dose: 10, stopped: '2025-04-01' },
      { drug: 'ongoing', dose: { value: 1, unit: 'g' }, stopped: '2025-04-02' },
    ];
    const r = run({ ...filled, meds });
    expect(r.issues).toEqual([]);
    // row 0: 10 mg / 70 kg = 0.142857… → 0.14; row 1: 1 g = 1000 mg / 70 kg = 14.2857… → 14.29
    expect(r.entries.filter((e) => e.item === 'dose-per-kg').map((e) => [e.path, e.value, e.unit])).toEqual([
      ['meds[0].dose-per-kg', 0.14, 'mg/kg'],
      ['meds[1].dose-per-kg', 14.29, 'mg/kg'],
    ]);
    expect(r.entries.find((e) => e.path === 'meds[1].dose')).toEqual({ path: 'meds[1].dose', item: 'dose', group: 'meds', row: 1, type: 'decimal', value: 1, unit: 'g' });
    expect(r.ignored).toEqual(['meds[1].stopped']); // "ongoing" hides the stop date in its own row only
  });

  it('a repeating group refuses rows past its maximum, a missing row item, an unknown row item and a non-list', () => {
    const row = { drug: 'x', dose: 1 };
    expect(codes({ ...filled, meds: [row, row, row, row] })).toEqual([['FORM_ROW_COUNT_INVALID', 'meds']]);
    expect(codes({ ...filled, meds: [{ drug: 'x' }, { ...row, route: 'po' }] })).toEqual([
      ['FORM_UNKNOWN_FORM_ITEM', 'meds[1].route'],
      ['FORM_VALUE_MISSING', 'meds[0].dose'],
    ]);
    expect(codes({ ...filled, meds: { drug: 'x' } })).toEqual([['FORM_VALUE_INVALID', 'meds']]);
  });

  it('refuses an unknown item and a value for a calculated item', () => {
    expect(codes({ ...filled, painn: 3, score: 8 })).toEqual([
      ['FORM_UNKNOWN_FORM_ITEM', 'painn'],
      ['FORM_VALUE_INVALID', 'score'],
    ]);
  });

  it('yes/no takes true/false or 1/0; a multiple choice keeps the codes in their own type', () => {
    expect(value({ ...filled, smoker: 0 }, 'smoker')).toBe(false);
    expect(value({ ...filled, sex: '2' }, 'sex')).toBe(2);
    expect(value({ ...filled, symptoms: ['rash'] }, 'symptoms')).toEqual(['rash']);
  });

  it('an edit check across items refuses the form when it is false, and passes when it is missing', () => {
    const checked = parseFormDefinition({ ...sampleForm, checks: [{ id: 'packs-vs-pain', expression: '[pain] >= [fatigue]', message: 'Pain must be at least fatigue here', item: 'pain' }] });
    expect(validateFilledForm(checked, { ...filled, pain: 1, fatigue: 2 }).issues).toEqual([{ code: 'FORM_CHECK_FAILED', path: 'pain', message: 'Pain must be at least fatigue here' }]);
    expect(validateFilledForm(checked, { ...filled, pain: 2, fatigue: 2 }).issues).toEqual([]);
    const { pain: _p, ...rest } = filled;
    expect(validateFilledForm(checked, rest).issues.map((i) => i.code)).toEqual(['FORM_VALUE_MISSING']);
  });

  it('refuseInvalidForm lists every issue with a path prefix', () => {
    const { pain: _p, ...rest } = filled;
    expect(() => refuseInvalidForm(form, { ...rest, sex: 5 }, {}, 'values.')).toThrow(
      expect.objectContaining({
        code: 'FORM_VALUE_MISSING',
        path: 'values.pain',
        message: 'Sample visit form: "Pain 0-10" (pain) is required (and 1 more: sex).',
        issues: [
          { path: 'values.pain', message: '"Pain 0-10" (pain) is required' },
          { path: 'values.sex', message: '"Sex" (sex) must be one of 1, 2, not 5' },
        ],
      }),
    );
  });
});
