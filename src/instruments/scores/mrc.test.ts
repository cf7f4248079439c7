import { describe, expect, it } from 'vitest';
import { mrc, scoreMrc } from './mrc.js';

const all = (v: number) => Object.fromEntries(mrc.items.map((i) => [i.id, v]));

describe('MRC sum score (Kleyweg 1991)', () => {
  it('has 12 items: 6 muscle groups on both sides', () => {
    expect(mrc.items).toHaveLength(12);
  });

  it('all 0 scores 0', () => {
    expect(scoreMrc(all(0))).toEqual({ instrument: 'mrc', total: 0, components: { left: 0, right: 0 } });
  });

  it('all 5 scores the maximum 60', () => {
    // 12 × 5 = 60; each side 6 × 5 = 30
    expect(scoreMrc(all(5))).toEqual({ instrument: 'mrc', total: 60, components: { left: 30, right: 30 } });
  });

  it('asymmetric weakness: left leg 3s, right hand grip 4', () => {
    // left: 5+5+5 (arm) + 3+3+3 (leg) = 24; right: 5+5+4 + 5+5+5 = 29; total 53
    const s = scoreMrc({ ...all(5), 'hip-flexion-left': 3, 'knee-extension-left': 3, 'ankle-dorsiflexion-left': 3, 'wrist-extension-right': 4 });
    expect(s.components).toEqual({ left: 24, right: 29 });
    expect(s.total).toBe(53);
  });

  it('all 2 scores 24', () => {
    // 12 × 2 = 24
    expect(scoreMrc(all(2)).total).toBe(24);
  });

  it('a missing muscle group and a grade of 6 are named', () => {
    const { 'elbow-flexion-right': _omit, ...rest } = all(5);
    expect(() => scoreMrc(rest)).toThrow('MRC sum score item "elbow-flexion-right" is missing.');
    expect(() => scoreMrc({ ...all(5), 'hip-flexion-left': 6 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', path: 'hip-flexion-left' }));
  });
});
