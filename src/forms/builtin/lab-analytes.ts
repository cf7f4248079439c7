import { parseFormDefinition, type FormDefinition } from '../definition.js';

/** A laboratory analyte beyond the nine CTCAE-graded safety labs: its canonical unit first, then the units converted to it. */
interface Analyte {
  readonly label: string;
  readonly units: readonly { readonly unit: string; readonly factor: number }[];
  readonly precision: number;
}

/**
 * Analytes a protocol may add to its visits, with their unit conversions (SI and conventional
 * units: Young DS, Ann Intern Med 1987;106:114–129, and the unit definitions themselves).
 */
export const labAnalyteCatalogue: Readonly<Record<string, Analyte>> = {
  // 1 mg/dL = 10 mg/L = 0.01 g/L
  c3: {
    label: 'Complement C3',
    units: [
      { unit: 'g/L', factor: 1 },
      { unit: 'mg/dL', factor: 0.01 },
    ],
    precision: 3,
  },
  c4: {
    label: 'Complement C4',
    units: [
      { unit: 'g/L', factor: 1 },
      { unit: 'mg/dL', factor: 0.01 },
    ],
    precision: 3,
  },
  // 1 µkat = 1 µmol/s = 60 µmol/min = 60 U
  ck: {
    label: 'Creatine kinase (CK)',
    units: [
      { unit: 'U/L', factor: 1 },
      { unit: 'ukat/L', factor: 60 },
    ],
    precision: 2,
  },
  'proteinuria-24h': {
    label: 'Urine protein, 24 hours',
    units: [
      { unit: 'g/24h', factor: 1 },
      { unit: 'mg/24h', factor: 0.001 },
    ],
    precision: 3,
  },
  'anti-dsdna': { label: 'Anti-dsDNA antibodies', units: [{ unit: 'IU/mL', factor: 1 }], precision: 1 },
};

/**
 * A protocol's extra laboratory form: the analytes it names, each optional (a lab not drawn is left
 * blank), in any of its units. CTCAE grading stays with the nine safety labs (src/instruments/ctcae).
 */
export function labForm(id: string, title: string, analytes: readonly string[], source: string): FormDefinition {
  return parseFormDefinition({
    id,
    version: '1',
    title,
    source,
    items: analytes.map((a) => {
      const def = labAnalyteCatalogue[a];
      if (!def) throw new Error(`lab form ${id}: no analyte "${a}" in the catalogue`);
      return { id: a, type: 'decimal' as const, label: def.label, units: [...def.units], precision: def.precision, hard: { min: 0 } };
    }),
  });
}
