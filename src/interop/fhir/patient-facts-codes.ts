import { labLoinc, systems } from './fhir-codes.js';

/** Code systems a patient's EHR Bundle uses, as FHIR R4 names them (hl7.org/fhir/R4/terminologies-systems.html). */
export const patientSystems = {
  loinc: systems.loinc,
  ucum: systems.ucum,
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
} as const;

/**
 * Observation.code (LOINC) → the numeric fact it measures. The graded labs are the export's own
 * table (fhir-codes.ts labLoinc, read backwards); the others by LOINC 2.77 Long Common Name
 * (loinc.org/<code>/): 29463-7 Body weight; 39156-5 Body mass index (BMI) [Ratio]; 8480-6 Systolic
 * blood pressure; 8462-4 Diastolic blood pressure; 4548-4 Hemoglobin A1c/Hemoglobin.total in Blood;
 * 2889-4 Protein [Mass/time] in 24 hour Urine; 2465-3 IgG [Mass/volume] in Serum or Plasma.
 */
export const factOfLoinc: ReadonlyMap<string, string> = new Map([
  ...Object.entries(labLoinc).map(([analyte, { code }]) => [code, analyte] as const),
  ['29463-7', 'weight'],
  ['39156-5', 'bmi'],
  ['8480-6', 'systolic_bp'],
  ['8462-4', 'diastolic_bp'],
  ['4548-4', 'hba1c'],
  ['2889-4', 'proteinuria'],
  ['2465-3', 'immunoglobulin'],
]);

/**
 * Qualitative Observation.code (LOINC) → the yes/no fact a positive result sets: 7918-6 HIV 1+2 Ab
 * [Presence] in Serum; 5196-1 Hepatitis B virus surface Ag [Presence] in Serum by Immunoassay;
 * 13955-0 Hepatitis C virus Ab [Presence] in Serum or Plasma by Immunoassay; 2106-3
 * Choriogonadotropin (pregnancy test) [Presence] in Urine.
 */
export const flagOfLoinc: ReadonlyMap<string, string> = new Map([
  ['7918-6', 'hiv_positive'],
  ['5196-1', 'hbv_positive'],
  ['13955-0', 'hcv_positive'],
  ['2106-3', 'pregnancy_test_positive'],
]);

/**
 * A qualitative result as a yes/no: SNOMED CT 10828004 Positive / 260385009 Negative, and the R4
 * ObservationInterpretation codes POS / NEG (terminology.hl7.org/CodeSystem/v3-ObservationInterpretation).
 */
export const resultPresence: ReadonlyMap<string, boolean> = new Map([
  [`${patientSystems.snomed}|10828004`, true],
  [`${patientSystems.snomed}|260385009`, false],
  ['http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation|POS', true],
  ['http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation|NEG', false],
]);

/** UCUM unit codes (ucum.org) → how the fact dictionary writes the unit; any other UCUM code is given as it is. */
export const dictionaryUnitOfUcum: Readonly<Record<string, string>> = {
  '10*9/L': '10^9/L',
  '10*3/uL': '10^3/µL',
  '10*3/mm3': '10^3/mm3',
  '[lb_av]': 'lb',
  'mm[Hg]': 'mmHg',
  'g/(24.h)': 'g/day',
  'mg/(24.h)': 'mg/day',
  'g/d': 'g/day',
  'mg/d': 'mg/day',
  'mL/min/{1.73_m2}': 'mL/min/1.73m2',
};

/**
 * Condition.code → the diagnosis code the criteria read (condition-lexicon.ts). SNOMED CT concepts:
 * 55464009 Systemic lupus erythematosus; 302215000 Thrombocytopenic disorder; 91302008 Sepsis;
 * 5758002 Bacteremia; 84114007 Heart failure; 31996006 Vasculitis. ICD-10 (WHO, and ICD-10-CM
 * for R78.81) categories, a code matching its category and every subcode: M32 Systemic lupus
 * erythematosus; D69.6 Thrombocytopenia, unspecified; A41 Other sepsis; R78.81 Bacteremia; I50 Heart
 * failure; I77.6 Arteritis, unspecified. A code missing here is reported, never read as a neighbour.
 */
export const diagnosisOfSnomed: ReadonlyMap<string, string> = new Map([
  ['55464009', 'systemic-lupus-erythematosus'],
  ['302215000', 'thrombocytopenia'],
  ['91302008', 'sepsis'],
  ['5758002', 'bacteremia'],
  ['84114007', 'heart-failure'],
  ['31996006', 'vasculitis'],
]);
export const diagnosisOfIcd10: readonly (readonly [string, string])[] = [
  ['M32', 'systemic-lupus-erythematosus'],
  ['D69.6', 'thrombocytopenia'],
  ['A41', 'sepsis'],
  ['R78.81', 'bacteremia'],
  ['I50', 'heart-failure'],
  ['I77.6', 'vasculitis'],
];

/**
 * MedicationStatement.medicationCodeableConcept (RxNorm ingredient RXCUI, rxnav.nlm.nih.gov) → the
 * treatment code the criteria read: 121191 rituximab; 5521 hydroxychloroquine; 6851 methotrexate;
 * 1256 azathioprine.
 */
export const treatmentOfRxnorm: ReadonlyMap<string, string> = new Map([
  ['121191', 'rituximab'],
  ['5521', 'hydroxychloroquine'],
  ['6851', 'methotrexate'],
  ['1256', 'azathioprine'],
]);

/** An ICD-10 code's diagnosis: the table's category equal to it or a parent of it (M32.1 is under M32). */
export function diagnosisOfIcd10Code(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  return diagnosisOfIcd10.find(([category]) => c === category || c.startsWith(category.includes('.') ? category : `${category}.`))?.[1];
}
