import { eventFact as event, type FactDefinition, scoreFact as score } from './fact-definition.js';
import { datedEventFacts } from './dated-event-facts.js';
import { measurementFacts } from './measurement-facts.js';
import { statusFacts } from './status-facts.js';
import { bilirubinUnits, cellCountUnits, cholesterolUnits, creatinineUnits, enzymeUnits, haemoglobinUnits, massUnits, monovalentIonUnits, type UnitConversion } from './units.js';

/** The named facts (see facts.ts for the types and the prefixed families). */
const flag = (name: string, description: string): FactDefinition => ({ name, type: 'boolean', description });
const codes = (name: string, description: string): FactDefinition => ({ name, type: 'codes', description });
const ulnRatio = (name: string, what: string): FactDefinition => ({
  name,
  type: 'number',
  unit: '×ULN',
  // "3N" in registry text is 3 × the upper limit of normal (N = normal).
  units: [
    { unit: '×uln', factor: 1, source: 'same unit' },
    { unit: 'uln', factor: 1, source: 'same unit' },
    { unit: 'n', factor: 1, source: 'registry shorthand: 3N = 3 × upper limit of normal' },
  ],
  description: `${what} divided by the laboratory's upper limit of normal.`,
});
const lln = (name: string, what: string): FactDefinition => ({
  name,
  type: 'number',
  unit: '×LLN',
  units: [
    { unit: '×lln', factor: 1, source: 'same unit' },
    { unit: 'lln', factor: 1, source: 'same unit' },
  ],
  description: `${what} divided by the laboratory's lower limit of normal.`,
});
const count = (name: string, what: string): FactDefinition => ({
  name,
  type: 'number',
  unit: '10^9/L',
  units: cellCountUnits,
  description: `${what} in peripheral blood.`,
});
const enzyme = (name: string, what: string): FactDefinition => ({ name, type: 'number', unit: 'IU/L', units: enzymeUnits, description: `${what} activity in serum.` });

const steroidDoseUnits: readonly UnitConversion[] = [
  { unit: 'mg', factor: 1, source: 'same unit' },
  { unit: 'mg/kg', factor: 1, perKg: true, source: 'dose per kg × body weight in kg (fact weight)' },
];

export const factDictionary: readonly FactDefinition[] = [
  {
    name: 'age',
    type: 'number',
    unit: 'years',
    units: [
      { unit: 'years', factor: 1, source: 'same unit' },
      { unit: 'months', factor: 1 / 12, source: '12 months in a year' },
    ],
    description: 'Age in completed years at the screening date.',
  },
  { name: 'sex', type: 'code', values: ['female', 'male'], description: 'Sex as registered for the trial.' },
  { name: 'weight', type: 'number', unit: 'kg', units: massUnits, description: 'Body weight.' },
  {
    name: 'bmi',
    type: 'number',
    unit: 'kg/m2',
    units: [{ unit: 'kg/m2', factor: 1, source: 'same unit' }],
    unitImplied: 'body mass index is weight/height² in kg/m² by definition (WHO)',
    description: 'Body mass index.',
  },
  score('ecog', 'ECOG performance status, 0 (fully active) to 5 (dead) (Oken 1982).'),
  {
    name: 'karnofsky',
    type: 'number',
    unit: '%',
    units: [{ unit: '%', factor: 1, source: 'same unit' }],
    unitImplied: 'the Karnofsky performance status is a percentage, 0–100, by definition (Karnofsky 1949)',
    description: 'Karnofsky performance status, 0–100 %.',
  },
  score('essdai', 'EULAR Sjögren’s Syndrome Disease Activity Index (0–123).'),
  score('sledai', 'SLE Disease Activity Index (SLEDAI-2K, 0–105).'),
  score('basdai', 'Bath Ankylosing Spondylitis Disease Activity Index (0–10).'),
  score('easi', 'Eczema Area and Severity Index (0–72).'),
  score('mmse', 'Mini-Mental State Examination score, 0–30 (Folstein 1975).'),
  score('gcs', 'Glasgow Coma Scale score, 3–15 (Teasdale & Jennett 1974).'),
  {
    name: 'inr',
    type: 'number',
    unit: '',
    units: [],
    unitImplied: 'the INR is a ratio of prothrombin times, without unit (WHO 1983)',
    description: 'International normalised ratio of the prothrombin time.',
  },
  {
    name: 'lvef',
    type: 'number',
    unit: '%',
    units: [{ unit: '%', factor: 1, source: 'same unit' }],
    description: 'Left ventricular ejection fraction (echocardiography or other imaging).',
  },
  {
    name: 'potassium',
    type: 'number',
    unit: 'mmol/L',
    units: monovalentIonUnits('K⁺'),
    description: 'Serum potassium.',
  },
  {
    name: 'triglycerides',
    type: 'number',
    unit: 'mmol/L',
    units: [
      { unit: 'mmol/l', factor: 1, source: 'same unit' },
      { unit: 'mg/dl', factor: 1 / 88.57, source: 'triglycerides as triolein, 885.7 g/mol: 1 mmol/L = 88.57 mg/dL' },
    ],
    description: 'Serum triglycerides.',
  },
  {
    name: 'ldl_cholesterol',
    type: 'number',
    unit: 'mmol/L',
    units: cholesterolUnits,
    description: 'Serum LDL cholesterol.',
  },
  {
    name: 'nyha_class',
    type: 'number',
    unit: 'class',
    units: [{ unit: 'class', factor: 1, source: 'same unit' }],
    unitImplied: 'a functional class has no unit',
    description: 'New York Heart Association functional class, 1–4 (0 for no heart failure).',
  },
  score('asa_class', 'American Society of Anesthesiologists physical status class, 1 (healthy) to 6 (brain-dead donor) (ASA House of Delegates 2014).'),
  {
    name: 'life_expectancy',
    type: 'number',
    unit: 'months',
    units: [
      { unit: 'months', factor: 1, source: 'same unit' },
      { unit: 'years', factor: 12, source: '12 months in a year' },
      { unit: 'weeks', factor: 7 / 30.4375, source: 'a month is 365.25 / 12 = 30.4375 days' },
      { unit: 'days', factor: 1 / 30.4375, source: 'a month is 365.25 / 12 = 30.4375 days' },
      { unit: 'hours', factor: 1 / (24 * 30.4375), source: 'a month is 30.4375 days of 24 hours' },
    ],
    description: "The clinician's estimate of the patient's life expectancy at screening.",
  },
  count('leukocytes', 'White blood cell count'),
  count('lymphocytes', 'Lymphocyte count'),
  count('neutrophils', 'Absolute neutrophil count'),
  count('platelets', 'Platelet count'),
  { name: 'haemoglobin', type: 'number', unit: 'g/L', units: haemoglobinUnits, description: 'Blood haemoglobin concentration.' },
  enzyme('alt', 'Alanine aminotransferase (ALT)'),
  enzyme('ast', 'Aspartate aminotransferase (AST)'),
  ulnRatio('alt_uln', 'ALT'),
  ulnRatio('ast_uln', 'AST'),
  enzyme('ck', 'Creatine kinase (CK)'),
  ulnRatio('ck_uln', 'Creatine kinase (CK)'),
  { name: 'bilirubin', type: 'number', unit: 'µmol/L', units: bilirubinUnits, description: 'Total serum bilirubin.' },
  ulnRatio('bilirubin_uln', 'Total bilirubin'),
  { name: 'creatinine', type: 'number', unit: 'µmol/L', units: creatinineUnits, description: 'Serum creatinine.' },
  ulnRatio('creatinine_uln', 'Serum creatinine'),
  lln('haemoglobin_lln', 'Haemoglobin'),
  lln('neutrophils_lln', 'Absolute neutrophil count'),
  lln('platelets_lln', 'Platelet count'),
  {
    name: 'creatinine_clearance',
    type: 'number',
    unit: 'mL/min',
    units: [
      { unit: 'ml/min', factor: 1, source: 'same unit' },
      { unit: 'ml/s', factor: 60, source: '60 s in a minute' },
    ],
    description: 'Creatinine clearance (measured or estimated, e.g. Cockcroft–Gault).',
  },
  {
    name: 'egfr',
    type: 'number',
    unit: 'mL/min/1.73m2',
    units: [
      { unit: 'ml/min/1.73m2', factor: 1, source: 'same unit' },
      // Registry text often drops "/1.73 m²"; the number is the laboratory's eGFR all the same (KDIGO 2012 reports eGFR per 1.73 m²).
      { unit: 'ml/min', factor: 1, source: 'KDIGO 2012: eGFR is reported per 1.73 m², written "mL/min" for short' },
    ],
    description: 'Estimated glomerular filtration rate (as the laboratory reports it, per 1.73 m²).',
  },
  {
    name: 'systolic_bp',
    type: 'number',
    unit: 'mmHg',
    units: [{ unit: 'mmhg', factor: 1, source: 'same unit' }],
    description: 'Systolic blood pressure at screening.',
  },
  {
    name: 'diastolic_bp',
    type: 'number',
    unit: 'mmHg',
    units: [{ unit: 'mmhg', factor: 1, source: 'same unit' }],
    description: 'Diastolic blood pressure at screening.',
  },
  {
    name: 'hba1c',
    type: 'number',
    unit: '%',
    // NGSP percent only: the IFCC mmol/mol scale is affine (IFCC = 10.929 × (NGSP − 2.15)), not a factor, so it is not accepted.
    units: [{ unit: '%', factor: 1, source: 'same unit (NGSP/DCCT %)' }],
    description: 'Glycated haemoglobin (HbA1c), NGSP/DCCT percent.',
  },
  {
    name: 'proteinuria',
    type: 'number',
    unit: 'g/day',
    units: [
      { unit: 'g/day', factor: 1, source: 'same unit' },
      { unit: 'mg/day', factor: 1e-3, source: 'SI prefix: 1 mg = 10⁻³ g' },
    ],
    description: 'Urine protein excretion over 24 hours.',
  },
  {
    name: 'immunoglobulin',
    type: 'number',
    unit: 'g/L',
    units: [
      { unit: 'g/l', factor: 1, source: 'same unit' },
      { unit: 'mg/dl', factor: 1e-2, source: '1 mg/dL = 10 mg/L = 10⁻² g/L' },
    ],
    description: 'Serum immunoglobulin G.',
  },
  {
    name: 'ana_titre',
    type: 'number',
    unit: '1:n',
    units: [{ unit: '1:n', factor: 1, source: 'same unit' }],
    description: 'Antinuclear antibody titre as the reciprocal dilution (1:160 is 160).',
  },
  {
    name: 'ppd_induration',
    type: 'number',
    unit: 'mm',
    units: [
      { unit: 'mm', factor: 1, source: 'same unit' },
      { unit: 'cm', factor: 10, source: 'SI prefix: 1 cm = 10 mm' },
    ],
    description: 'Tuberculin skin test (purified protein derivative) induration.',
  },
  {
    name: 'prednisone_dose',
    type: 'number',
    unit: 'mg/day',
    units: [
      { unit: 'mg/day', factor: 1, source: 'same unit' },
      // Registry text often omits "/day" for a maintenance glucocorticoid dose (NCT02464319: "(<=7.5mg)").
      { unit: 'mg', factor: 1, source: 'a maintenance dose written in mg is read as mg per day' },
      { unit: 'mg/kg/day', factor: 1, perKg: true, source: 'dose per kg × body weight in kg (fact weight)' },
    ],
    description: 'Current daily systemic glucocorticoid dose, prednisone-equivalent.',
  },
  {
    name: 'steroid_pulse_dose',
    type: 'number',
    unit: 'mg',
    units: steroidDoseUnits,
    description: 'Dose of the most recent corticosteroid pulse (see last_steroid_pulse), prednisone-equivalent.',
  },
  event('last_steroid_pulse', 'Date of the most recent high-dose corticosteroid pulse, or never.'),
  event('last_iv_corticosteroid_bolus', 'Date of the most recent intravenous corticosteroid bolus, or never.'),
  event('last_live_vaccination', 'Date of the most recent live (attenuated) vaccination, or never.'),
  event('last_vaccination', 'Date of the most recent vaccination of any kind, or never.'),
  flag('anti_dsdna_positive', 'Anti-double-stranded DNA antibodies positive.'),
  flag('c3_decreased', 'Serum complement C3 below the laboratory range.'),
  flag('c4_decreased', 'Serum complement C4 below the laboratory range.'),
  flag('hiv_positive', 'HIV infection (serology) positive.'),
  flag('hbv_positive', 'Hepatitis B infection (HBsAg) positive.'),
  flag('hcv_positive', 'Hepatitis C infection (anti-HCV or HCV RNA) positive.'),
  flag('pregnancy_test_positive', 'Urine or serum pregnancy test (hCG) positive.'),
  flag('pregnant', 'Currently pregnant.'),
  flag('breastfeeding', 'Currently breast-feeding.'),
  flag('current_smoker', 'Currently smokes tobacco.'),
  event('last_other_trial', 'Date the patient last took part in another clinical study (the screening date if still taking part), or never.'),
  event('last_investigational_product', 'Date of the most recent dose of an investigational product of another study, or never.'),
  flag('in_other_trial', 'Currently taking part in another clinical study.'),
  flag('investigational_drug', 'Currently using another investigational drug.'),
  codes('diagnoses', 'Conditions the patient has now, as codes (e.g. primary-sjogren;infection).'),
  codes('history', 'Every condition the patient has ever had, current ones included, as codes (e.g. cancer;stroke).'),
  codes('family_history', 'Conditions of the patient’s first-degree relatives (parents, siblings, children), as codes (e.g. breast-cancer).'),
  codes('current_treatments', 'Treatments the patient currently receives, as codes (e.g. rituximab).'),
  codes('prior_treatments', 'Treatments the patient has ever received, as codes (e.g. cyclosporine-a).'),
  // The care episode's procedures, in the style of the CDISC SDTM PR (procedures) domain: pre-specified (PRPRESP = Y), recorded before PROCCUR says they occurred.
  codes(
    'planned_procedures',
    'Procedures the patient is scheduled to undergo (or is undergoing) in the care episode the study enrols, as codes: the procedure and each broader kind it is, anaesthesia included (e.g. cholecystectomy;laparoscopic-surgery;surgery;general-anaesthesia; emergency-surgery for an operation done as an emergency).',
  ),
  codes('autoantibodies', 'Autoantibodies found positive in serum or CSF, as codes (e.g. nmdar;lgi-1).'),
  codes('languages', 'Languages the patient speaks, reads and understands well enough to take part, as codes (e.g. english;spanish).'),
  codes('allergies', 'Known allergies or intolerances to drugs or other substances, as codes named as written (e.g. il-2;penicillin;local-anesthetics).'),
  flag('takes_medication', 'Currently takes any medication, prescribed or over the counter (vitamins and supplements excluded).'),
  flag('takes_prescription_medication', 'Currently takes a medication prescribed by a physician.'),
  ...measurementFacts,
  ...statusFacts,
  ...datedEventFacts,
];
