import { AppError } from '../../errors/app-error.js';
import { instrumentsErrors } from '../errors.js';

export const labAnalytes = ['leukocytes', 'neutrophils', 'lymphocytes', 'platelets', 'haemoglobin', 'alt', 'ast', 'bilirubin', 'creatinine'] as const;
export type LabAnalyte = (typeof labAnalytes)[number];

export const labUnits = ['/mm3', '/uL', '10^9/L', 'g/L', 'g/dL', 'mmol/L', 'U/L', 'umol/L', 'mg/dL'] as const;
export type LabUnit = (typeof labUnits)[number];

/**
 * Accepted units per analyte, as factors that turn a value in that unit into the canonical unit.
 * Sources of the factors:
 * - cell counts: 1 mm³ = 1 µL = 10⁻⁶ L, so 1 ×10⁹/L = 1000/mm³ (CTCAE v5.0 itself lists 1500/mm³ ≡ 1.5 ×10⁹/L);
 * - haemoglobin: 1 dL = 0.1 L, so 1 g/dL = 10 g/L (CTCAE v5.0 lists 10.0 g/dL ≡ 100 g/L); in mmol/L (of the
 *   monomer, molar mass 16 114.5 g/mol = ¼ of the 64 458 g/mol tetramer, International Council for Standardization in Haematology reference method for haemoglobinometry,
 *   J Clin Pathol 1996;49:271–274, ICSH standard 1995), 1 mmol/L = 16.1145 g/L, the factor behind CTCAE v5.0's own 10.0 g/dL ≡ 6.2 mmol/L;
 * - bilirubin 1 mg/dL = 17.1 µmol/L and creatinine 1 mg/dL = 88.4 µmol/L: Young DS. Implementation of SI
 *   units for clinical laboratory data. Ann Intern Med 1987;106:114–129 (molar masses 584.7 and 113.1 g/mol).
 */
const countUnits = { '/mm3': 1, '/uL': 1, '10^9/L': 1000 } as const;
export const labUnitTable: Readonly<Record<LabAnalyte, { readonly canonical: LabUnit; readonly factors: Readonly<Partial<Record<LabUnit, number>>> }>> = {
  leukocytes: { canonical: '/mm3', factors: countUnits },
  neutrophils: { canonical: '/mm3', factors: countUnits },
  lymphocytes: { canonical: '/mm3', factors: countUnits },
  platelets: { canonical: '/mm3', factors: countUnits },
  haemoglobin: { canonical: 'g/L', factors: { 'g/L': 1, 'g/dL': 10, 'mmol/L': 16.1145 } },
  alt: { canonical: 'U/L', factors: { 'U/L': 1 } },
  ast: { canonical: 'U/L', factors: { 'U/L': 1 } },
  bilirubin: { canonical: 'umol/L', factors: { 'umol/L': 1, 'mg/dL': 17.1 } },
  creatinine: { canonical: 'umol/L', factors: { 'umol/L': 1, 'mg/dL': 88.4 } },
};

export function isLabAnalyte(a: string): a is LabAnalyte {
  return (labAnalytes as readonly string[]).includes(a);
}

function factor(analyte: string, unit: string): number {
  if (!isLabAnalyte(analyte)) {
    throw new AppError(instrumentsErrors.UNKNOWN_ANALYTE, `Analyte "${analyte}" is not graded; use one of ${labAnalytes.join(', ')}.`, 'analyte');
  }
  const f = labUnitTable[analyte].factors[unit as LabUnit];
  if (f === undefined) {
    const allowed = Object.keys(labUnitTable[analyte].factors).join(', ');
    throw new AppError(instrumentsErrors.UNIT_NOT_SUPPORTED, `Unit "${unit}" is not supported for ${analyte}; use one of ${allowed}.`, 'unit');
  }
  return f;
}

/** Convert a value of `analyte` between two of its accepted units. */
export function convertLab(analyte: string, value: number, from: string, to: string): number {
  return roundSignificant((value * factor(analyte, from)) / factor(analyte, to));
}

/** The analyte's canonical unit and the value in it. */
export function toCanonical(analyte: LabAnalyte, value: number, unit: string): number {
  return roundSignificant(value * factor(analyte, unit));
}

/**
 * Round to 12 significant digits so that unit conversion and ULN multiples compare as written
 * (0.49 × 1000 is 490.00000000000006 in binary floating point; admiral likewise compares signif() values).
 */
export function roundSignificant(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}
