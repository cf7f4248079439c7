import { describe, expect, it } from 'vitest';
import { scoreBasdai } from './basdai.js';

const q = (...v: number[]) => Object.fromEntries(v.map((x, i) => [`q${i + 1}`, x]));

describe('BASDAI (Garrett 1994)', () => {
  it('all 0 scores 0', () => {
    expect(scoreBasdai(q(0, 0, 0, 0, 0, 0)).total).toBe(0);
  });

  it('all 10 scores the maximum 10', () => {
    // (10+10+10+10 + (10+10)/2) / 5 = 50/5 = 10
    expect(scoreBasdai(q(10, 10, 10, 10, 10, 10)).total).toBe(10);
  });

  it.each([
    // published third-party examples (basdai.md [B]):
    [[6, 5, 4, 3, 7, 5], 6, 4.8], // (6+5+4+3 + 6) / 5 = 24/5 = 4.8
    [[7, 8, 5, 6, 7, 6], 6.5, 6.5], // (26 + 6.5) / 5 = 32.5/5 = 6.5
    [[2, 1, 1, 0, 2, 1], 1.5, 1.1], // (4 + 1.5) / 5 = 5.5/5 = 1.1
    [[3.5, 4, 0, 0, 10, 0], 5, 2.5], // (7.5 + 5) / 5 = 12.5/5 = 2.5: decimals are allowed (VAS)
  ])('%j → stiffness %d, BASDAI %d', (answers, stiffness, total) => {
    const s = scoreBasdai(q(...answers));
    expect(s.components['stiffness']).toBeCloseTo(stiffness, 10);
    expect(s.total).toBeCloseTo(total, 10);
  });

  it('refuses 10.5, −1 and a missing question', () => {
    expect(() => scoreBasdai(q(1, 1, 1, 1, 1, 10.5))).toThrow('BASDAI item "q6" must be a number from 0 to 10, not 10.5.');
    expect(() => scoreBasdai(q(-1, 1, 1, 1, 1, 1))).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', path: 'q1' }));
    expect(() => scoreBasdai(q(1, 1, 1, 1, 1))).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_MISSING', path: 'q6' }));
  });
});
