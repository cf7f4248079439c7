import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { parseCriteriaText } from './parse-criteria.js';
import { parseCriterionLine } from './parse-line.js';
import { groupCode, groupName } from './study-group.js';

/**
 * Criteria for one group of a study of several, read for that group only (study-group.ts): an
 * inclusion as "not in the group, or the body", an exclusion as "in the group and the body". The
 * lines are verbatim from the development corpus (bench/fixtures/lct-dev-criteria.txt, NCT number
 * given) unless marked as written here; each reading is worked out from the text by hand.
 */
const read = (text: string) => parseCriteriaText(text).criteria.map((c) => [c.id, c.computability, formatExpr(c.expr)]);
const line = (side: 'inclusion' | 'exclusion', text: string) => {
  const c = parseCriterionLine('x', side, text);
  return [c.computability, formatExpr(c.expr), c.notComputable];
};
const ONE_GROUP = /^it applies to one group of the study only/;

describe('the group named by the heading', () => {
  it('"Inclusion Criteria (ESRD group):" and "(non ESRD group)": two groups, two codes (NCT03921398)', () => {
    const text = [
      'Inclusion Criteria (ESRD group):',
      '  -  Age ≥ 18 years,',
      '  -  Written informed consent',
      'Exclusion Criteria (ESRD group):',
      '  -  Active infection',
      'Inclusion criteria (non ESRD group):',
      '  -  Age ≥ 18 years,',
      'Exclusion criteria (non ESRD group) :',
      '  -  Immunosuppressive treatment',
    ].join('\n');
    expect(read(text)).toEqual([
      ['inc-1', 'computable', 'not (study_group = esrd-group) or age ≥ 18 years'],
      ['inc-2', 'computable', 'not (study_group = esrd-group) or informed_consent'],
      ['exc-1', 'computable', 'study_group = esrd-group and diagnoses has infection'],
      ['inc-3', 'computable', 'not (study_group = non-esrd-group) or age ≥ 18 years'],
      ['exc-2', 'computable', 'study_group = non-esrd-group and current_treatments has immunosuppressant'],
    ]);
  });

  it('"for mothers will be:" and "for children will be:" (NCT03866902)', () => {
    const text = [
      'Inclusion criteria for mothers will be:',
      '  -  age 18 years or older',
      'Inclusion criteria for children will be:',
      '  -  age 3-5 years',
      'Exclusion criteria for mothers will be:',
      '  -  heart murmur',
    ].join('\n');
    expect(read(text)).toEqual([
      ['inc-1', 'computable', 'not (study_group = mothers) or age ≥ 18 years'],
      ['inc-2', 'computable', 'not (study_group = children) or (age ≥ 3 years and age ≤ 5 years)'],
      ['exc-1', 'computable', 'study_group = mothers and diagnoses has heart-murmur'],
    ]);
  });

  it('"Adolescents" over the inclusions and "Adolescent" over the exclusions are one group, one code (NCT03928028)', () => {
    const text = [
      'Inclusion Criteria:Adolescents',
      '  4. Fluent in English',
      'Inclusion Criteria:Parents',
      '  4. Fluent in English',
      'Exclusion Criteria: Adolescent',
      '  6. Use of anti-psychotic medication',
      'Exclusion Criteria: Parents',
      '  3. Use of anti-psychotic medication',
    ].join('\n');
    expect(read(text).map((c) => c[2])).toEqual([
      'not (study_group = adolescents) or languages has english',
      'not (study_group = parents) or languages has english',
      'study_group = adolescents and current_treatments has antipsychotic',
      'study_group = parents and current_treatments has antipsychotic',
    ]);
  });

  it('a body no rule reads stays attested with its group reason (NCT03925181)', () => {
    const { criteria } = parseCriteriaText(
      'Inclusion Criteria for Patients:\n  -  Speaks English\nInclusion Criteria for Caregivers:\n  -  Caregiver of an ICU survivor participant meeting criteria above\n  -  Speaks English',
    );
    expect(criteria.map((c) => [c.computability, formatExpr(c.expr)])).toEqual([
      ['computable', 'not (study_group = patients) or languages has english'],
      ['attested', 'attested: "Caregiver of an ICU survivor participant meeting criteria above"'],
      ['computable', 'not (study_group = caregivers) or languages has english'],
    ]);
    expect(criteria[1]!.notComputable).toBe('it applies to one group of the study only (the heading names it: "Caregivers")');
  });

  it('a partly read body keeps its remainder and reason (NCT03924479)', () => {
    const { criteria } = parseCriteriaText(
      'Inclusion Criteria for HFpEF, includes:\n  -  New York Heart Association class I-III.\nExclusion Criteria for all subjects, includes:\n  -  pregnant women',
    );
    expect(criteria.map((c) => [c.computability, formatExpr(c.expr)])).toEqual([
      ['computable', 'not (study_group = hfpef) or nyha_class ≤ 3 class'],
      // "for all subjects" names everyone: no group.
      ['computable', 'pregnant'],
    ]);
    const { criteria: macular } = parseCriteriaText('Eye-Related Inclusion Criteria:\nIV. Group ME:\n  -  Presence of center-involving macular edema requiring treatment'); // NCT03922932
    expect([macular[0]!.computability, formatExpr(macular[0]!.expr), macular[0]!.notComputable]).toEqual([
      'partly-computable',
      'not (study_group = group-me) or (diagnoses has center-involving-macular-edema and attested: "Presence of requiring treatment")',
      'no rule reads "Presence of requiring treatment"',
    ]);
  });

  it('a heading naming two groups at once is read for either (NCT03929705; more in parse-study-groups-2.test.ts)', () => {
    const { criteria } = parseCriteriaText('Inclusion Criteria: Cohort 1a and 1b\n  -  Must be at least 18 years of age\n  -  Must be T-SPOT.TB positive');
    expect(criteria.map((c) => formatExpr(c.expr))).toEqual(['not (study_group = cohort-1a or study_group = cohort-1b) or age ≥ 18 years', 'attested: "Must be T-SPOT.TB positive"']);
    expect(criteria[1]!.notComputable).toBe('it applies to one group of the study only (the heading names it: "Cohort 1a and 1b")');
  });
});

describe('the group named by the line over the items', () => {
  it('"For healthy controls:" is a group; "For subjects with type 2 diabetes:" is whoever has the condition (NCT03921203)', () => {
    const text =
      'Inclusion Criteria:\n  -  For the T2D study group: Diagnosed with type 2 diabetes.\nExclusion Criteria:\nFor subjects with type 2 diabetes:\n  -  Pregnancy\nFor healthy controls:\n  -  Pregnancy';
    expect(read(text)).toEqual([
      ['inc-1', 'computable', 'not (study_group = t2d-study-group) or diagnoses has type-2-diabetes'],
      ['exc-1', 'computable', 'diagnoses has type-2-diabetes and pregnant'],
      ['exc-2', 'computable', 'study_group = healthy-controls and pregnant'],
    ]);
    // With the healthy controls the only group named, they are still a group: sufficient whether or not they are everyone.
    expect(read('Exclusion Criteria:\nFor healthy controls:\n  -  Pregnancy')).toEqual([['exc-1', 'computable', 'study_group = healthy-controls and pregnant']]);
  });

  it('"In category 1, the following are exclusionary:" (NCT03924934)', () => {
    const text =
      'Exclusion Criteria:\nIn all categories, participants who meet the following criteria will be excluded:\n• Age <18 years\nIn category 1, the following are exclusionary:\n  -  history of malignancy\n  -  pregnancy';
    expect(read(text).map((c) => c[2])).toEqual(['age < 18 years', 'study_group = category-1 and history has cancer', 'study_group = category-1 and pregnant']);
  });

  it('a lead that also says the items are alternatives, or counts them, stays attested', () => {
    // Written here in the form of NCT03924934's "Category 3: Patients … who meet any of the following criteria:".
    const text =
      'Inclusion Criteria:\nCategory 3: Patients who meet any of the following criteria:\n  -  Age ≥ 18 years\nCategory 4: Participants who meet the following criteria:\n  -  Age ≥ 21 years';
    expect(read(text)).toEqual([
      ['inc-1', 'attested', 'attested: "Age ≥ 18 years"'],
      ['inc-2', 'computable', 'not (study_group = category-4) or age ≥ 21 years'],
    ]);
    // NCT03929159: two or more of the SIRS criteria, for the emergency patients only.
    const sirs = parseCriteriaText('Inclusion Criteria:\n  -  For patients in the emergency center only, two or more of the following SIRS criteria:\n       -  Heart rate > 90 beats/minute (min)');
    expect(sirs.criteria.map((c) => c.computability)).toEqual(['attested', 'attested']);
  });

  it('"Groups C & D:" names two groups, either of which the items hold for (NCT03922932)', () => {
    const text = 'Participant-Related Inclusion Criteria:\nIII. Groups C & D:\n  -  No evidence of diabetic retinopathy';
    expect(read(text)).toEqual([['inc-1', 'computable', 'not (study_group = group-c or study_group = group-d) or not (diagnoses has diabetic-retinopathy)']]);
  });
});

describe('the group named by the line itself', () => {
  it('"Adolescent participants: …" (NCT03929263)', () => {
    expect(line('inclusion', 'Adolescent participants: Age 13-17 years')).toEqual(['computable', 'not (study_group = adolescent-participants) or (age ≥ 13 years and age ≤ 17 years)', undefined]);
    expect(line('exclusion', 'Adolescent participants: History of obsessive-compulsive disorder (OCD) or attention-deficit/hyperactivity disorder (ADHD)')[1]).toBe(
      'study_group = adolescent-participants and (history has obsessive-compulsive-disorder or history has attention-deficit-hyperactivity-disorder)',
    );
    expect(line('inclusion', 'Adult participants:BMI ≥ 18.0')[1]).toBe('not (study_group = adult-participants) or bmi ≥ 18 kg/m2');
  });

  it('"For the T2D study group: …" and "… (DSME cohort only)" (NCT03921203, NCT03863561)', () => {
    expect(line('inclusion', 'For the T2D study group: Diagnosed with type 2 diabetes.')[1]).toBe('not (study_group = t2d-study-group) or diagnoses has type-2-diabetes');
    expect(line('inclusion', 'A1C ≥ 8.0% (DSME cohort only)')[1]).toBe('not (study_group = dsme-cohort) or hba1c ≥ 8 %');
  });

  it('stays attested when the group words are unsure or the body is not read', () => {
    // "LTOT-" and "LTOT+" would spell one code (NCT03921983).
    expect(line('inclusion', 'LTOT- group : PaO2 ≥ 65 mmHg and SaO2≥ 92%')[2]).toMatch(ONE_GROUP);
    // "on-treatment" is a state, not a name; the test is during treatment (NCT03926143).
    expect(line('exclusion', 'For on-treatment participants: a positive serum pregnancy test.')[0]).toBe('attested');
    // Two leads, the first over several groups (NCT03867916).
    expect(line('inclusion', 'FOR INTERVIEWS AND FOCUS GROUPS: Caregivers: any person who has provided care to an Asian American cancer patient')[2]).toMatch(ONE_GROUP);
    // A body no rule reads (NCT03863561).
    expect(line('inclusion', 'Duration of diabetes ≥ 6 months (DSME cohort only)')[2]).toMatch(ONE_GROUP);
  });
});

describe('what the group reading must not do', () => {
  it('a protocol naming one group only keeps it a group, which may be every participant (NCT03868436; see parse-study-groups-2.test.ts)', () => {
    const text = 'Inclusion Criteria:\n  1. Conscious adult patients: ≥ 18 years of age\nExclusion Criteria:\n  1. Multi-level trauma';
    expect(formatExpr(parseCriteriaText(text).criteria[0]!.expr)).toBe('not (study_group = conscious-adult-patients) or age ≥ 18 years');
  });

  it('an exclusion body written as a negation stays attested: it may be a requirement (written here)', () => {
    expect(read('Exclusion Criteria for Patients:\n  -  No history of asthma\nExclusion Criteria for Caregivers:\n  -  Pregnancy')).toEqual([
      ['exc-1', 'attested', 'attested: "No history of asthma"'],
      ['exc-2', 'computable', 'study_group = caregivers and pregnant'],
    ]);
  });

  it('a condition one group must have is no requirement of everyone for a negated exclusion (written here)', () => {
    // With the inclusion for everyone, "No evidence of dementia" repeats it (negated-exclusion.ts); for the patients only, it may not.
    const text = 'Inclusion Criteria for Patients:\n  -  Diagnosis of dementia\nInclusion Criteria for Caregivers:\n  -  Age ≥ 18 years\nExclusion Criteria:\n  -  No evidence of dementia';
    expect(read(text).at(-1)).toEqual(['exc-1', 'attested', 'attested: "No evidence of dementia"']);
  });

  it('a line whose BMI limit is a percentile is not read as kg/m² (NCT03866902)', () => {
    expect(read('Inclusion criteria for mothers will be:\n  -  a BMI >25kg/m²\nInclusion criteria for children will be:\n  -  a BMI > 25th percentile for age and gender')).toEqual([
      ['inc-1', 'computable', 'not (study_group = mothers) or bmi > 25 kg/m2'],
      ['inc-2', 'attested', 'attested: "a BMI > 25th percentile for age and gender"'],
    ]);
  });

  it('"Non-pregnant women, and individuals who …" requires no sex (NCT03924479)', () => {
    // Men with HFpEF are in the group too: the women must not be pregnant, and no one must be a woman.
    expect(line('inclusion', 'Non-pregnant women, and individuals who are able to exercise (i.e. without orthopedic limitations or neuromuscular disorders).').slice(0, 2)).toEqual([
      'partly-computable',
      'not pregnant and attested: "and individuals who are able to exercise i.e. without orthopedic limitations or neuromuscular disorders"',
    ]);
    expect(line('inclusion', 'Non-pregnant women')[1]).toBe('sex = female and not pregnant');
  });
});

describe('group names and codes', () => {
  it.each([
    ['Healthy volunteers', 'healthy-volunteers'],
    ['For the healthy group', 'healthy-group'],
    ['non ESRD group', 'non-esrd-group'],
    ['Cohort 1 only', 'cohort-1'],
    ['In category 1', 'category-1'],
  ])('"%s" → %s', (words, code) => {
    expect(groupCode(groupName(words)!)).toBe(code);
  });

  it.each(['all subjects', 'For all participants', 'Both groups', 'Cohort 1a and 1b', 'subjects with type 2 diabetes', 'the T2D groups', 'Groups C & D', 'LTOT+ group', 'on-treatment participants'])(
    '"%s" is no one group',
    (words) => {
      expect(groupName(words)).toBeUndefined();
    },
  );
});
