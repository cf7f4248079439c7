/**
 * Unit conversions. Each accepted unit converts to its fact's canonical unit by a factor, or (for a
 * per-body-weight dose) by a factor times the patient's weight in kg. Every factor cites where it
 * comes from.
 */
export interface UnitConversion {
  /** The unit as written (matching is case-insensitive after normalizeUnit). */
  readonly unit: string;
  /** canonical = value × factor (× weight in kg when perKg). */
  readonly factor: number;
  readonly perKg?: boolean;
  readonly source: string;
}

const SAME = 'same unit';

/** Cell counts: 1 mm³ = 1 µL and 1 L = 10⁶ µL, so n/mm³ = n × 10⁶/L = n × 10⁻³ × 10⁹/L (SI prefix definitions). */
const COUNT_PER_MM3 = 'SI: 1 mm³ = 1 µL = 10⁻⁶ L, so n/mm³ = n × 10⁻³ × 10⁹/L';
export const cellCountUnits: readonly UnitConversion[] = [
  { unit: '10^9/l', factor: 1, source: SAME },
  { unit: '10^3/µl', factor: 1, source: 'SI: 10³/µL = 10³ × 10⁶/L = 10⁹/L' },
  { unit: '10^3/mm3', factor: 1, source: 'SI: 10³/mm³ = 10³/µL = 10⁹/L' },
  { unit: '/nl', factor: 1, source: 'SI: 1/nL = 10⁹/L' },
  { unit: '/mm3', factor: 1e-3, source: COUNT_PER_MM3 },
  { unit: '/µl', factor: 1e-3, source: COUNT_PER_MM3 },
  { unit: 'cells/mm3', factor: 1e-3, source: COUNT_PER_MM3 },
  { unit: 'cells/µl', factor: 1e-3, source: COUNT_PER_MM3 },
];

/** Enzyme activity: 1 U = 1 µmol/min and 1 kat = 1 mol/s, so 1 µkat/L = 60 U/L (IFCC / SI brochure, 9th ed., table 4). */
export const enzymeUnits: readonly UnitConversion[] = [
  { unit: 'iu/l', factor: 1, source: SAME },
  { unit: 'u/l', factor: 1, source: 'IU and U are the same enzyme unit (1 µmol/min)' },
  { unit: 'µkat/l', factor: 60, source: 'SI brochure 9th ed.: 1 µkat = 1 µmol/s = 60 µmol/min = 60 U' },
];

/** Mass: 1 lb = 0.45359237 kg exactly (international yard and pound agreement, 1959). */
export const massUnits: readonly UnitConversion[] = [
  { unit: 'kg', factor: 1, source: SAME },
  { unit: 'g', factor: 1e-3, source: 'SI prefix: 1 g = 10⁻³ kg' },
  { unit: 'lb', factor: 0.45359237, source: 'international yard and pound agreement (1959): 1 lb = 0.45359237 kg' },
];

/** Haemoglobin mass concentration: 1 g/dL = 10 g/L; 1 mmol/L (Fe, monomer 16,114 g/mol) = 16.114 g/L (ICSH reference method). */
/** The one unit of a fact measured in nothing else ("beats/min", "%"). */
export const onlyUnit = (unit: string): readonly UnitConversion[] => [{ unit: unit.toLowerCase(), factor: 1, source: SAME }];

/** A mass concentration per litre, and per decilitre (SI prefix: 1 dL = 10⁻¹ L, so 1 x/dL = 10 x/L). */
export const perLitre = (mass: 'g' | 'mg'): readonly UnitConversion[] => [
  { unit: `${mass}/l`, factor: 1, source: SAME },
  { unit: `${mass}/dl`, factor: 10, source: `SI prefix: 1 dL = 10⁻¹ L, so 1 ${mass}/dL = 10 ${mass}/L` },
];

export const haemoglobinUnits: readonly UnitConversion[] = [...perLitre('g'), { unit: 'mmol/l', factor: 16.114, source: 'ICSH: haemoglobin monomer (Fe) 16,114 g/mol, 1 mmol/L = 16.114 g/L' }];

/** Creatinine: molar mass 113.12 g/mol, so 1 mg/dL = 10 mg/L ÷ 113.12 g/mol = 88.4 µmol/L (IUPAC atomic weights; Kidney Int Suppl KDIGO 2012). */
export const creatinineUnits: readonly UnitConversion[] = [
  { unit: 'µmol/l', factor: 1, source: SAME },
  { unit: 'mg/dl', factor: 88.4, source: 'creatinine 113.12 g/mol: 1 mg/dL = 88.4 µmol/L (KDIGO 2012)' },
];

/** Bilirubin: molar mass 584.66 g/mol, so 1 mg/dL = 10 mg/L ÷ 584.66 g/mol = 17.1 µmol/L (IUPAC atomic weights). */
export const bilirubinUnits: readonly UnitConversion[] = [
  { unit: 'µmol/l', factor: 1, source: SAME },
  { unit: 'mg/dl', factor: 17.1, source: 'bilirubin 584.66 g/mol: 1 mg/dL = 17.1 µmol/L' },
];

/** Cholesterol (total, LDL or HDL) C27H46O, molar mass 386.65 g/mol (IUPAC atomic weights): 1 mmol/L = 386.65 mg/L = 38.67 mg/dL. */
export const cholesterolUnits: readonly UnitConversion[] = [
  { unit: 'mmol/l', factor: 1, source: SAME },
  { unit: 'mg/dl', factor: 1 / 38.67, source: 'cholesterol 386.65 g/mol: 1 mmol/L = 38.67 mg/dL' },
];

/** A monovalent ion (Na⁺, K⁺, HCO₃⁻): one equivalent is one mole (IUPAC). */
export const monovalentIonUnits = (ion: string): readonly UnitConversion[] => [
  { unit: 'mmol/l', factor: 1, source: SAME },
  { unit: 'meq/l', factor: 1, source: `${ion} is monovalent: 1 mEq = 1 mmol` },
];

/**
 * Normalise how a unit is written: lower case, µ for u/micro, ³ ² and ⁹ as plain digits, "x"/"×"
 * and spaces dropped, "per day" forms as "/day", unit words as symbols (pounds → lb, beats per minute → beats/min).
 * "gr/dl" (NCT03861377) is a gram per decilitre as Spanish, Italian or Turkish write it (the apothecaries'
 * grain is never a concentration); "gram percent" ("hemoglobin <10gm%", NCT03863873) is grams per 100 mL, g/dL.
 * Comparison is then by exact string.
 */
export function normalizeUnit(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/[×x*]\s*10/g, '10')
    .replace(/10\s*\^?\s*([0-9])/g, '10^$1')
    .replace(/10⁹/g, '10^9')
    .replace(/10³/g, '10^3')
    .replace(/³/g, '3')
    .replace(/²/g, '2')
    .replace(/\^2/g, '2')
    .replace(/μ/g, 'µ')
    .replace(/micro(?=mol|l\b|kat)/g, 'µ')
    .replace(/(^|[^a-z])u(?=l$|kat|mol)/g, '$1µ')
    .replace(/\s+/g, '')
    .replace(/^(?:pounds?|lbs?\.?)$/, 'lb')
    .replace(/^(?:kilograms?|kgs)$/, 'kg')
    .replace(/^(?:per)?mm3$|^cu\.?mm$/, '/mm3')
    .replace(/^ml\/minute\//, 'ml/min/')
    .replace(/^gr\/dl$/, 'g/dl')
    .replace(/^g(?:m|r)?%$/, 'g/dl')
    .replace(/\/d$/, '/day')
    .replace(/\/24h$/, '/day')
    .replace(/^cells\/cu\.?mm$/, 'cells/mm3')
    .replace(/^(?:beats?(?:\/|per)min(?:ute)?|bpm)$/, 'beats/min')
    .replace(/^breaths?(?:\/|per)min(?:ute)?$/, 'breaths/min')
    .replace(/^u(i?u\/ml|g\/l)$/, 'µ$1')
    .replace(/^perµl$/, '/µl');
}

/** Find how `unit` converts, or undefined when the fact does not accept it. */
export function findConversion(units: readonly UnitConversion[], unit: string): UnitConversion | undefined {
  const u = normalizeUnit(unit);
  return units.find((c) => c.unit === u);
}
