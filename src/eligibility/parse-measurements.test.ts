import { describe, expect, it } from 'vitest';
import { compileCriteria, NO, YES } from './compile.js';
import { evaluateEligibility } from './evaluate.js';
import { formatExpr, type Criterion, type Side } from './expression.js';
import { exc, inc } from './parse-expect.test-helper.js';
import { parseCriterionLine } from './parse-line.js';
import { readFacts } from './patient-facts.js';
import { screenCsv, type ScreenResult, type ScreenRowError } from './screen.js';
import { toSql } from './to-sql.js';

/**
 * The measurement facts of measurement-facts.ts and the forms of measurement-forms.ts, pinned with
 * lines of the development corpus (NCT number given) or written here. Readings are worked out by
 * hand: an inclusion's computable part is necessary, an exclusion's sufficient.
 */
const reads = (side: Side, text: string): string => formatExpr(parseCriterionLine('x', side, text).expr);
const truth = (side: Side, text: string, facts: Record<string, unknown>) => compileCriteria([parseCriterionLine('x', side, text)], { screening: '2024-06-01' })[0]!.root.test(readFacts(facts));

describe('the gestational age: of a pregnancy now, or the patient’s own at birth', () => {
  it('a pregnancy, named by the line, in completed weeks', () => {
    // NCT03865901: "at the Screening Visit" is the pregnancy now; 24-28 inclusive for an inclusion.
    const ga = inc('Has confirmed gestational age of 24-28 weeks at the Screening Visit');
    expect(ga.computability).toBe('computable');
    expect(formatExpr(ga.expr)).toBe('gestational_age ≥ 24 weeks and gestational_age ≤ 28 weeks');
    // NCT03861520: the range in parentheses, "between" before it.
    expect(reads('inclusion', 'pregnant woman between (16-24) weeks of gestation.')).toMatch(/^sex = female and gestational_age ≥ 16 weeks and gestational_age ≤ 24 weeks\b/);
  });
  it('the patient’s own birth: born, infant, neonate', () => {
    // NCT03928457
    expect(reads('inclusion', 'preterm neonates born at 26 to 34 weeks of gestational age')).toBe(
      'gestational_age_at_birth ≥ 26 weeks and gestational_age_at_birth ≤ 34 weeks and attested: "preterm neonates born at"',
    );
    // From NCT03927833: an exclusion's upper limit, as written.
    expect(reads('exclusion', 'Infant is < 27 weeks gestation at birth')).toBe('gestational_age_at_birth < 27 weeks and attested: "Infant is"');
  });
  it('stays attested when whose, or when, is not said, or when days are given', () => {
    // NCT03860428: no word says whether a pregnancy or a birth is meant.
    expect(inc('Gestational age < 32 weeks').notComputable).toMatch(/pregnancy now or the patient's own at birth/);
    // NCT03920098: a past preterm birth of the mother, not the patient's birth nor the pregnancy now.
    expect(exc('Pregnant women with pre-eclampsia or with preterm birth (less than 37 weeks of gestational age) will be also excluded').computability).toBe('attested');
    // NCT03864549: the gestational age at the diagnosis.
    expect(exc('GDM diagnosed ≥ 33 gestational weeks').notComputable).toMatch(/at another event/);
    // NCT03868787: 23 weeks 6 days is not a whole number of completed weeks.
    expect(inc('Pregnant women, gestational age between 14 weeks and 23 weeks 6 days').notComputable).toMatch(/weeks and days/);
    // Written here: a previous delivery.
    expect(exc('History of preterm delivery (< 37 weeks gestation)').computability).toBe('attested');
  });
});

describe('a blood pressure pair: "either" for an inclusion, "both" for an exclusion', () => {
  it('reads the systolic over the diastolic limit', () => {
    // NCT03920436: both above is sufficient whether the text meant "and" or "or".
    const bp = exc('uncontrolled hypertension (BP > 160/100 mmHg)');
    expect(bp.computability).toBe('computable');
    expect(formatExpr(bp.expr)).toBe('systolic_bp > 160 mmhg and diastolic_bp > 100 mmhg');
    // NCT03921086: the limit defines "severe hypertension".
    expect(reads('exclusion', 'Patients with severe hypertension (>180/110 mmHg) as defined by the South African Hypertension Practice Guideline 2014')).toMatch(
      /^systolic_bp > 180 mmhg and diastolic_bp > 110 mmhg and attested: "Patients as defined/,
    );
    // Written here: an inclusion needs only one of them (necessary whether "and" or "or" was meant).
    expect(reads('inclusion', 'Resting blood pressure ≥ 140/90 mmHg')).toBe('systolic_bp ≥ 140 mmhg or diastolic_bp ≥ 90 mmhg');
    // From NCT03928691: the operator after the pair.
    expect(reads('exclusion', 'blood pressure 160/110 mmHg or more')).toBe('systolic_bp ≥ 160 mmhg and diastolic_bp ≥ 110 mmhg');
  });
  it('each limit before its name: "and/or" either, "and" both', () => {
    expect(reads('exclusion', 'Hypertension (≥140 mmHg systolic and/or ≥90 mmHg diastolic)')).toBe('systolic_bp ≥ 140 mmhg or diastolic_bp ≥ 90 mmhg'); // NCT03866512
    // NCT03862183: the pair is one of two alternatives ("2) for patients with normal BP …"), so it is not read.
    const line =
      'Diagnosed as hypertension. Diagnostic criteria: 1)The office BP measured at the day of visit and at least one time before that day were above the cut-off values ( ≥140 mmHg SBP and/or ≥90 mmHg DBP); 2)for patients with normal BP at the day of visit, they should have already been given pre-treatment with antihypertensive drugs ≥ 2 weeks.';
    expect(reads('inclusion', line)).not.toMatch(/systolic_bp/);
  });
  it('stays attested without the unit, or for a goal', () => {
    expect(inc('have a resting blood pressure of > 140/90.').notComputable).toMatch(/unit of the blood pressure limit is not stated/); // NCT03865433
    expect(exc('long-term BP goal ≥ 130/80 mmHg according to clinical team').computability).toBe('attested'); // NCT03923790
  });
  it('the systolic and diastolic pressures written after "blood pressure"', () => {
    // NCT03867344
    expect(reads('exclusion', 'Blood pressure systolic ≥140 or <100 mmHg; Blood pressure diastolic >90 mmHg')).toBe('systolic_bp ≥ 140 mmhg or systolic_bp < 100 mmhg or diastolic_bp > 90 mmhg');
  });
});

describe('vital signs', () => {
  it('heart and respiratory rate, per minute', () => {
    expect(reads('inclusion', 'Systolic blood pressure < 150 mmHg, HR < 100 beats/min')).toBe('systolic_bp < 150 mmhg and heart_rate < 100 beats/min'); // NCT03861377
    expect(reads('inclusion', 'Respiratory rate > 25 breaths/minute;')).toBe('respiratory_rate > 25 breaths/min'); // NCT03865056
    expect(reads('inclusion', 'Resting heart rate 50-100 bpm')).toBe('heart_rate ≥ 50 beats/min and heart_rate ≤ 100 beats/min');
    // A hormone-receptor "HR" has no rate unit: nothing is read.
    expect(inc('HR ≥ 2 in HR-positive cancer').computability).toBe('attested');
  });
});

describe('laboratory values, converted to the canonical unit when evaluated', () => {
  it('fasting and random glucose; mg/dL ÷ 18.016 = mmol/L', () => {
    // NCT03868592: 126 mg/dL ÷ 18.016 = 6.9938 mmol/L.
    const line = 'Type 1 or Type 2 Diabetes diagnosis or fasting plasma glucose ≥126 mg/dL';
    expect(reads('exclusion', line)).toBe('diagnoses has type-1-diabetes or diagnoses has type-2-diabetes or fasting_glucose ≥ 126 mg/dl');
    expect(truth('exclusion', 'fasting plasma glucose ≥126 mg/dL', { fasting_glucose: 7.0 })).toBe(YES);
    expect(truth('exclusion', 'fasting plasma glucose ≥126 mg/dL', { fasting_glucose: 6.99 })).toBe(NO);
    // A patient's value in mg/dL: 125 mg/dL = 6.9383 mmol/L < 6.9938.
    expect(truth('exclusion', 'fasting plasma glucose ≥126 mg/dL', { fasting_glucose: '125 mg/dL' })).toBe(NO);
    // NCT03864432: "～" is a range; inclusive for an inclusion.
    expect(reads('inclusion', 'Subjects with a fasting plasma glucose (FPG) of 70～110mg/dL (inclusive of limits) at the time of screening')).toMatch(
      /^fasting_glucose ≥ 70 mg\/dl and fasting_glucose ≤ 110 mg\/dl and attested/,
    );
    expect(reads('exclusion', 'Random blood Glucose concentration above 7.8mmol/l')).toBe('random_glucose > 7.8 mmol/l'); // NCT03864562
    // NCT03861546: "FBG of >100" gives no unit, so no glucose is read.
    expect(reads('inclusion', '2-hour post-load glucose of >140, or FBG of >100')).not.toMatch(/fasting_glucose/);
  });
  it('TSH in mIU/L (= mU/L = µIU/mL); not in mIU/mL', () => {
    // NCT03926585
    expect(reads('exclusion', 'Initiation of L-thyroxine treatment in patients with s-TSH below upper normal limit (with assay in current use, that is TSH < 4 mU/L)')).toMatch(
      /^tsh < 4 mu\/l and attested/,
    );
    // 1 µIU/mL = 10⁻⁶ IU / 10⁻³ L = 1 mIU/L, so > 10 µIU/mL is > 10 mIU/L.
    expect(truth('exclusion', 'TSH > 10 µIU/mL', { tsh: 10.5 })).toBe(YES);
    expect(truth('exclusion', 'TSH > 10 µIU/mL', { tsh: 10 })).toBe(NO);
    // NCT03864068: mIU/mL (1000 × mIU/L) is surely a slip; not read.
    expect(inc('TSH less than 0.45 mIU/mL or greater than 4.5 MIU/mL').computability).toBe('attested');
  });
  it('25-hydroxyvitamin D, CRP, albumin', () => {
    // 20 ng/mL × 2.496 = 49.92 nmol/L.
    expect(truth('exclusion', '25-OH vitamin D < 20 ng/mL', { vitamin_d: 49.9 })).toBe(YES);
    expect(truth('exclusion', '25-OH vitamin D < 20 ng/mL', { vitamin_d: 50 })).toBe(NO);
    expect(inc('1,25-dihydroxyvitamin D > 40 pg/mL').computability).toBe('attested');
    // NCT03920150: the deficiency is defined by the level, so it is the level (once attested, now read).
    expect(reads('inclusion', 'vitamin D deficiency by serum level <50 nmol/l')).toBe('vitamin_d < 50 nmol/l');
    expect(inc('vitamin D deficiency by serum level <20').computability).toBe('attested'); // no unit
    // NCT03861637
    expect(reads('exclusion', 'Acute or chronic systemic inflammatory disease and/or C-reactive protein (CRP) >30 mg/L,')).toBe(
      'crp > 30 mg/l or attested: "Acute or chronic systemic inflammatory disease and/or"',
    );
    // 1 mg/dL = 10 mg/L; 3.0 g/dL = 30 g/L.
    expect(truth('exclusion', 'CRP > 1 mg/dL', { crp: 10.5 })).toBe(YES);
    expect(truth('exclusion', 'serum albumin < 3.0 g/dL', { albumin: 29 })).toBe(YES);
    expect(truth('exclusion', 'serum albumin < 3.0 g/dL', { albumin: 30 })).toBe(NO);
    expect(inc('Serum albumin less than 30 without liver or renal dysfunction').notComputable).toMatch(/unit of the albumin limit is not stated/); // NCT03863236
    expect(exc('urine albumin > 30 mg/dL').computability).toBe('attested');
  });
  it('blood gases in mmHg or kPa (1 kPa = 7.50062 mmHg), bicarbonate, transferrin saturation, prothrombin activity', () => {
    expect(reads('inclusion', 'Partial pressure of arterial carbon dioxide (PaCO2) ≤ 45 mmHg;')).toBe('paco2 ≤ 45 mmhg'); // NCT03865056
    // 8 kPa × 7.50062 = 60.005 mmHg.
    expect(truth('inclusion', 'PaO2 ≥ 8 kPa', { pao2: 60 })).toBe(NO);
    expect(truth('inclusion', 'PaO2 ≥ 8 kPa', { pao2: 60.1 })).toBe(YES);
    expect(inc('PaO2:FiO2 ≤ 300').computability).toBe('attested');
    expect(reads('inclusion', 'Bicarbonate - Concentration ≥ 27 mmol/L')).toBe('bicarbonate ≥ 27 mmol/l'); // NCT03861468
    expect(reads('inclusion', 'Transferrin saturation (TSAT) ≥20% (during the screening phase),')).toBe('transferrin_saturation ≥ 20 % and attested: "during the screening phase"'); // NCT03861637
    expect(reads('inclusion', 'Prothrombin time activity < 40% or prothrombin time international ratio > 1.5；')).toBe('prothrombin_activity < 40 % or inr > 1.5'); // NCT03920618
  });
  it('FEV1 in % of predicted, not the FEV1/FVC ratio', () => {
    expect(reads('inclusion', 'FEV1 ≥ 70% of the predicted value;')).toBe('fev1_predicted ≥ 70 % and attested: "of the predicted value"'); // NCT03928561
    expect(inc('FEV1/FVC < 0.7').computability).toBe('attested');
  });
});

describe('scores, which have no unit', () => {
  it('AHI, EDSS, Hoehn and Yahr, PHQ-9, MoCA (not the telephone T-MoCA)', () => {
    expect(reads('inclusion', 'Moderate to severe OSA (AHI>15 )')).toBe('ahi > 15 events/h and attested: "Moderate"'); // NCT03929549
    expect(reads('inclusion', 'Expanded Disability Status Scale (EDSS) between 0 and 6.5 ;')).toBe('edss ≥ 0 and edss ≤ 6.5'); // NCT03928990
    // NCT03864393: the stage limit defines "mild to moderate".
    expect(reads('inclusion', "diagnosis of idiopathic Parkinson's Disease, mild to moderate (Hoehn and Yahr score less than or equal to 3)")).toBe(
      'diagnoses has idiopathic-parkinson-disease and hoehn_yahr ≤ 3',
    );
    expect(reads('exclusion', 'Patient Health Questionnaire (PHQ9) for depression score ≥15')).toBe('phq9 ≥ 15'); // NCT03867344
    expect(reads('exclusion', 'MoCA score < 26')).toBe('moca < 26');
    expect(exc('Low T-MoCA score (<20) and absence of an available legal guardian who can accompany the participant through all phases of the study.').computability).toBe('attested'); // NCT03866564
  });
});

describe('more scores and values the corpus compares', () => {
  it('mRS (not pre-stroke), IQ (not verbal), EPDS, Child-Pugh, Mallampati, STOP-Bang', () => {
    expect(reads('exclusion', 'modified Rankin scale > 4 at the time of enrollment (severe disability)')).toMatch(/^mrs > 4 and attested/); // NCT03923790
    expect(exc('History of symptomatic cerebral infarct with functional deficit (pre-stroke modified Rankin Scale score ≥1)').computability).toBe('attested'); // NCT03923439
    expect(reads('exclusion', 'IQ < 70.')).toBe('iq < 70'); // NCT03861858
    expect(reads('inclusion', 'Estimated full-scale IQ greater than 75')).toBe('iq > 75'); // NCT03927612
    expect(inc('Verbal intelligence quotient > 85').computability).toBe('attested'); // NCT03868358
    expect(reads('inclusion', 'Presence of prenatal depression (EPDS score ≥10);')).toBe('epds ≥ 10'); // NCT03927378
    expect(reads('exclusion', 'Child score more than 6.')).toBe('child_pugh > 6'); // NCT03925701
    expect(reads('exclusion', 'Mallampati score> 3')).toBe('mallampati > 3'); // NCT03923075
    expect(reads('inclusion', 'STOP-BANG score ≥ 3')).toBe('stop_bang ≥ 3'); // NCT03861468
  });
  it('full-mouth plaque and bleeding scores, ferritin, the NYHA class in digits, a count per µL', () => {
    // NCT03862534: one limit for both scores, "and": each of them.
    expect(reads('inclusion', 'Full-mouth plaque score (FMPS) and full-mouth bleeding score (FMBS) ≤ 10% (measured at four sites per tooth).')).toBe(
      'fmps ≤ 10 % and fmbs ≤ 10 % and attested: "measured at four sites per tooth"',
    );
    // NCT03861637: 1 ng/mL = 1 µg/L.
    expect(truth('inclusion', 'serum ferritin ≥100 ng/mL', { ferritin: 100 })).toBe(YES);
    expect(reads('exclusion', 'Has New York Heart Association heart failure classification of >2')).toBe('nyha_class > 2 class'); // NCT03862807
    expect(reads('exclusion', 'heart insufficiency NYHA >2')).toBe('nyha_class > 2 class and attested: "heart insufficiency"'); // NCT03920930
    // NCT03866200: 50,000 per µL = 50,000 × 10⁻³ × 10⁹/L = 50 × 10⁹/L.
    expect(truth('exclusion', 'Platelet count below 50,000 per ul', { platelets: 49 })).toBe(YES);
    expect(truth('exclusion', 'Platelet count below 50,000 per ul', { platelets: 50 })).toBe(NO);
  });
  it('the birth weight: the patient’s own, unless a mother or pregnancy is named', () => {
    // NCT03860428: 1500 g = 1.5 kg.
    expect(reads('inclusion', 'Birthweight <1500 g')).toBe('birth_weight < 1500 g');
    expect(truth('inclusion', 'Birthweight <1500 g', { birth_weight: 1.49 })).toBe(YES);
    expect(truth('inclusion', 'Birthweight <1500 g', { birth_weight: '1500 g' })).toBe(NO);
    expect(inc('Mothers of infants with birth weight < 2500 g').notComputable).toMatch(/baby/);
  });
});

describe('comparison forms', () => {
  it('a spaced unit slash, a result, "with values between"', () => {
    expect(reads('exclusion', 'Subjects with BMI ≥30 or <25 kg /m2')).toBe('bmi ≥ 30 kg/m2 or bmi < 25 kg/m2'); // NCT03921580
    expect(reads('inclusion', 'A1c result ≥8.0% and ≤12.0%')).toBe('hba1c ≥ 8 % and hba1c ≤ 12 %'); // NCT03865381
    // NCT03925909: inclusive for an inclusion, exclusive for an exclusion.
    expect(reads('inclusion', 'Glycated hemoglobin with values between 5.7 and 6.4%')).toBe('hba1c ≥ 5.7 % and hba1c ≤ 6.4 %');
    expect(reads('exclusion', 'Glycated hemoglobin with values between 5.7 and 6.4%')).toBe('hba1c > 5.7 % and hba1c < 6.4 %');
  });
});

describe('the screening engines take the new facts', () => {
  const criteria: Criterion[] = [
    parseCriterionLine('inc-1', 'inclusion', 'Has confirmed gestational age of 24-28 weeks at the Screening Visit'),
    parseCriterionLine('exc-1', 'exclusion', 'fasting plasma glucose ≥126 mg/dL'),
    parseCriterionLine('exc-2', 'exclusion', 'uncontrolled hypertension (BP > 160/100 mmHg)'),
    parseCriterionLine('exc-3', 'exclusion', 'PaO2 < 8 kPa'),
  ];
  const ref = { screening: '2024-06-01' };
  const header = ['patient_id', 'gestational_age', 'fasting_glucose', 'systolic_bp', 'diastolic_bp', 'pao2'];
  const rows = [
    ['p1', '26', '6.5', '150', '95', '80'], // eligible
    ['p2', '26', '130 mg/dL', '150', '95', '80'], // 130 mg/dL = 7.216 mmol/L ≥ 6.994: excluded
    ['p3', '29', '6.5', '170', '105', '59'], // 29 weeks; both pressures above; 59 < 60.005 mmHg: ineligible
    ['p4', '25', '', '170', '95', '80'], // glucose missing: incomplete
  ];
  it('the CSV screener and one-patient evaluation agree, and decide as worked out by hand', () => {
    const out: (ScreenResult | ScreenRowError)[] = [];
    const s = screenCsv(criteria, ref, { onResult: (r) => out.push(r) });
    s.push(new TextEncoder().encode(`${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`));
    s.end();
    expect(out.map((r) => (r.kind === 'result' ? r.status : r.kind))).toEqual(['eligible', 'ineligible', 'ineligible', 'incomplete']);
    rows.forEach((row, i) => {
      const one = evaluateEligibility(criteria, readFacts(Object.fromEntries(header.slice(1).map((h, k) => [h, row[k + 1]]))), ref);
      expect(out[i]).toMatchObject({ status: one.status, failed: one.failed });
    });
    expect(out[2]).toMatchObject({ failed: ['inc-1', 'exc-2', 'exc-3'] });
  });
  it('the SQL query compares in the canonical unit', () => {
    const sql = toSql(criteria, ref).criteria.map((c) => c.sql);
    expect(sql[1]).toBe(`("fasting_glucose" >= ${126 / 18.016})`);
    expect(sql[2]).toBe('(("systolic_bp" > 160) AND ("diastolic_bp" > 100))');
    expect(sql[3]).toBe(`("pao2" < ${8 * 7.50062})`);
  });
});
