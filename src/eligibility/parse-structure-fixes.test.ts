import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { attested, exc, inc } from './parse-expect.test-helper.js';
import { parseCriteriaText } from './parse-criteria.js';

/** Corpus structures (lists under a lead line, group headings) and lines whose readings contradicted the text. */
const readings = (text: string) => parseCriteriaText(text).criteria.map((c) => [c.side, c.text, c.computability, formatExpr(c.expr)]);
const reasons = (text: string) => parseCriteriaText(text).criteria.map((c) => [c.text, c.notComputable]);

describe('items under a line that opens a list', () => {
  it('examples under "… such as" are alternatives, none of them required (NCT03868436)', () => {
    // Pain from a fracture admits the patient; "Burns" was read as required.
    const text =
      'Inclusion Criteria:\n  1. Conscious adult patients: ≥ 18 years of age\n  2. Moderate to severe pain associated with trauma (NRS0-10 ≥ 4) which is unlikely to require surgery/hospitalization, such as\n       -  Fractures\n       -  Burns\n  3. Patient is able to follow all study requirements';
    const burns = parseCriteriaText(text).criteria.find((c) => c.text === 'Burns')!;
    expect(burns.computability).toBe('attested');
    expect(burns.notComputable).toMatch(/one item of a list under "Moderate to severe pain .*", which may be alternatives/);
  });

  it('bullets under an unbulleted lead that counts them ("≥2 of the following") are each not required (NCT03860246)', () => {
    const text = 'Inclusion Criteria:\nNursing home residents with ≥2 of the following risk factors for atrial fibrillation:\n  -  age ≥75 years\n  -  female sex\n  -  hypertension';
    // No item is required alone: each line is the count of all three (items-together.ts), any two of them.
    const pairs = '(age ≥ 75 years and sex = female) or (age ≥ 75 years and diagnoses has hypertension) or (sex = female and diagnoses has hypertension)';
    // The lead's own words (nursing home residents) are a criterion of their own, for a person.
    const lead = 'attested: "Nursing home residents with ≥2 of the following risk factors for atrial fibrillation:"';
    expect(readings(text).map((r) => [r[2], r[3]])).toEqual([
      ['attested', lead],
      ['computable', pairs],
      ['computable', pairs],
      ['computable', pairs],
    ]);
  });

  it('"fulfilling any of the following:" makes its items alternatives (NCT03924609)', () => {
    const text =
      'Inclusion Criteria:\nB. Histologically confirmed breast cancer patients, fulfilling any of the following:\n  1. Multiple bone metastases indicated by bone scan\n  5. Histologically proven bone metastases';
    // Neither is required alone; together they are the alternatives, which only a person can decide here.
    const either = 'attested: "Multiple bone metastases indicated by bone scan" or (diagnoses has bone-metastases and attested: "Histologically proven")';
    expect(readings(text).map((r) => [r[2], r[3]])).toEqual([
      ['attested', 'attested: "B. Histologically confirmed breast cancer patients, fulfilling any of the following:"'],
      ['partly-computable', either],
      ['partly-computable', either],
    ]);
  });

  it('in an exclusion, items counted together ("≥2 of 6 … signs") are not each enough; an inclusion lead saying all holds keeps its items (NCT03923140)', () => {
    const text =
      'Inclusion Criteria:\n  -  All patients must meet the following diagnostic criteria of CAPS\n       1. Age ≥ 18 years\nExclusion Criteria:\n  -  ≥2 of 6 CAPS typical signs/symptoms:\n       1. Pregnancy\n       2. Sensorineural hearing loss;';
    expect(readings(text).map((r) => [r[1], r[2]])).toEqual([
      ['All patients must meet the following diagnostic criteria of CAPS', 'attested'],
      ['Age ≥ 18 years', 'computable'],
      ['≥2 of 6 CAPS typical signs/symptoms:', 'attested'],
      ['Pregnancy', 'attested'],
      ['Sensorineural hearing loss;', 'attested'],
    ]);
  });

  it('in an exclusion, each item of "any of the following" or of a plain lead is enough alone (NCT03923140, NCT03869593)', () => {
    expect(readings('Exclusion Criteria:\n  -  Patients will not be included if meets any of the following criteria:\n       2. Pregnant and lactating women')[1]).toEqual([
      'exclusion',
      'Pregnant and lactating women',
      'computable',
      // Pregnant women and lactating women are each excluded.
      'pregnant or breastfeeding',
    ]);
    expect(readings('Exclusion Criteria:\n  -  Immunocompromised patient defined by:\n       -  chemotherapy-induced neutropenia\n  -  Pregnancy')[2]).toEqual([
      'exclusion',
      'Pregnancy',
      'computable',
      'pregnant',
    ]);
  });

  it('a bullet "At least one of the following:" over bullets at its own depth opens a list over them too', () => {
    // Constructed: the flattened form of the brief's shape (no corpus section has it); the list runs to the next note.
    const text =
      'Inclusion Criteria:\n  -  Age ≥ 18 years\n  -  At least one of the following:\n  -  Hypertension\n  -  Diabetes\nExclusion Criteria:\n  -  Any of the following:\n  -  Pregnancy\n  -  Two or more of the following:\n  -  Hypertension\n  -  Diabetes';
    expect(readings(text).map((r) => [r[1], r[2]])).toEqual([
      ['Age ≥ 18 years', 'computable'],
      ['At least one of the following:', 'attested'],
      ['Hypertension', 'computable'],
      ['Diabetes', 'computable'],
      ['Any of the following:', 'attested'],
      ['Pregnancy', 'computable'],
      ['Two or more of the following:', 'attested'],
      ['Hypertension', 'computable'],
      ['Diabetes', 'computable'],
    ]);
    // Read together (items-together.ts): either one admits; only both exclude.
    expect(
      readings(text)
        .map((r) => r[3])
        .filter((_, i) => [2, 3, 7, 8].includes(i)),
    ).toEqual([
      'diagnoses has hypertension or diagnoses has diabetes',
      'diagnoses has hypertension or diagnoses has diabetes',
      'diagnoses has hypertension and diagnoses has diabetes',
      'diagnoses has hypertension and diagnoses has diabetes',
    ]);
  });

  it('a lead naming one group ("In category 1, the following are exclusionary:") keeps its items from everyone else (NCT03924934)', () => {
    // A category-2 patient with renal failure is not excluded; "pre-existing renal failure" was read for everyone.
    const text =
      'Exclusion Criteria:\nIn all categories, participants who meet the following criteria will be excluded:\n• Age <18 years\nIn category 1, the following are exclusionary:\n  -  pre-existing renal failure\n  -  pregnancy';
    // Now read for that group only (study-group.ts).
    expect(readings(text).map((r) => r[3])).toEqual(['age < 18 years', 'study_group = category-1 and diagnoses has renal-failure', 'study_group = category-1 and pregnant']);
  });

  it('"For the healthy group:", "I. Group A:" and "Healthy controls:" name one group (NCT03923205, NCT03922932, NCT03866707)', () => {
    // The first is now read for that group only (study-group.ts).
    expect(readings('Exclusion Criteria:\nFor the healthy group:\n  -  pregnant or breastfeeding')[0]![3]).toBe('study_group = healthy-group and (pregnant or breastfeeding)');
    expect(readings('Inclusion Criteria:\nI. Group A:\n  -  Presence of involuted fibrovascular proliferans')[0]![2]).toBe('attested');
    expect(reasons('Exclusion Criteria:\nCancer survivors:\n• Patients who have received a bone marrow transplant will not be eligible.')[0]![1]).toMatch(
      /one group of the study only \(the line over it names it: "Cancer survivors:"\)/,
    );
  });

  it('a lead that says nothing of how its items combine is no lead: its bullets at the same depth stay read (NCT03861637, NCT03865602)', () => {
    expect(readings('Exclusion Criteria:\nWe excluded patients with the following criteria:\n  -  Hemolytic anemia,\n  -  Pregnancy')[1]![2]).toBe('computable');
    expect(readings('Inclusion Criteria:\n  1. Admitted from the emergency department\n  2. ≥18 years of age upon admission;')[1]![3]).toMatch(/^age ≥ 18 years and/);
  });
});

describe('items joined by "or" across lines', () => {
  it('in an inclusion, "… or," at the end of a line makes it and the next line alternatives (NCT03925909)', () => {
    // Prediabetes by any one of three tests; "hba1c 5.7–6.4 %" was read as required.
    const text =
      'Inclusion Criteria:\n  -  30-60 years\n  -  Increased fasting blood glucose from 6.1 to 7.0 mmol / L or,\n  -  Decreased glucose tolerance of 7 , 8 to 11.1 mmol / L or,\n  -  Glycated hemoglobin with values between 5.7 and 6.4%';
    // The three read together: the HbA1c range is one way to qualify, so each line requires only that one of them may hold.
    expect(readings(text).map((r) => r[2])).toEqual(['computable', 'partly-computable', 'partly-computable', 'partly-computable']);
    expect(readings(text)[3]![3]).toBe(
      '(attested: "Increased fasting blood glucose from 6.1 to 7.0 mmol / L or," or attested: "Decreased glucose tolerance of 7 , 8 to 11.1 mmol / L or," or (hba1c ≥ 5.7 % and hba1c ≤ 6.4 %)) and attested: "Glycated hemoglobin with values between 5.7 and 6.4%"',
    );
    expect(reasons(text)[3]![1]).toMatch(/^it is one of alternatives joined by "or" across lines: only that one of them holds is read/);
  });

  it('a line "OR" makes the lines either side alternatives (NCT03921476)', () => {
    const text =
      'Inclusion Criteria:\nFemale subjects between 18 and 65 years of age currently taking spironolactone for a diagnosis of acne vulgaris\nOR\nFemale subjects between 18 and 65 years of age currently taking oral antibiotics for a diagnosis of acne vulgaris';
    // Read together: whichever the treatment, the woman is 18 to 65; a person decides the rest.
    expect(readings(text).map((r) => r[2])).toEqual(['partly-computable', 'partly-computable', 'partly-computable']);
    expect(readings(text)[1]![3]).toMatch(
      /^\(\(sex = female and age ≥ 18 years and age ≤ 65 years and attested: .*\) or \(sex = female and age ≥ 18 years and age ≤ 65 years and attested: .*\)\) and attested: "OR"$/,
    );
  });

  it('in an exclusion, each of them is enough alone (NCT03924037)', () => {
    expect(readings('Exclusion Criteria:\n  -  Younger than age of 13 years old or\n  -  Pregnancy')[1]![2]).toBe('computable');
  });
});

describe('bullets under a bullet that opens no list', () => {
  it('"Active disease at Screening as defined by" over its parts: the parts hold as read (NCT02552212)', () => {
    const text = 'Inclusion Criteria:\n* Active disease at Screening as defined by\n\n  * Bath Ankylosing Spondylitis Disease Activity Index (BASDAI) score \\>= 4';
    expect(readings(text)[1]![3]).toBe('basdai ≥ 4');
  });
});

describe('a heading for one group beside a heading for all subjects', () => {
  it('"Inclusion Criteria for HFpEF" holds for the HFpEF patients only: healthy controls need no NYHA class (NCT03924479)', () => {
    // The study also takes healthy subjects, and men: "Non-pregnant women, and individuals who are able to exercise" read sex = female.
    const text =
      'Inclusion Criteria for HFpEF, includes:\n  -  New York Heart Association class I-III.\n  -  Non-pregnant women, and individuals who are able to exercise (i.e. without orthopedic limitations or neuromuscular disorders).\nExclusion Criteria for all subjects, includes:\n  -  pregnant women';
    // Now read for that group only (study-group.ts); the women are required to be non-pregnant, no one to be a woman.
    expect(readings(text).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['inclusion', 'computable', 'not (study_group = hfpef) or nyha_class ≤ 3 class'],
      [
        'inclusion',
        'partly-computable',
        'not (study_group = hfpef) or (not pregnant and attested: "and individuals who are able to exercise i.e. without orthopedic limitations or neuromuscular disorders")',
      ],
      ['exclusion', 'computable', 'pregnant'],
    ]);
  });
});

describe('single lines', () => {
  it('a variation of a value is not the value (NCT03862027)', () => {
    attested(exc('Variation in ICP of > 2 cm H2O in the hour prior to intervention.'), /"ICP" is qualified as a change or ratio/);
    // Constructed from the ICP line: systolic_bp > 20 mmHg was read from a change of 20 mmHg.
    attested(exc('Variation in systolic blood pressure of > 20 mm Hg'), /"systolic blood pressure" is qualified as a change or ratio/);
  });

  it('"another interventional study" is not any study (in_other_trial would flag observational studies too)', () => {
    // Constructed beside NCT03929068 "Current participation in another interventional study" (read as in_other_interventional_trial).
    expect(formatExpr(exc('Patients already included in another interventional study').expr)).not.toMatch(/in_other_trial/);
    expect(formatExpr(exc('Current participation in another interventional study').expr)).toBe('in_other_interventional_trial');
  });

  it('"Male, or female willing to use contraception" is a commitment, not a sex rule: it stays attested', () => {
    attested(inc('Male, or female willing to use contraception'), /commitment for the future/);
    attested(inc('Male or female aged 18 years or older, willing to use contraception'), /commitment for the future/);
  });
});

describe('a lead line the items complete', () => {
  it('"Persons with" over a list of conditions makes them alternatives in an inclusion, each enough in an exclusion (NCT03863379)', () => {
    // Each condition was read as required, so only a patient with stroke, TBI, MS and SCI at once was eligible.
    const text =
      'Inclusion Criteria:\nPersons with\n  -  stroke / cerebrovascular disease\n  -  traumatic brain injury\n  -  multiple sclerosis\nExclusion Criteria:\nPersons with\n  -  heterotopic ossifications,';
    // Alternatives or all required, one of the conditions holds: that much is read (items-together.ts).
    const oneOf = '(diagnoses has stroke or diagnoses has cerebrovascular-disease or diagnoses has traumatic-brain-injury or diagnoses has multiple-sclerosis)';
    expect(readings(text)).toEqual([
      ['inclusion', 'stroke / cerebrovascular disease', 'partly-computable', `${oneOf} and attested: "stroke / cerebrovascular disease"`],
      ['inclusion', 'traumatic brain injury', 'partly-computable', `${oneOf} and attested: "traumatic brain injury"`],
      ['inclusion', 'multiple sclerosis', 'partly-computable', `${oneOf} and attested: "multiple sclerosis"`],
      ['exclusion', 'heterotopic ossifications,', 'computable', 'diagnoses has heterotopic-ossification'],
    ]);
    expect(reasons(text)[0]![1]).toMatch(/one item of a list under "Persons with", which may be alternatives/);
  });
});

describe('numbered group labels without a colon', () => {
  it('"II. Controls (Group D)" run into the line before it heads the lines after it (NCT03922932)', () => {
    // The controls' exclusion was read for every group: a diabetic with hypertension was excluded.
    const text =
      'Participant-Related Exclusion Criteria:\nI. Group B\n  -  Significant medical condition that would make long-term follow-up difficult II. Controls (Group D)\n  -  Any medical problems associated with retinal vascular abnormalities (i.e., hypertension, systemic vasculitis, carotid insufficiency, etc.)';
    expect(reasons(text)[0]).toEqual([
      'Significant medical condition that would make long-term follow-up difficult',
      expect.stringMatching(/one group of the study only \(the line over it names it: "I\. Group B"\)/),
    ]);
    // Read for the controls only, by the name in brackets (parse-study-groups-2.test.ts).
    expect(readings(text).map((r) => r[3])).toEqual([
      'attested: "Significant medical condition that would make long-term follow-up difficult"',
      'study_group = group-d and (diagnoses has hypertension or attested: "Any medical problems associated with retinal vascular abnormalities i.e., systemic vasculitis, carotid insufficiency, etc")',
    ]);
  });
});

describe('a section that states no criterion', () => {
  it('"None" under "Exclusion Criteria:" is a note, not a criterion to attest (NCT03866850, NCT03924297)', () => {
    const parsed = parseCriteriaText('Inclusion Criteria:\n  -  Age ≥ 18 years\nExclusion Criteria:\n  -  None');
    expect(parsed.criteria.map((c) => c.side)).toEqual(['inclusion']);
    expect(parsed.notes).toEqual(['None']);
    expect(parseCriteriaText('Inclusion Criteria:\n  -  Age ≥ 18 years\nExclusion Criteria:\n  -  No exclusion criteria').notes).toEqual(['No exclusion criteria']);
  });
});
