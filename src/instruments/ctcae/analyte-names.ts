import { AppError } from '../../errors/app-error.js';
import { labAnalytes, type LabAnalyte } from './lab-units.js';
import { instrumentsErrors } from '../errors.js';

/** Names and abbreviations a laboratory report uses for each analyte (case-insensitive). */
const aliases: Readonly<Record<string, LabAnalyte>> = {
  wbc: 'leukocytes',
  leukocytes: 'leukocytes',
  'white blood cells': 'leukocytes',
  anc: 'neutrophils',
  neutrophils: 'neutrophils',
  alc: 'lymphocytes',
  lymphocytes: 'lymphocytes',
  plt: 'platelets',
  platelets: 'platelets',
  hgb: 'haemoglobin',
  hb: 'haemoglobin',
  haemoglobin: 'haemoglobin',
  hemoglobin: 'haemoglobin',
  alt: 'alt',
  sgpt: 'alt',
  ast: 'ast',
  sgot: 'ast',
  bilirubin: 'bilirubin',
  tbil: 'bilirubin',
  creatinine: 'creatinine',
  creat: 'creatinine',
};

/** The analyte a name or abbreviation stands for ("ALT", "WBC", "Hgb", …). */
export function analyteNamed(name: string): LabAnalyte {
  const analyte = aliases[name.trim().toLowerCase()];
  if (analyte === undefined) {
    throw new AppError(instrumentsErrors.UNKNOWN_ANALYTE, `Analyte "${name}" is not graded; use one of ${labAnalytes.join(', ')} (or ALT, AST, WBC, ANC, ALC, PLT, Hgb).`, 'analyte');
  }
  return analyte;
}
