import { describe, expect, it } from 'vitest';
import { correctedFormValues } from './corrected-form-values.js';

describe("a query's correction of a defined form's saved value", () => {
  it('replaces an item value, a decimal keeping the unit it was entered in, the rest unchanged', () => {
    const saved = { serum: { value: 85.4, unit: 'pg/mL' }, csf: { value: 4200, unit: 'pg/mL' } };
    expect(correctedFormValues(saved, 'nfl', 'serum', 58.4)).toEqual({ serum: { value: 58.4, unit: 'pg/mL' }, csf: { value: 4200, unit: 'pg/mL' } });
    expect(correctedFormValues({ q1: 2, q2: 3 }, 'roads', 'q2', 1)).toEqual({ q1: 2, q2: 1 });
  });

  it("replaces one cell of a repeating group's row", () => {
    const saved = {
      cytokines: [
        { name: 'IL-6', value: { value: 3, unit: 'pg/mL' } },
        { name: 'TNF', value: { value: 9, unit: 'pg/mL' } },
      ],
    };
    expect(correctedFormValues(saved, 'c', 'cytokines[1].value', 7)).toEqual({
      cytokines: [
        { name: 'IL-6', value: { value: 3, unit: 'pg/mL' } },
        { name: 'TNF', value: { value: 7, unit: 'pg/mL' } },
      ],
    });
  });

  it('refuses a path holding no saved value, naming the field', () => {
    expect(() => correctedFormValues({ serum: 1 }, 'nfl', 'csf', 2)).toThrow('Field "nfl.csf" has no saved value of form nfl to correct.');
    expect(() => correctedFormValues({ cytokines: [] }, 'c', 'cytokines[0].value', 2)).toThrow('Field "c.cytokines[0].value" has no saved value of form c to correct.');
    expect(() => correctedFormValues({ cytokines: [] }, 'c', 'cytokines', 2)).toThrow('Field "c.cytokines" has no saved value of form c to correct.');
  });
});
