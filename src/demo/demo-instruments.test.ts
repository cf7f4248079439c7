import { describe, expect, it } from 'vitest';
import { getInstrument, instruments, scoreInstrument, validateItems } from '../instruments/index.js';
import { demoItems } from './demo-instruments.js';

describe('demo instrument items', () => {
  it.each(instruments.map((d) => [d.id, d] as const))('gives %s items its validation accepts, and a worse total for a sicker participant', (_, def) => {
    const still = () => 0;
    const mild = demoItems(def, 0.1, still);
    const severe = demoItems(def, 0.9, still);
    expect(validateItems(def, mild)).toEqual([]);
    expect(validateItems(def, severe)).toEqual([]);
    const [a, b] = [scoreInstrument(def.id, mild).total, scoreInstrument(def.id, severe).total];
    if (def.total.higherIsWorse) expect(b).toBeGreaterThan(a);
    else expect(b).toBeLessThan(a);
  });

  it('scores ESSDAI at severity 0 as 0 and at 1 as the published maximum of 123 (Seror 2010)', () => {
    const essdai = getInstrument('essdai');
    expect(
      scoreInstrument(
        'essdai',
        demoItems(essdai, 0, () => 0),
      ).total,
    ).toBe(0);
    expect(
      scoreInstrument(
        'essdai',
        demoItems(essdai, 1, () => 0),
      ).total,
    ).toBe(123);
  });
});
