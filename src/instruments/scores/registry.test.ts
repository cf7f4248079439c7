import { describe, expect, it } from 'vitest';
import { instrumentIds } from './instrument.js';
import { getInstrument, instruments, scoreInstrument, validateInstrumentItems } from './registry.js';

describe('instrument registry', () => {
  it('holds each instrument id once, in the documented order', () => {
    expect(instruments.map((i) => i.id)).toEqual([...instrumentIds]);
  });

  it('is plain serialisable data', () => {
    expect(JSON.parse(JSON.stringify(instruments))).toEqual(instruments);
  });

  it('every item allows its declared range and every instrument cites a source', () => {
    for (const def of instruments) {
      expect(def.source.length).toBeGreaterThan(10);
      for (const item of def.items) {
        if (item.allowed.kind === 'choice') expect(item.allowed.options.length).toBeGreaterThan(1);
        else expect(item.allowed.max).toBeGreaterThan(item.allowed.min);
      }
    }
  });

  it('dispatches scoring by id', () => {
    expect(scoreInstrument('mrs', { mrs: 4 }).total).toBe(4);
    expect(validateInstrumentItems('mrs', { mrs: 9 }).map((i) => i.code)).toEqual(['INSTRUMENT_ITEM_OUT_OF_RANGE']);
  });

  it('an unknown instrument is named', () => {
    expect(() => getInstrument('sledai')).toThrow(expect.objectContaining({ code: 'INSTRUMENT_UNKNOWN_INSTRUMENT' }));
    expect(() => scoreInstrument('sledai', {})).toThrow('Instrument "sledai" is unknown; use one of sledai-2k, essdai, alsfrs-r, mrs, mrc, alsaq-40, basdai, pga.');
  });
});
