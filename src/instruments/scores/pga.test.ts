import { describe, expect, it } from 'vitest';
import { scorePga } from './pga.js';

describe("physician's global assessment with new BILAG flares (SRI-4 inputs)", () => {
  it('the total is the PGA; the new BILAG counts are components', () => {
    expect(scorePga({ pga: 1.3, newBilagA: 0, newBilagB: 2 })).toEqual({ instrument: 'pga', total: 1.3, components: { newBilagA: 0, newBilagB: 2 } });
    expect(scorePga({ pga: 0, newBilagA: 9, newBilagB: 0 }).total).toBe(0);
  });

  it('refuses a PGA above 3, a fractional or tenth BILAG count, and a missing count', () => {
    expect(() => scorePga({ pga: 3.1, newBilagA: 0, newBilagB: 0 })).toThrow(`Physician's global assessment and new BILAG flares item "pga" must be a number from 0 to 3, not 3.1.`);
    expect(() => scorePga({ pga: 1, newBilagA: 0.5, newBilagB: 0 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', path: 'newBilagA' }));
    expect(() => scorePga({ pga: 1, newBilagA: 10, newBilagB: 0 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', path: 'newBilagA' }));
    expect(() => scorePga({ pga: 1, newBilagA: 0 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_MISSING', path: 'newBilagB' }));
  });
});
