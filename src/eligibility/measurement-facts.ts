import { type FactDefinition, scoreFact as score } from './fact-definition.js';
import { cholesterolUnits, massUnits, monovalentIonUnits, onlyUnit, perLitre, type UnitConversion } from './units.js';

/**
 * Measurements the development corpus compares often that the first dictionary did not hold: vital
 * signs, glucose, a few laboratory values, clinical scores, intracranial pressures, the gestational
 * age and what a patient smokes or drinks. Each accepted unit cites its conversion; a number without
 * a unit stays attested (scores excepted).
 */

const SAME = 'same unit';
const measured = (name: string, unit: string, units: readonly UnitConversion[], description: string): FactDefinition => ({ name, type: 'number', unit, units, description });
/** A count a day or a week, read in either (7 days in a week). */
const counted = (name: string, thing: string, per: 'day' | 'week', description: string): FactDefinition => {
  const other = per === 'day' ? 'week' : 'day';
  return measured(
    name,
    `${thing}/${per}`,
    [
      { unit: `${thing}/${per}`, factor: 1, source: SAME },
      { unit: `${thing}/${other}`, factor: per === 'day' ? 1 / 7 : 7, source: '7 days in a week' },
    ],
    description,
  );
};

/** Glucose C6H12O6, molar mass 180.156 g/mol (IUPAC atomic weights): 1 mmol/L = 180.156 mg/L = 18.016 mg/dL. */
const glucoseUnits: readonly UnitConversion[] = [
  { unit: 'mmol/l', factor: 1, source: SAME },
  { unit: 'mg/dl', factor: 1 / 18.016, source: 'glucose 180.156 g/mol: 1 mmol/L = 18.016 mg/dL' },
];

/** The QT interval in milliseconds, as ECG machines report it ("msec", "milliseconds" are read as ms). */
const qtUnits = onlyUnit('ms');

const bloodGasUnits: readonly UnitConversion[] = [
  { unit: 'mmhg', factor: 1, source: SAME },
  { unit: 'kpa', factor: 7.50062, source: 'mmHg = 133.322 Pa (BIPM): 1 kPa = 7.50062 mmHg' },
];

/** Gestational age in completed weeks (WHO ICD-10, vol. 2, 5.7.1: "expressed in completed days or completed weeks"). */
const weeks = onlyUnit('weeks');

export const measurementFacts: readonly FactDefinition[] = [
  measured('gestational_age', 'weeks', weeks, "Gestational age of the patient's current pregnancy at screening, in completed weeks (WHO ICD-10)."),
  measured('gestational_age_at_birth', 'weeks', weeks, "The patient's own gestational age at birth, in completed weeks (WHO ICD-10)."),
  measured('heart_rate', 'beats/min', onlyUnit('beats/min'), 'Heart (pulse) rate at rest at screening.'),
  measured('respiratory_rate', 'breaths/min', onlyUnit('breaths/min'), 'Respiratory rate at screening.'),
  // Blood glucose is reported as its plasma equivalent (IFCC recommendation, D'Orazio et al., Clin Chem 2005;51:1573).
  measured('fasting_glucose', 'mmol/L', glucoseUnits, 'Fasting plasma glucose (plasma-equivalent, as the laboratory reports it).'),
  measured('random_glucose', 'mmol/L', glucoseUnits, 'Random (non-fasting) plasma glucose (plasma-equivalent).'),
  measured(
    'tsh',
    'mIU/L',
    [
      { unit: 'miu/l', factor: 1, source: SAME },
      { unit: 'mu/l', factor: 1, source: 'IU and U are the same unit of TSH (WHO international standard)' },
      { unit: 'µiu/ml', factor: 1, source: 'SI prefixes: 1 µIU/mL = 10⁻⁶ IU / 10⁻³ L = 10⁻³ IU/L = 1 mIU/L' },
    ],
    'Serum thyroid-stimulating hormone.',
  ),
  measured(
    'vitamin_d',
    'nmol/L',
    [
      { unit: 'nmol/l', factor: 1, source: SAME },
      { unit: 'ng/ml', factor: 2.496, source: '25-hydroxyvitamin D3 400.64 g/mol: 1 ng/mL = 1 µg/L ÷ 400.64 g/mol = 2.496 nmol/L' },
    ],
    'Serum 25-hydroxyvitamin D.',
  ),
  measured('crp', 'mg/L', perLitre('mg'), 'Serum C-reactive protein.'),
  measured('albumin', 'g/L', perLitre('g'), 'Serum albumin.'),
  // Arterial blood gases: 1 kPa = 1000 Pa ÷ 133.322 Pa/mmHg = 7.50062 mmHg (BIPM SI brochure 9th ed., mmHg = 133.322 Pa).
  measured('pao2', 'mmHg', bloodGasUnits, 'Arterial partial pressure of oxygen (PaO2).'),
  measured('paco2', 'mmHg', bloodGasUnits, 'Arterial partial pressure of carbon dioxide (PaCO2).'),
  measured('bicarbonate', 'mmol/L', monovalentIonUnits('HCO₃⁻'), 'Serum or plasma bicarbonate (total CO2).'),
  measured('transferrin_saturation', '%', onlyUnit('%'), 'Transferrin saturation (serum iron ÷ total iron-binding capacity), %.'),
  measured('prothrombin_activity', '%', onlyUnit('%'), 'Prothrombin time expressed as activity, % of normal (Quick value).'),
  measured('fev1_predicted', '%', onlyUnit('%'), 'Forced expiratory volume in 1 second, % of the predicted value (spirometry).'),
  {
    name: 'ahi',
    type: 'number',
    unit: 'events/h',
    units: onlyUnit('events/h'),
    unitImplied: 'the apnoea–hypopnoea index counts events per hour of sleep by definition (AASM Scoring Manual)',
    description: 'Apnoea–hypopnoea index from polysomnography or a home sleep test.',
  },
  measured(
    'ferritin',
    'µg/L',
    [
      { unit: 'µg/l', factor: 1, source: SAME },
      { unit: 'ng/ml', factor: 1, source: 'SI prefixes: 1 ng/mL = 10⁻⁹ g / 10⁻³ L = 1 µg/L' },
    ],
    'Serum ferritin.',
  ),
  measured('fmps', '%', onlyUnit('%'), 'Full-mouth plaque score: % of tooth sites with plaque (O’Leary 1972).'),
  measured('fmbs', '%', onlyUnit('%'), 'Full-mouth bleeding score: % of tooth sites bleeding on probing (Ainamo & Bay 1975).'),
  measured('birth_weight', 'kg', massUnits, "The patient's own weight at birth."),
  score('mrs', 'Modified Rankin Scale, 0 (no symptoms) to 6 (dead) (van Swieten 1988), now.'),
  score('iq', 'Full-scale intelligence quotient from a standardised test (mean 100, SD 15; Wechsler).'),
  score('epds', 'Edinburgh Postnatal Depression Scale, 0–30 (Cox 1987).'),
  score('child_pugh', 'Child–Pugh score, 5–15 (Pugh 1973).'),
  score('mallampati', 'Modified Mallampati class, 1–4 (Samsoon & Young 1987).'),
  score('stop_bang', 'STOP-Bang obstructive sleep apnoea questionnaire, 0–8 (Chung 2008).'),
  score('moca', 'Montreal Cognitive Assessment score, 0–30 (Nasreddine 2005); not the telephone version (T-MoCA).'),
  score('edss', 'Expanded Disability Status Scale, 0–10 in steps of 0.5 (Kurtzke 1983).'),
  score('hoehn_yahr', 'Hoehn and Yahr stage of Parkinson’s disease, 1–5 (Hoehn & Yahr 1967).'),
  score('phq9', 'Patient Health Questionnaire-9 depression score, 0–27 (Kroenke 2001).'),
  score('phq8', 'Patient Health Questionnaire-8 depression score, 0–24 (Kroenke 2009); not the PHQ-9.'),
  score('gad7', 'Generalized Anxiety Disorder 7-item scale score, 0–21 (Spitzer 2006).'),
  score('ham_a', 'Hamilton Anxiety Rating Scale (HAM-A) total score, 0–56 (Hamilton 1959).'),
  score('asi3', 'Anxiety Sensitivity Index-3 total score, 0–72 (Taylor 2007).'),
  score('oasis', 'Overall Anxiety Severity and Impairment Scale score, 0–20 (Norman 2006).'),
  score('tics', 'Telephone Interview for Cognitive Status score, 0–41 (Brandt 1988); not the modified TICS-M (0–50).'),
  score('clinical_frailty', 'Clinical Frailty Scale, 1 (very fit) to 9 (terminally ill) (Rockwood 2005; 9-point version 2007).'),
  score('mg_adl', 'Myasthenia Gravis Activities of Daily Living total score, 0–24 (Wolfe 1999).'),
  score('ariscat', 'ARISCAT risk score for postoperative pulmonary complications, 0–123 (Canet 2010).'),
  score('gmfcs', 'Gross Motor Function Classification System level, 1 (I) to 5 (V) (Palisano 1997).'),
  score('mgfa_class', 'Myasthenia Gravis Foundation of America clinical class, 1 (I) to 5 (V), its subclass (a, b) not held (Jaretzki 2000), now.'),
  score('glogau', 'Glogau photoaging type, 1 (I, no wrinkles) to 4 (IV, only wrinkles) (Glogau 1996).'),
  score('rass', 'Richmond Agitation–Sedation Scale, −5 (unarousable) to +4 (combative) (Sessler 2002), at screening.'),
  score('bishop', 'Bishop score of cervical ripeness, 0–13 (Bishop 1964); not a modified Bishop score.'),
  // ICP and CPP are reported in mmHg (Brain Trauma Foundation guidelines, 4th ed. 2016); kPa as for blood gases.
  measured('icp', 'mmHg', bloodGasUnits, 'Intracranial pressure from an invasive monitor, at screening.'),
  measured('cpp', 'mmHg', bloodGasUnits, 'Cerebral perfusion pressure (mean arterial pressure − intracranial pressure), at screening.'),
  measured(
    'cervical_length',
    'mm',
    [
      { unit: 'mm', factor: 1, source: SAME },
      { unit: 'cm', factor: 10, source: 'SI prefixes: 1 cm = 10 mm' },
    ],
    'Length of the uterine cervix by transvaginal ultrasound, at screening.',
  ),
  // Baumgartner et al., EAE/ASE recommendations on the echocardiographic assessment of valve stenosis, J Am Soc Echocardiogr 2009;22:1–23:
  // the mitral valve area by planimetry is the reference, by pressure half-time (220 ÷ PHT) where planimetry cannot be done.
  measured(
    'mitral_valve_area',
    'cm2',
    [
      { unit: 'cm2', factor: 1, source: SAME },
      { unit: 'mm2', factor: 0.01, source: 'SI prefixes: 1 mm² = 10⁻² cm²' },
    ],
    'Mitral valve orifice area by echocardiography, cm²: by planimetry, or by pressure half-time where planimetry cannot be done (EAE/ASE 2009), the latest before screening.',
  ),
  measured(
    'fsh',
    'IU/L',
    [
      { unit: 'iu/l', factor: 1, source: SAME },
      { unit: 'miu/ml', factor: 1, source: 'SI prefixes: 1 mIU/mL = 10⁻³ IU / 10⁻³ L = 1 IU/L' },
      { unit: 'mu/ml', factor: 1, source: 'IU and U are the same unit of FSH (WHO international standard); 1 mU/mL = 1 U/L' },
    ],
    'Serum follicle-stimulating hormone.',
  ),
  // Two facts: a QTc by Bazett and by Fridericia differ for the same ECG (Vandenberk et al., J Am Heart Assoc 2016;5:e003264).
  measured('qtc', 'ms', qtUnits, 'Heart-rate-corrected QT interval (QTc) on the screening ECG, corrected by the formula the site uses.'),
  measured('qtcf', 'ms', qtUnits, "QT interval corrected by Fridericia's formula (QTcF = QT / RR^⅓) on the screening ECG."),
  measured('sodium', 'mmol/L', monovalentIonUnits('Na⁺'), 'Serum or plasma sodium.'),
  measured(
    'uric_acid',
    'µmol/L',
    [
      { unit: 'µmol/l', factor: 1, source: SAME },
      { unit: 'mmol/l', factor: 1000, source: 'SI prefixes: 1 mmol = 1000 µmol' },
      { unit: 'mg/dl', factor: 59.48, source: 'uric acid 168.11 g/mol: 1 mg/dL = 10 mg/L ÷ 168.11 g/mol = 59.48 µmol/L' },
    ],
    'Serum uric acid (urate).',
  ),
  measured('total_cholesterol', 'mmol/L', cholesterolUnits, 'Serum total cholesterol.'),
  measured('hdl_cholesterol', 'mmol/L', cholesterolUnits, 'Serum HDL cholesterol.'),
  measured(
    'lactate',
    'mmol/L',
    [
      { unit: 'mmol/l', factor: 1, source: SAME },
      { unit: 'mg/dl', factor: 1 / 9.008, source: 'lactic acid 90.08 g/mol: 1 mmol/L = 90.08 mg/L = 9.008 mg/dL' },
    ],
    'Blood (arterial or venous) lactate, as the laboratory reports it.',
  ),
  measured(
    'fibrinogen',
    'g/L',
    [
      { unit: 'g/l', factor: 1, source: SAME },
      { unit: 'mg/dl', factor: 1e-2, source: 'SI prefixes: 1 mg/dL = 10 mg/L = 10⁻² g/L' },
    ],
    'Plasma fibrinogen (Clauss method, as the laboratory reports it).',
  ),
  measured(
    'procalcitonin',
    'ng/mL',
    [
      { unit: 'ng/ml', factor: 1, source: SAME },
      { unit: 'µg/l', factor: 1, source: 'SI prefixes: 1 µg/L = 10⁻⁶ g / L = 10⁻⁹ g / 10⁻³ L = 1 ng/mL' },
    ],
    'Serum procalcitonin.',
  ),
  {
    name: 'abi',
    type: 'number',
    unit: '',
    units: [],
    unitImplied: 'the ankle–brachial index is a ratio of two systolic pressures and has no unit (Aboyans et al., Circulation 2012;126:2890)',
    // Aboyans 2012: each leg's index is its higher ankle pressure over the higher arm pressure; the lower leg's is the patient's.
    description: "Ankle–brachial index at rest, the patient's: the lower of the two legs' indices (AHA 2012 method).",
  },
  // Left atrial size in a length is its anteroposterior diameter (ASE/EACVI chamber quantification, Lang et al., J Am Soc Echocardiogr 2015;28:1).
  measured(
    'la_diameter',
    'mm',
    [
      { unit: 'mm', factor: 1, source: SAME },
      { unit: 'cm', factor: 10, source: 'SI prefixes: 1 cm = 10 mm' },
    ],
    'Left atrial anteroposterior diameter on echocardiography (parasternal long axis), at screening.',
  ),
  measured(
    'menstrual_cycle_length',
    'days',
    [
      { unit: 'days', factor: 1, source: SAME },
      { unit: 'weeks', factor: 7, source: '7 days in a week' },
    ],
    "Average length of the patient's menstrual cycles (first day of one period to the first day of the next), in days, as she reports it.",
  ),
  // In percent, as registries write it; a volume fraction in L/L (0.45 L/L = 45 %, ICSH) is not read.
  measured('hematocrit', '%', onlyUnit('%'), 'Blood haematocrit (packed cell volume), as the laboratory reports it.'),
  // A breathalyser reports the blood-alcohol equivalent in g/100 mL, "%" (NHTSA; the 2100:1 breath-to-blood ratio is built in).
  measured('breath_alcohol', '%', onlyUnit('%'), 'Breath alcohol concentration at screening, as the breathalyser reports it (blood-alcohol equivalent, g/100 mL, %).'),
  measured(
    'ionized_calcium',
    'mmol/L',
    [
      { unit: 'mmol/l', factor: 1, source: SAME },
      { unit: 'mg/dl', factor: 0.2495, source: 'calcium 40.078 g/mol: 1 mg/dL = 10 mg/L ÷ 40.078 g/mol = 0.2495 mmol/L' },
    ],
    'Serum or blood ionized (free) calcium; not total calcium.',
  ),
  measured(
    'phosphate',
    'mmol/L',
    [
      { unit: 'mmol/l', factor: 1, source: SAME },
      { unit: 'mg/dl', factor: 0.3229, source: 'reported as phosphorus, 30.974 g/mol: 1 mg/dL = 10 mg/L ÷ 30.974 g/mol = 0.3229 mmol/L' },
    ],
    'Serum or plasma inorganic phosphate (phosphorus).',
  ),
  counted('cigarettes_per_day', 'cigarettes', 'day', 'Tobacco cigarettes the patient smokes on an average day now (0 for a non-smoker); not e-cigarettes.'),
  counted('caffeinated_drinks_per_day', 'drinks', 'day', 'Caffeinated drinks (coffee, tea, cola, energy drinks) the patient has on an average day now, as the patient counts them.'),
  // A "drink" and a UK "unit" are different amounts of ethanol (a UK unit is 8 g, NHS; a US standard drink 14 g, NIAAA): two facts.
  counted('alcohol_drinks_per_week', 'drinks', 'week', 'Alcoholic drinks the patient has in an average week now, as standard drinks the patient counts (not UK units).'),
  counted('alcohol_units_per_week', 'units', 'week', 'UK units of alcohol (8 g of ethanol each, NHS) the patient has in an average week now.'),
];

// A lexicon NumericTerm (lexicon.ts imports these; typed by shape, so that the two files do not import each other).
const numeric = (pattern: RegExp, fact: string) => ({ kind: 'numeric' as const, pattern, facts: [fact] as readonly string[] });

/** How registry phrases name these facts (the gestational age is read in measurement-forms.ts). */
export const measurementTerms = [
  numeric(/(?:resting )?heart rate(?:\s*\(\s*HR\s*\))?|\bHR\b|(?:resting )?pulse rate(?:\s*\(\s*PR\s*\))?/i, 'heart_rate'),
  numeric(/respiratory rate(?:\s*\(\s*RR\s*\))?/i, 'respiratory_rate'),
  numeric(/fasting (?:plasma |blood |serum )?glucose(?:\s*\(\s*F[PB]G\s*\))?(?: levels?| concentration)?|\bF[PB]G\b/i, 'fasting_glucose'),
  numeric(/random (?:plasma |blood |serum )?glucose(?: levels?| concentration)?/i, 'random_glucose'),
  numeric(/thyroid[- ]stimulating hormone(?:\s*\(\s*TSH\s*\))?|(?<![\w-])TSH\b/i, 'tsh'),
  // Not 1,25-dihydroxyvitamin D, a different analyte (in pmol/L). A deficiency defined by the level is the level:
  // "vitamin D deficiency by serum level <50 nmol/l" (NCT03920150).
  numeric(
    /vitamin D deficiency (?:defined )?(?:by|as) (?:a )?(?:serum |plasma )?(?:levels?|concentration)|25-?(?:hydroxy ?|\(OH\)\s*|OH[- ]?)vitamin D\d?|(?<![\w-])(?<!dihydroxy )(?:serum )?vitamin D(?: levels?)?/i,
    'vitamin_d',
  ),
  numeric(/C-reactive protein(?:\s*\(\s*CRP\s*\))?|\bCRP\b/i, 'crp'),
  // Not urine albumin (albuminuria, in mg/g of creatinine or mg/day).
  numeric(/(?<![\w-])(?<!urine |urinary )(?:serum )?albumin(?!uria)/i, 'albumin'),
  numeric(/partial pressure of arterial oxygen(?:\s*\(\s*PaO2\s*\))?|\bPaO2\b(?!\s*[:/])/i, 'pao2'),
  numeric(/partial pressure of arterial carbon dioxide(?:\s*\(\s*PaCO2\s*\))?|\bPaCO2\b/i, 'paco2'),
  numeric(/(?:serum |plasma )?bicarbonate(?:\s*-?\s*concentration)?|\bHCO3\b/i, 'bicarbonate'),
  numeric(/transferrin saturation(?:\s*\(\s*TSAT\s*\))?|\bTSAT\b/i, 'transferrin_saturation'),
  numeric(/prothrombin (?:time )?activity|prothrombin index|Quick(?:'s)? (?:value|test)/i, 'prothrombin_activity'),
  // Not the FEV1/FVC ratio.
  numeric(/(?:forced expiratory volume in (?:1|one) second\s*\(\s*FEV1\s*\)|\bFEV1\b)(?:\s*%\s*predicted|\s*\(\s*% predicted\s*\))?(?!\s*(?:\(|\/))/i, 'fev1_predicted'),
  numeric(/apn(?:o)?ea[- ]hypopn(?:o)?ea index(?:\s*\(\s*AHI\s*\))?(?:\s*AHI\b)?|\bAHI\b/i, 'ahi'),
  numeric(/(?:serum )?ferritin(?: levels?)?/i, 'ferritin'),
  numeric(/full[- ]mouth plaque score(?:\s*\(\s*FMPS\s*\))?|\bFMPS\b/i, 'fmps'),
  numeric(/full[- ]mouth bleeding score(?:\s*\(\s*FMBS\s*\))?|\bFMBS\b/i, 'fmbs'),
  // Not a pre-stroke or premorbid Rankin score, which is before an event.
  numeric(/(?<!pre-stroke |pre-morbid |premorbid )(?:modified Rankin Scale(?:\s*\(\s*mRS\s*\))?|\bmRS\b)(?: score)?/i, 'mrs'),
  // Not a verbal or performance IQ, which are parts of it.
  numeric(/(?<!verbal |performance |non-?verbal |Shipley )(?:estimated )?(?:full[- ]scale )?(?:\bIQ\b|intelligence quotient)(?:\s*\(\s*(?:FS)?IQ\s*\))?/i, 'iq'),
  numeric(/Edinburgh Postnatal Depression Scale(?:\s*\(\s*EPDS\s*\))?(?: score)?|\bEPDS\b(?: score)?/i, 'epds'),
  numeric(/Child[- ]Pugh(?:[- ]Turcotte)? score|\bChild score/i, 'child_pugh'),
  numeric(/(?:modified )?Mallampati(?: score| class| grade)?/i, 'mallampati'),
  numeric(/STOP-?BANG(?: questionnaire)?(?: score)?/i, 'stop_bang'),
  numeric(/(?<![\w-])(?:Montreal Cognitive Assessment(?:\s*\(\s*MoCA\s*\))?|MoCA)(?: score)?/i, 'moca'),
  numeric(/Expanded Disability Status Scale(?:\s*\(\s*EDSS\s*\))?(?: score)?|\bEDSS\b(?: score)?/i, 'edss'),
  numeric(/Hoehn (?:and|&) Yahr(?:\s*\(\s*H&Y\s*\))?(?: (?:score|stage))?/i, 'hoehn_yahr'),
  numeric(/Patient Health Questionnaire[- ]?9?\s*\(\s*PHQ-?9\s*\)(?: for depression)?(?: score)?|\bPHQ-?9\b(?: score)?/i, 'phq9'),
  numeric(/Patient Health Questionnaire[- ]?8?\s*\(\s*PHQ-?8\s*\)(?: score)?|\bPHQ-?8\b(?: score)?/i, 'phq8'),
  numeric(/(?:Generali[sz]ed Anxiety Disorder[- ]?7?\s*\(\s*GAD-?7\s*\)|\bGAD-?7\b)(?: scale| questionnaire)?(?: score)?/i, 'gad7'),
  // "HAM-A" with its hyphen: "HAMA" is also human anti-mouse antibodies.
  numeric(/(?:Hamilton Anxiety (?:Rating )?Scale(?:\s*\(\s*HAM-?A\s*\))?|\bHAM-A\b)(?: total)?(?: score)?/i, 'ham_a'),
  numeric(/(?:Anxiety Sensitivity Index[- ]?3?\s*\(\s*ASI-3\s*\)|\bASI-3\b)(?: total)?(?: score)?/i, 'asi3'),
  // Not "OASIS" alone, also the name of a home-health data set.
  numeric(/Overall Anxiety Severity and Impairment Scale(?:\s*\(\s*OASIS\s*\))?(?: total)?(?: score)?/i, 'oasis'),
  // The full name only: the lexicon matches case-insensitively, and "tics" is also a word (Tourette syndrome).
  numeric(/(?<!modified )Telephone Interview for Cognitive Status(?:\s*\(\s*TICS\s*\))?(?![- ]?(?:m\b|modified))(?: score)?/i, 'tics'),
  // Not "CFS" alone, also chronic fatigue syndrome.
  numeric(/Clinical Frailty (?:Scale|Score)(?:\s*\(\s*CFS\s*\))?(?: score)?/i, 'clinical_frailty'),
  numeric(/(?:Myasthenia Gravis[- ]Activities of Daily Living(?:\s*\(\s*MG-ADL\s*\))?|\bMG-ADL\b)(?: profile| total score| score)?/i, 'mg_adl'),
  numeric(/ARISCAT(?: predictive| risk)? score/i, 'ariscat'),
  numeric(/(?<!modified )Bishop(?:'s)? score/i, 'bishop'),
  // The lexicon reads "life expectancy"; "expected survival" is the same estimate in other words.
  numeric(/(?<!median )expected survival(?: duration| time)?/i, 'life_expectancy'),
  // Not urinary sodium, nor a drug's salt ("sodium valproate"): the blood value by name or with its level.
  numeric(/(?:serum |plasma |blood )sodium(?:\s*\(\s*Na\+?\s*\))?(?: levels?| concentration)?|(?<![\w-])sodium (?:levels?|concentration)/i, 'sodium'),
  // Not urinary uric acid, nor "urate-lowering therapy".
  // "UA" alone is also urinalysis: read only as the value defining hyperuricaemia, "Hyperuricemic (UA >= 5.5 mg/dL)" (NCT03865407).
  numeric(
    /(?<![\w-])(?<!urine |urinary )(?:serum |plasma |blood )?(?:uric acid|urate)(?![- ]lowering)(?:\s*\(\s*S?UA\s*\))?(?: levels?| concentration)?|(?<=\bhyperuric(?:a)?emi(?:a|c)\s*\(\s*)S?UA\b/i,
    'uric_acid',
  ),
  numeric(/(?:total|serum|blood|plasma) cholesterol(?:\s*\(\s*T?C\s*\))?(?: levels?)?/i, 'total_cholesterol'),
  numeric(/high[- ]density lipoprotein(?: cholesterol)?(?:\s*\(\s*HDL(?:-C)?\s*\))?|(?<!non[- ]?)\bHDL(?:-C| cholesterol)?\b/i, 'hdl_cholesterol'),
  // Not lactate dehydrogenase, nor Ringer's lactate (an infusion).
  numeric(/(?<![\w-])(?<!Ringer's |Ringer )(?:serum |plasma |blood |arterial )?(?:lactate|lactic acid)(?! dehydrogenase)(?: levels?| concentration)?/i, 'lactate'),
  // Not fibrinogen concentrate (a treatment).
  numeric(/(?:plasma )?fibrinogen(?! concentrate)(?: levels?| concentration)?/i, 'fibrinogen'),
  numeric(/procalcitonin(?:\s*\(\s*PCT\s*\))?(?: levels?)?/i, 'procalcitonin'),
  numeric(/follicle[- ]stimulating hormone(?:\s*\(\s*FSH\s*\))?|(?<![\w-])FSH\b/i, 'fsh'),
  // A limit written per sex ("QTc values >440 ms (men) and >450 ms (women)", NCT03868657) holds for one sex only: not read.
  numeric(/(?:\bQTcF\b|\bQTc\s*\(\s*Fridericia\s*\)|Fridericia[- ]corrected QT(?: interval)?(?:\s*\(\s*QTcF\s*\))?)(?![^;]*\b(?:men|women|males?|females?)\b)/i, 'qtcf'),
  numeric(/(?:corrected QT(?: interval)?(?:\s*\(\s*QTc\s*\))?|\bQTc\b(?!\s*\())(?: interval)?(?![^;]*\b(?:men|women|males?|females?|Fridericia|Bazett)\b)/i, 'qtc'),
  numeric(/intracranial pressure(?:\s*\(\s*ICP\s*\))?|\bICP\b/i, 'icp'),
  numeric(/cerebral perfusion pressure(?:\s*\(\s*CPP\s*\))?|\bCPP\b/i, 'cpp'),
  // Mean sitting systolic or diastolic pressure, the mean of the seated readings at a visit (measurement-forms.ts reads
  // "145 mmHg ≤ msSBP ≤ 190 mmHg", NCT03860220); "sSBP" alone is not read.
  numeric(/\bmsSBP\b/i, 'systolic_bp'),
  numeric(/\bmsDBP\b/i, 'diastolic_bp'),
  // "Glasco coma score more than 8" (NCT03921112): Glasgow misspelt; the lexicon reads the Glasgow Coma Scale by its name.
  numeric(/Glasco coma (?:scale|score)(?:\s*\(\s*GCS\s*\))?/i, 'gcs'),
  // The average or a length named: not "Irregular menstrual cycle" (a condition), nor a cycle day ("day 2-5 of the cycle").
  numeric(/(?:average|mean) (?:menstrual )?cycle(?: length)?(?!\s*days?\b)|menstrual cycle length/i, 'menstrual_cycle_length'),
  // Not "HCT" alone, also a haematopoietic cell transplantation.
  numeric(/(?<![\w-])ha?ematocrit\b(?:\s*\(\s*Hct\s*\))?(?: levels?)?/i, 'hematocrit'),
  numeric(/breath alcohol(?: concentration| level| content)?(?:\s*\(\s*BrAC\s*\))?|\bBrAC\b/i, 'breath_alcohol'),
  // Not "LAD", also the left anterior descending artery; a volume (mL, mL/m²) is not accepted.
  numeric(/left atri(?:um|al)(?: anteroposterior)? (?:size|diameter|dimension)/i, 'la_diameter'),
  // Signed limits ("> 1 or < -1") are read in measurement-forms.ts; the lexicon reads the others.
  numeric(/Richmond Agitation[- ](?:and[- ])?Sedation Scale(?:\s*\(\s*RASS\s*\))?(?: score)?|\bRASS\b(?: score)?/i, 'rass'),
  numeric(/ankle[- ]brachial (?:pressure )?index(?:\s*\(\s*ABI\s*\))?|(?<![\w-])ABI\b/i, 'abi'),
  // "Ionized" named: total calcium is another value; not calcium channel blockers or supplements.
  numeric(/(?:serum |plasma |blood |whole blood )?ioni[sz]ed calcium(?:\s*\(\s*i?Ca(?:\+\+|2\+)?\s*\))?(?: levels?| concentration)?/i, 'ionized_calcium'),
  // Named as a blood value: not phosphate binders, nor "phosphate and tensin homolog" (PTEN), nor alkaline phosphatase.
  numeric(/(?:serum|plasma|blood) (?:inorganic )?(?:phosphate|phosphorus)(?: levels?| concentration)?|(?<![\w-])(?:phosphate|phosphorus) (?:levels?|concentration)/i, 'phosphate'),
  numeric(/(?:transvaginal )?cervical length(?:\s*\(\s*CL\s*\))?/i, 'cervical_length'),
  // Not "MVA" alone, also a motor vehicle accident.
  numeric(/mitral (?:valve )?(?:orifice )?area(?:\s*\(\s*MVA\s*\))?/i, 'mitral_valve_area'),
];
