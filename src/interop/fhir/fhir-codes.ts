import type { Protocol } from '../../protocol/schema.js';
import type { LabAnalyte } from '../../instruments/index.js';

/** FHIR R4 (4.0.1) code systems used by the export; each is the system URL the specification names. */
export const systems = {
  researchStudyPhase: 'http://terminology.hl7.org/CodeSystem/research-study-phase',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationValue: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  aeSeriousness: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness',
  aeSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  aeOutcome: 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome',
  aeCausality: 'http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  /** il2trials' own codes, where no standard one exists (immune subsets, instrument scores, ICH E2A criteria). */
  local: (what: string) => `urn:il2trials:${what}`,
} as const;

/** ResearchStudy.status, R4 value set research-study-status (hl7.org/fhir/R4/valueset-research-study-status.html). */
export const researchStudyStatus: Readonly<Record<Protocol['status'], string>> = {
  'not-yet-recruiting': 'approved',
  recruiting: 'active',
  active: 'closed-to-accrual',
  completed: 'completed',
  terminated: 'administratively-completed',
  withdrawn: 'withdrawn',
  unknown: 'active',
};

/** ResearchStudy.phase, R4 code system research-study-phase (hl7.org/fhir/R4/codesystem-research-study-phase.html). */
export const researchStudyPhase: Readonly<Record<Protocol['phase'], string>> = {
  phase1: 'phase-1',
  'phase1/phase2': 'phase-1-phase-2',
  phase2: 'phase-2',
  'phase2/phase3': 'phase-2-phase-3',
  phase3: 'phase-3',
  phase4: 'phase-4',
  'n/a': 'n-a',
};

/**
 * ResearchSubject.status, R4 value set research-subject-status (hl7.org/fhir/R4/valueset-research-subject-status.html),
 * from the participant's lifecycle status (src/enrolment/participant-lifecycle.ts).
 */
export const researchSubjectStatus: Readonly<Record<string, string>> = {
  screening: 'screening',
  eligible: 'eligible',
  ineligible: 'ineligible',
  consented: 'pending-on-study',
  enrolled: 'on-study',
  randomized: 'on-study',
  'on-treatment': 'on-study-intervention',
  completed: 'off-study',
  withdrawn: 'withdrawn',
};

/**
 * LOINC codes of the graded laboratory analytes (LOINC 2.77 "Long Common Name"; loinc.org/<code>/):
 * 6690-2 Leukocytes [#/volume] in Blood by Automated count; 751-8 Neutrophils [#/volume] in Blood by
 * Automated count; 731-0 Lymphocytes [#/volume] in Blood by Automated count; 777-3 Platelets
 * [#/volume] in Blood by Automated count; 718-7 Hemoglobin [Mass/volume] in Blood; 1742-6 Alanine
 * aminotransferase [Enzymatic activity/volume] in Serum or Plasma; 1920-8 Aspartate aminotransferase
 * [Enzymatic activity/volume] in Serum or Plasma; 1975-2 Bilirubin.total [Mass/volume] in Serum or
 * Plasma; 2160-0 Creatinine [Mass/volume] in Serum or Plasma. (A result in a molar unit keeps the
 * mass-concentration code's analyte; the unit says which.)
 */
export const labLoinc: Readonly<Record<LabAnalyte, { readonly code: string; readonly display: string }>> = {
  leukocytes: { code: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count' },
  neutrophils: { code: '751-8', display: 'Neutrophils [#/volume] in Blood by Automated count' },
  lymphocytes: { code: '731-0', display: 'Lymphocytes [#/volume] in Blood by Automated count' },
  platelets: { code: '777-3', display: 'Platelets [#/volume] in Blood by Automated count' },
  haemoglobin: { code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' },
  alt: { code: '1742-6', display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma' },
  ast: { code: '1920-8', display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma' },
  bilirubin: { code: '1975-2', display: 'Bilirubin.total [Mass/volume] in Serum or Plasma' },
  creatinine: { code: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma' },
};

/** The units il2trials stores, as UCUM codes (ucum.org: `10*9/L`, `umol/L`, `%`, `/uL`). */
export function ucum(unit: string): string {
  const table: Readonly<Record<string, string>> = { '10^9/L': '10*9/L', 'cells/uL': '/uL', 'cells/µL': '/uL', µmol: 'umol' };
  return table[unit] ?? unit;
}

/** AdverseEvent.outcome, R4 code system adverse-event-outcome, from the SDTM AEOUT words stored. */
export const aeOutcome: Readonly<Record<string, string>> = {
  recovered: 'resolved',
  recovering: 'recovering',
  'not-recovered': 'ongoing',
  'recovered-with-sequelae': 'resolvedWithSequelae',
  fatal: 'fatal',
  unknown: 'unknown',
};

/** Causality, R4 code system adverse-event-causality-assess (WHO-UMC terms), from il2trials' relatedness. */
export const aeCausality: Readonly<Record<string, string | undefined>> = {
  definite: 'Certain',
  probable: 'Probably-Likely',
  possible: 'Possible',
  unlikely: 'Unlikely',
  'not-related': undefined,
};

/**
 * AdverseEvent.severity (R4 adverse-event-severity: mild | moderate | severe) from the CTCAE v5.0 grade,
 * by CTCAE's own words: grade 1 mild, grade 2 moderate, grade 3 severe (4 life-threatening and 5 death are beyond severe).
 */
export const aeSeverity = (grade: number): string => (grade <= 1 ? 'mild' : grade === 2 ? 'moderate' : 'severe');
