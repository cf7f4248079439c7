import { describe, expect, it } from 'vitest';
import { alsaq40, scoreAlsaq40 } from './alsaq-40.js';

const all = (v: number) => Object.fromEntries(alsaq40.items.map((i) => [i.id, v]));
const range = (from: number, to: number, v: number) => Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`q${from + i}`, v]));

describe('ALSAQ-40 (Jenkinson 1999)', () => {
  it('has 40 items in dimensions of 10, 10, 3, 7, 10', () => {
    expect(alsaq40.items).toHaveLength(40);
    expect(alsaq40.items[20]?.label).toBe('Item 21 (eating and drinking)');
    expect(alsaq40.items[29]?.label).toBe('Item 30 (communication)');
    expect(alsaq40.items[30]?.label).toBe('Item 31 (emotional reactions)');
  });

  it('all 0 scores 0 in every dimension', () => {
    const s = scoreAlsaq40(all(0));
    expect(s.total).toBe(0);
    expect(Object.values(s.components)).toEqual([0, 0, 0, 0, 0]);
  });

  it('all 4 scores 100 in every dimension', () => {
    // each dimension: 4n / (4n) × 100 = 100
    const s = scoreAlsaq40(all(4));
    expect(s.total).toBe(100);
    expect(Object.values(s.components)).toEqual([100, 100, 100, 100, 100]);
  });

  it('eating and drinking items 21–23 at 2, 3, 4', () => {
    // eating & drinking: (2+3+4) / 12 × 100 = 75; others 0; single index (2+3+4) / 160 × 100 = 5.625
    const s = scoreAlsaq40({ ...all(0), q21: 2, q22: 3, q23: 4 });
    expect(s.components['eatingDrinking']).toBe(75);
    expect(s.components['physicalMobility']).toBe(0);
    expect(s.total).toBe(5.625);
  });

  it('mixed profile across dimensions', () => {
    // mobility q1–q10 = 3 → 30/40 = 75; ADL q11–q20 = 2 → 20/40 = 50; eating q21–23 = 0 → 0;
    // communication q24–q30 = 1 → 7/28 = 25; emotional q31–q40 = 4 → 100;
    // single index (30 + 20 + 0 + 7 + 40) / 160 × 100 = 97 / 1.6 = 60.625 (not the mean of the dimensions, 50)
    const s = scoreAlsaq40({ ...range(1, 10, 3), ...range(11, 20, 2), ...range(21, 23, 0), ...range(24, 30, 1), ...range(31, 40, 4) });
    expect(s.components).toEqual({ physicalMobility: 75, adlIndependence: 50, eatingDrinking: 0, communication: 25, emotionalReactions: 100 });
    expect(s.total).toBe(60.625);
  });

  it('a missing item and a 5 are named', () => {
    const { q40: _omit, ...rest } = all(1);
    expect(() => scoreAlsaq40(rest)).toThrow('ALSAQ-40 item "q40" is missing.');
    expect(() => scoreAlsaq40({ ...all(1), q7: 5 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', path: 'q7' }));
  });
});
