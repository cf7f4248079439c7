import { describe, expect, it } from 'vitest';
import { scoreMrs } from './mrs.js';

describe('modified Rankin Scale (0–6)', () => {
  it.each([
    [0, 0], // no symptoms (all-zero case)
    [3, 3], // moderate disability
    [5, 5], // severe disability
    [6, 6], // dead: the maximum
  ])('grade %i scores %i', (grade, total) => {
    expect(scoreMrs({ mrs: grade })).toEqual({ instrument: 'mrs', total, components: {} });
  });

  it('refuses 7, 2.5 and a missing grade', () => {
    expect(() => scoreMrs({ mrs: 7 })).toThrow('modified Rankin Scale item "mrs" must be one of 0, 1, 2, 3, 4, 5, 6, not 7.');
    expect(() => scoreMrs({ mrs: 2.5 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE' }));
    expect(() => scoreMrs({})).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_MISSING', path: 'mrs' }));
    expect(() => scoreMrs({ mrs: '3' })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_NOT_A_NUMBER' }));
  });
});
