import { describe, expect, it } from 'vitest';
import { sri4, type Sri4Input } from './sri4.js';

// A responder: SLEDAI 12 → 6 (−6), PGA 1.5 → 1.0, no new BILAG A/B.
const base: Sri4Input = { baselineSledai: 12, followUpSledai: 6, baselinePga: 1.5, followUpPga: 1.0, newBilagA: 0, newBilagB: 0 };

describe('SRI-4 (sri4.md boundary cases)', () => {
  it('a clear responder', () => {
    expect(sri4(base)).toMatchObject({ responder: true, sledaiReduction: 6, pgaChange: -0.5 });
  });

  it('SLEDAI drop of exactly 4 meets criterion 1; a drop of 3 does not', () => {
    expect(sri4({ ...base, followUpSledai: 8 }).responder).toBe(true);
    const r = sri4({ ...base, followUpSledai: 9 });
    expect(r.responder).toBe(false);
    expect(r.criteria).toEqual({ sledai: false, noNewFlare: true, noPgaWorsening: true });
  });

  it('PGA +0.29 is not worsening; +0.30 is', () => {
    expect(sri4({ ...base, baselinePga: 1.0, followUpPga: 1.29 }).responder).toBe(true);
    expect(sri4({ ...base, baselinePga: 1.0, followUpPga: 1.3 }).criteria.noPgaWorsening).toBe(false);
    // 2.3 − 2.0 is 0.2999… in binary floating point; it is still a 0.3 worsening
    expect(sri4({ ...base, baselinePga: 2.0, followUpPga: 2.3 })).toMatchObject({ responder: false, pgaChange: 0.3 });
  });

  it('one new BILAG B is allowed; two new B or any new A is not', () => {
    expect(sri4({ ...base, newBilagB: 1 }).responder).toBe(true);
    expect(sri4({ ...base, newBilagB: 2 }).criteria.noNewFlare).toBe(false);
    expect(sri4({ ...base, newBilagA: 1 }).responder).toBe(false);
  });

  it('refuses a PGA above 3 and a negative SLEDAI', () => {
    expect(() => sri4({ ...base, followUpPga: 3.1 })).toThrow('SRI-4 input "followUpPga" must be a number from 0 to 3, not 3.1.');
    expect(() => sri4({ ...base, baselineSledai: -1 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_RESPONDER_INPUT_INVALID', path: 'baselineSledai' }));
  });
});
