import type { DoseUnit } from '../../protocol/schema.js';

/** The regimen language's unit of a dose unit as record text writes it ("million IU", "MIU", "mg/kg"), or undefined. */
export function doseUnitOf(written: string): DoseUnit | undefined {
  const w = written.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('million') || w === 'miu') return 'MIU';
  if (w === 'mg/kg') return 'mg/kg';
  if (w === 'mg') return 'mg';
  if (w === 'iu') return 'IU';
  return undefined; // mg/m2 has no unit in the regimen language
}
