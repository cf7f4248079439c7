/**
 * The standards the SDTM export follows, and the CDISC Controlled Terminology it maps the trial's
 * words to. SDTM IG 3.4 (SDTM v2.0); SDTM CT package 2024-03-29 (NCI EVS). Codelist names and NCI
 * codes are those of that package; each map below names its codelist.
 */
export const SDTM_IG_VERSION = '3.4';
export const SDTM_CT_VERSION = '2024-03-29';

/** SEX (C66731). */
export const sexTerm = { female: 'F', male: 'M' } as const;

/** ROUTE (C66729). */
export const routeTerm = { subcutaneous: 'SUBCUTANEOUS', intravenous: 'INTRAVENOUS', oral: 'ORAL', intramuscular: 'INTRAMUSCULAR' } as const;

/** ACN, Action Taken with Study Treatment (C66767). */
export const actionTerm: Readonly<Record<string, string>> = {
  none: 'DOSE NOT CHANGED',
  'dose-held': 'DRUG INTERRUPTED',
  'dose-reduced': 'DOSE REDUCED',
  withdrawn: 'DRUG WITHDRAWN',
  'not-applicable': 'NOT APPLICABLE',
};

/** OUT, Outcome of Event (C66768). */
export const outcomeTerm: Readonly<Record<string, string>> = {
  recovered: 'RECOVERED/RESOLVED',
  recovering: 'RECOVERING/RESOLVING',
  'not-recovered': 'NOT RECOVERED/NOT RESOLVED',
  'recovered-with-sequelae': 'RECOVERED/RESOLVED WITH SEQUELAE',
  fatal: 'FATAL',
  unknown: 'UNKNOWN',
};

/**
 * AEREL has no CDISC codelist (SDTMIG 3.4 AE: "sponsor-defined"); these are the five levels of the
 * WHO-UMC causality scale as the eCRF asks them.
 */
export const relatednessTerm: Readonly<Record<string, string>> = {
  'not-related': 'NOT RELATED',
  unlikely: 'UNLIKELY RELATED',
  possible: 'POSSIBLY RELATED',
  probable: 'PROBABLY RELATED',
  definite: 'RELATED',
};

/** ICH E2A seriousness criteria → the SDTM AE flag variable that carries each (SDTMIG 3.4 AE). */
export const seriousFlag: Readonly<Record<string, string>> = {
  death: 'AESDTH',
  'life-threatening': 'AESLIFE',
  hospitalisation: 'AESHOSP',
  disability: 'AESDISAB',
  'congenital-anomaly': 'AESCONG',
  'important-medical-event': 'AESMIE',
};

/** LBTESTCD / LBTEST (C65047 / C67154) for the analytes the eCRF records. */
export const labTest: Readonly<Record<string, { readonly code: string; readonly test: string }>> = {
  leukocytes: { code: 'WBC', test: 'Leukocytes' },
  wbc: { code: 'WBC', test: 'Leukocytes' },
  neutrophils: { code: 'NEUT', test: 'Neutrophils' },
  lymphocytes: { code: 'LYM', test: 'Lymphocytes' },
  platelets: { code: 'PLAT', test: 'Platelets' },
  haemoglobin: { code: 'HGB', test: 'Hemoglobin' },
  alt: { code: 'ALT', test: 'Alanine Aminotransferase' },
  ast: { code: 'AST', test: 'Aspartate Aminotransferase' },
  bilirubin: { code: 'BILI', test: 'Bilirubin' },
  creatinine: { code: 'CREAT', test: 'Creatinine' },
};

/** NCOMPLT, Completion/Reason for Non-Completion (C66727), from the withdrawal reason as entered. */
export function dispositionTerm(status: string, reason: string | null): string {
  if (status === 'completed') return 'COMPLETED';
  if (status === 'ineligible') return 'SCREEN FAILURE';
  const r = (reason ?? '').toLowerCase();
  if (/adverse event/.test(r)) return 'ADVERSE EVENT';
  if (/withdr[ae]w consent|withdrawal by subject/.test(r)) return 'WITHDRAWAL BY SUBJECT';
  if (/lost to follow/.test(r)) return 'LOST TO FOLLOW-UP';
  if (/death|died/.test(r)) return 'DEATH';
  return 'OTHER';
}

/** ISO 3166-1 alpha-3 (COUNTRY), for the country names the built-in protocols use. */
export const countryCode: Readonly<Record<string, string>> = {
  China: 'CHN',
  'Korea, Republic of': 'KOR',
  'South Korea': 'KOR',
  'United States': 'USA',
  France: 'FRA',
  Germany: 'DEU',
  'United Kingdom': 'GBR',
};

/**
 * UNIT (C71620, extensible) holds IU, mg and mg/kg; we could not verify a submission value for a million
 * IU here, so MIU stays as the protocol writes it (an extension of an extensible codelist).
 */
export const doseUnitTerm: Readonly<Record<string, string>> = { MIU: 'MIU', IU: 'IU', mg: 'mg', 'MIU/m2': 'MIU/m2', 'mg/kg': 'mg/kg' };
