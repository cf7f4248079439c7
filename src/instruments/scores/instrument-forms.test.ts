import { describe, expect, it } from 'vitest';
import { parseFormDefinition, type FormDefinition } from '../../forms/definition.js';
import { validateFilledForm, type FormValues } from '../../forms/validate-form.js';
import { instrumentIds } from './instrument.js';
import { instrumentForms, instruments } from './registry.js';

/**
 * The hand-worked cases of the instruments' own tests, run through their forms alone: only the form
 * definition language computes these numbers (no instrument code).
 */
function formScore(form: FormDefinition, values: FormValues) {
  const r = validateFilledForm(form, values);
  expect(r.issues).toEqual([]);
  const calc = (id: string) => r.entries.find((e) => e.item === id)?.value;
  return { total: calc(form.scoring!.total), components: Object.fromEntries(Object.entries(form.scoring!.components).map(([k, id]) => [k, calc(id)])) };
}
const zeros = (form: FormDefinition, v = 0) => Object.fromEntries(form.items.filter((i) => i.type !== 'calculated').map((i) => [i.id, v]));

describe('the built-in instruments as forms', () => {
  it('one form per instrument, plain data that parses again equal', () => {
    expect(Object.keys(instrumentForms)).toEqual([...instrumentIds]);
    for (const form of Object.values(instrumentForms)) expect(parseFormDefinition(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it("each form item allows exactly the instrument item's values, and cites the instrument's source", () => {
    for (const def of instruments) {
      const form = instrumentForms[def.id];
      expect(form.source).toBe(def.source);
      for (const item of def.items) {
        const f = form.items.find((i) => i.id === item.id);
        if (item.allowed.kind === 'choice') expect(f?.type === 'single-choice' && f.choices.map((c) => c.code)).toEqual(item.allowed.options.map((o) => o.value));
        else expect(f?.type === 'decimal' || f?.type === 'integer' ? f.hard : undefined).toEqual({ min: item.allowed.min, max: item.allowed.max });
      }
    }
  });

  it('SLEDAI-2K: 12, 11, 18 and the maximum 105', () => {
    const form = instrumentForms['sledai-2k'];
    const present = (...ids: string[]) => ({ ...zeros(form), ...Object.fromEntries(ids.map((id) => [id, 1])) });
    // 4 + 4 + 2 + 2 = 12
    const s = formScore(form, present('arthritis', 'proteinuria', 'low-complement', 'increased-dna-binding'));
    expect([s.total, s.components['proteinuria'], s.components['seizure']]).toEqual([12, 4, 0]);
    expect(formScore(form, present('seizure', 'fever', 'thrombocytopenia', 'leukopenia')).total).toBe(11); // 8 + 1 + 1 + 1
    expect(formScore(form, present('vasculitis', 'rash', 'alopecia', 'mucosal-ulcers', 'pyuria')).total).toBe(18); // 8 + 2 + 2 + 2 + 4
    expect(formScore(form, zeros(form, 1)).total).toBe(105); // 8×8 + 6×4 + 7×2 + 3×1
  });

  it('ESSDAI: 11, 24 and the maximum 123', () => {
    const form = instrumentForms.essdai;
    // 2×2 + 1×2 + 1×3 + 2×1 = 11
    const s = formScore(form, { ...zeros(form), articular: 2, glandular: 1, constitutional: 1, biological: 2 });
    expect(s.total).toBe(11);
    expect(s.components).toMatchObject({ articular: 4, glandular: 2, constitutional: 3, biological: 2, renal: 0 });
    expect(formScore(form, { ...zeros(form), muscular: 2, cns: 2, haematological: 1 }).total).toBe(24); // 12 + 10 + 2
    const max = { constitutional: 2, lymphadenopathy: 3, glandular: 2, articular: 3, cutaneous: 3, pulmonary: 3, renal: 3, muscular: 3, pns: 3, cns: 3, haematological: 3, biological: 2 };
    expect(formScore(form, max).total).toBe(123);
  });

  it('ALSFRS-R: a bulbar-onset pattern, item 5b for gastrostomy, and 5a with 5b refused', () => {
    const form = instrumentForms['alsfrs-r'];
    const s = formScore(form, {
      speech: 1,
      salivation: 2,
      swallowing: 2,
      handwriting: 4,
      'cutting-food': 4,
      'dressing-hygiene': 3,
      'turning-in-bed': 4,
      walking: 3,
      'climbing-stairs': 3,
      dyspnea: 3,
      orthopnea: 4,
      'respiratory-insufficiency': 4,
    });
    // bulbar 1+2+2 = 5; fine 4+4+3 = 11; gross 4+3+3 = 10; motor 21; respiratory 3+4+4 = 11; total 37
    expect(s).toEqual({ total: 37, components: { bulbar: 5, motor: 21, fineMotor: 11, grossMotor: 10, respiratory: 11 } });
    const { 'cutting-food': _a, 'cutting-food-gastrostomy': _b, ...rest } = zeros(form, 4);
    // all 4 except swallowing 1 and 5b 2: 48 − 3 − 2 = 43; fine motor 4 + 2 + 4 = 10
    const g = formScore(form, { ...rest, swallowing: 1, 'cutting-food-gastrostomy': 2 });
    expect([g.total, g.components['fineMotor']]).toEqual([43, 10]);
    expect(validateFilledForm(form, zeros(form, 4)).issues.map((i) => [i.code, i.path])).toEqual([['FORM_CHECK_FAILED', 'cutting-food']]);
    expect(validateFilledForm(form, rest).issues.map((i) => i.code)).toEqual(['FORM_CHECK_FAILED']);
  });

  it('MRC: asymmetric weakness 24 + 29 = 53, and all 2 = 24', () => {
    const form = instrumentForms.mrc;
    // left: 5+5+5 + 3+3+3 = 24; right: 5+5+4 + 5+5+5 = 29
    const s = formScore(form, { ...zeros(form, 5), 'hip-flexion-left': 3, 'knee-extension-left': 3, 'ankle-dorsiflexion-left': 3, 'wrist-extension-right': 4 });
    expect(s).toEqual({ total: 53, components: { left: 24, right: 29 } });
    expect(formScore(form, zeros(form, 2)).total).toBe(24);
  });

  it('ALSAQ-40: eating and drinking 75 (index 5.625), and the mixed profile (index 60.625)', () => {
    const form = instrumentForms['alsaq-40'];
    // (2+3+4) / 12 × 100 = 75; index 9 / 160 × 100 = 5.625
    const e = formScore(form, { ...zeros(form), q21: 2, q22: 3, q23: 4 });
    expect([e.components['eatingDrinking'], e.components['physicalMobility'], e.total]).toEqual([75, 0, 5.625]);
    const range = (from: number, to: number, v: number) => Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`q${from + i}`, v]));
    // 30/40, 20/40, 0/12, 7/28, 40/40; index 97/160 × 100 = 60.625
    const m = formScore(form, { ...range(1, 10, 3), ...range(11, 20, 2), ...range(21, 23, 0), ...range(24, 30, 1), ...range(31, 40, 4) });
    expect(m).toEqual({ total: 60.625, components: { physicalMobility: 75, adlIndependence: 50, eatingDrinking: 0, communication: 25, emotionalReactions: 100 } });
  });

  it.each([
    [[6, 5, 4, 3, 7, 5], 6, 4.8], // (18 + 6) / 5
    [[7, 8, 5, 6, 7, 6], 6.5, 6.5], // (26 + 6.5) / 5
    [[2, 1, 1, 0, 2, 1], 1.5, 1.1], // (4 + 1.5) / 5
    [[3.5, 4, 0, 0, 10, 0], 5, 2.5], // (7.5 + 5) / 5
  ])('BASDAI %j → stiffness %d, BASDAI %d', (answers, stiffness, total) => {
    const s = formScore(instrumentForms.basdai, Object.fromEntries(answers.map((x, i) => [`q${i + 1}`, x])));
    expect(s.components['stiffness']).toBeCloseTo(stiffness, 10);
    expect(s.total).toBeCloseTo(total as number, 10);
  });

  it('mRS: the total is the grade; 7 is refused by its hard choice list', () => {
    expect(formScore(instrumentForms.mrs, { mrs: 3 })).toEqual({ total: 3, components: {} });
    expect(validateFilledForm(instrumentForms.mrs, { mrs: 7 }).issues.map((i) => i.code)).toEqual(['FORM_VALUE_INVALID']);
  });
});
