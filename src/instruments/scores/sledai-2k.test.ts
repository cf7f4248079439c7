import { describe, expect, it } from 'vitest';
import { scoreSledai2k, sledai2k } from './sledai-2k.js';
import { validateItems } from './validate-items.js';

const none = Object.fromEntries(sledai2k.items.map((i) => [i.id, 0]));
const withPresent = (...ids: string[]) => ({ ...none, ...Object.fromEntries(ids.map((id) => [id, 1])) });

describe('SLEDAI-2K (Gladman 2002)', () => {
  it('has 24 descriptors: 8 of weight 8, 6 of 4, 7 of 2, 3 of 1', () => {
    const count = (w: number) => sledai2k.items.filter((i) => i.weight === w).length;
    expect([sledai2k.items.length, count(8), count(4), count(2), count(1)]).toEqual([24, 8, 6, 7, 3]);
  });

  it('all absent scores 0', () => {
    expect(scoreSledai2k(none).total).toBe(0);
  });

  it('all present scores the maximum 105', () => {
    // 8×8 + 6×4 + 7×2 + 3×1 = 64 + 24 + 14 + 3 = 105
    expect(scoreSledai2k(Object.fromEntries(sledai2k.items.map((i) => [i.id, 1]))).total).toBe(105);
  });

  it('arthritis + proteinuria + low complement + increased DNA binding = 12 (sledai_2k.md example)', () => {
    // 4 + 4 + 2 + 2 = 12
    const s = scoreSledai2k(withPresent('arthritis', 'proteinuria', 'low-complement', 'increased-dna-binding'));
    expect(s.total).toBe(12);
    expect(s.components['proteinuria']).toBe(4);
    expect(s.components['seizure']).toBe(0);
  });

  it('seizure + fever + thrombocytopenia + leukopenia = 11', () => {
    // 8 + 1 + 1 + 1 = 11
    expect(scoreSledai2k(withPresent('seizure', 'fever', 'thrombocytopenia', 'leukopenia')).total).toBe(11);
  });

  it('vasculitis + rash + alopecia + mucosal ulcers + pyuria = 18', () => {
    // 8 + 2 + 2 + 2 + 4 = 18
    expect(scoreSledai2k(withPresent('vasculitis', 'rash', 'alopecia', 'mucosal-ulcers', 'pyuria')).total).toBe(18);
  });

  it('a missing descriptor is an INSTRUMENT_ITEM_MISSING error naming it', () => {
    const { fever: _omit, ...rest } = none;
    expect(() => scoreSledai2k(rest)).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_MISSING', path: 'fever' }));
    expect(() => scoreSledai2k(rest)).toThrow('SLEDAI-2K item "fever" is missing.');
  });

  it('a descriptor coded 2 is out of range, and every problem is reported', () => {
    const { fever: _omit, ...rest } = none;
    const issues = validateItems(sledai2k, { ...rest, seizure: 2, sezure: 1 });
    expect(issues.map((i) => [i.code, i.item])).toEqual([
      ['INSTRUMENT_ITEM_OUT_OF_RANGE', 'seizure'],
      ['INSTRUMENT_ITEM_MISSING', 'fever'],
      ['INSTRUMENT_UNKNOWN_ITEM', 'sezure'],
    ]);
    expect(() => scoreSledai2k({ ...rest, seizure: 2 })).toThrow('SLEDAI-2K item "seizure" must be one of 0, 1, not 2 (and 1 more: "fever").');
  });
});
