import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { parseCriteriaText } from './parse-criteria.js';

/**
 * The section headings of registry eligibility text besides "Inclusion Criteria:" / "Exclusion Criteria:",
 * in the forms seen in the development corpus (bench/fixtures/lct-dev-criteria.txt), on short texts
 * written for the test. Each answer (side, ids, text) is read off the text by hand.
 */
const read = (text: string) => parseCriteriaText(text).criteria.map((c) => [c.id, c.side, c.text, formatExpr(c.expr)]);
const ONE_GROUP = /^it applies to one group of the study only \(the heading names it: "(.+)"\)$/;

describe('headings that name one side', () => {
  it.each([
    ['Inclusions:', 'Exclusions:'],
    ['Inclusion', 'Exclusion'],
    ['Subject Inclusion', 'Subject Exclusion'],
    ['Inclusion Criteria*:', 'Exclusion Criteria*:'],
    ['Inclusion conditions:', 'Exclusion conditions:'],
    ['Subjects will be included if:', 'Subjects will be excluded if:'],
    ['Criteria: Inclusion Criteria:', 'Exclusion Criteria.'],
    ['Key Inclusion Criteria', 'Key Exclusion Criteria'],
    ['Inclusion Criteria for Patients:', 'Sub-study Exclusion Criteria:'],
    ['Inclusion Criteria: -', 'Non-inclusion Criteria:'],
  ])('"%s" … "%s"', (inclusion, exclusion) => {
    expect(read(`${inclusion}\n  -  Age ≥ 18 years\n  -  Fluent in English\n${exclusion}\n  -  Pregnancy`)).toEqual([
      ['inc-1', 'inclusion', 'Age ≥ 18 years', 'age ≥ 18 years'],
      ['inc-2', 'inclusion', 'Fluent in English', expect.any(String)],
      ['exc-1', 'exclusion', 'Pregnancy', 'pregnant'],
    ]);
  });

  it('an unbulleted line under "Subject Inclusion" is its criterion', () => {
    expect(read('Subject Inclusion\nAge >= 18 years\nSubject Exclusion\n  -  Pregnancy')).toEqual([
      ['inc-1', 'inclusion', 'Age >= 18 years', 'age ≥ 18 years'],
      ['exc-1', 'exclusion', 'Pregnancy', 'pregnant'],
    ]);
  });

  it('a bullet that is nothing but a heading opens its section ("-  Exclusion Criteria:" after the inclusions)', () => {
    expect(read('Inclusion Criteria\n  -  Age ≥ 18 years\n  -  Exclusion Criteria:\n  -  Pregnancy')).toEqual([
      ['inc-1', 'inclusion', 'Age ≥ 18 years', 'age ≥ 18 years'],
      ['exc-1', 'exclusion', 'Pregnancy', 'pregnant'],
    ]);
    expect(read('-  INCLUSION CRITERIA:\n  -  Age ≥ 18 years').map((c) => c[0])).toEqual(['inc-1']);
  });

  it('a bullet or line that only starts with "Inclusion …" or "Exclusion …" is a criterion, not a heading', () => {
    const text = [
      'Inclusion Criteria:',
      '  -  Inclusion Criteria: chronic heart failure',
      '  -  Inclusion in another study',
      '  -  Exclusion of other lung disease',
      '  -  Subjects will be excluded if they smoke',
    ].join('\n');
    expect(read(text).map(([id, side]) => `${id} ${side}`)).toEqual(['inc-1 inclusion', 'inc-2 inclusion', 'inc-3 inclusion', 'inc-4 inclusion']);
    expect(read('Exclusion Criteria:\nExclusion of other lung disease\nInclusion in another study').map(([id, , t]) => `${id} ${t}`)).toEqual([
      'exc-1 Exclusion of other lung disease',
      'exc-2 Inclusion in another study',
    ]);
  });
});

describe('words on the heading line', () => {
  it('a criterion after the colon, with nothing under it, is the section\'s criterion ("Inclusion Criteria: Renal colic patients -")', () => {
    expect(read('Inclusion Criteria: Renal colic patients -\nExclusion Criteria: Pregnancy')).toEqual([
      ['inc-1', 'inclusion', 'Renal colic patients', expect.any(String)],
      ['exc-1', 'exclusion', 'Pregnancy', 'pregnant'],
    ]);
  });

  it('a group after the colon ("Inclusion Criteria:Adolescents"): its criteria hold for that group only (study-group.ts)', () => {
    expect(read('Inclusion Criteria:Adolescents\n  1. Age 12-18\nInclusion Criteria:Parents\n  1. Age >18\n  2. Fluent in English\nExclusion Criteria: Parents\n  1. Pregnancy')).toEqual([
      // An age without its unit stays attested, for its group as for everyone.
      ['inc-1', 'inclusion', 'Age 12-18', 'attested: "Age 12-18"'],
      ['inc-2', 'inclusion', 'Age >18', 'attested: "Age >18"'],
      ['inc-3', 'inclusion', 'Fluent in English', 'not (study_group = parents) or languages has english'],
      ['exc-1', 'exclusion', 'Pregnancy', 'study_group = parents and pregnant'],
    ]);
  });

  it('a group in brackets ("Inclusion Criteria (ESRD group):") makes no unconditional rule either', () => {
    expect(read('Inclusion Criteria (ESRD group):\n  -  Age ≥ 18 years\nExclusion criteria (non ESRD group) :\n  -  Pregnancy').map((c) => c[3])).toEqual([
      'not (study_group = esrd-group) or age ≥ 18 years',
      'study_group = non-esrd-group and pregnant',
    ]);
  });

  it('a criterion after a bracketed group ("Inclusion Criteria (ESRD group): Age ≥ 18 years") is that group\'s first criterion', () => {
    expect(read('Inclusion Criteria (ESRD group): Age ≥ 18 years\n  -  Fluent in English')).toEqual([
      ['inc-1', 'inclusion', 'Age ≥ 18 years', 'not (study_group = esrd-group) or age ≥ 18 years'],
      ['inc-2', 'inclusion', 'Fluent in English', 'not (study_group = esrd-group) or languages has english'],
    ]);
  });

  it('a heading run into the end of a bullet ("… Inclusion Criteria: Cohort 2a and 2b") opens the next group\'s section', () => {
    const text = 'Inclusion Criteria: Cohort 1a and 1b\n  -  Age ≥ 18 years\n  -  No prior TB Inclusion Criteria: Cohort 2a and 2b\n  -  Age ≥ 21 years';
    const { criteria } = parseCriteriaText(text);
    // Each section is read for its two cohorts (study-group.ts).
    expect(criteria.map((c) => [c.id, c.text, formatExpr(c.expr)])).toEqual([
      ['inc-1', 'Age ≥ 18 years', 'not (study_group = cohort-1a or study_group = cohort-1b) or age ≥ 18 years'],
      ['inc-2', 'No prior TB', 'not (study_group = cohort-1a or study_group = cohort-1b) or not (history has tuberculosis)'],
      ['inc-3', 'Age ≥ 21 years', 'not (study_group = cohort-2a or study_group = cohort-2b) or age ≥ 21 years'],
    ]);
  });

  it('words that may turn the meaning of the list ("should report the absence of:") leave its criteria to a person', () => {
    const { criteria } = parseCriteriaText('Inclusion Criteria: should report the absence of:\n  -  anemia,\n  -  diabetes');
    expect(criteria.map((c) => [c.id, c.side, c.computability])).toEqual([
      ['inc-1', 'inclusion', 'attested'],
      ['inc-2', 'inclusion', 'attested'],
    ]);
    expect(criteria[0]!.notComputable).toBe('the heading qualifies the criteria under it ("should report the absence of:"), which no rule reads');
  });
});

describe('headings refused: no side, or both', () => {
  it.each([
    'Key Criteria for Healthy Volunteers: Subject must be between the ages of 18 and 55 years;',
    'Inclusion and Exclusion Criteria:\n  -  Age ≥ 18 years',
    'Inclusion/Exclusion Criteria:\n  -  Age ≥ 18 years',
    'Inclusion Criteria (Exclusion Criteria below):\n  -  Age ≥ 18 years',
    'Subjects will not be included if:\n  -  Pregnancy',
    'Criteria:\n  -  Age ≥ 18 years',
  ])('%s', (text) => {
    expect(() => parseCriteriaText(text)).toThrow(/no "Inclusion Criteria:" or "Exclusion Criteria:" heading/);
  });
});

describe('headings that say whom their section is for', () => {
  it('sections for two groups ("… for Patients:", "… for Caregivers:") are each one group\'s', () => {
    const criteria = parseCriteriaText(
      'Inclusion Criteria for Patients:\n  -  Age ≥ 18 years\nInclusion Criteria for Caregivers:\n  -  Caregiver of a participant\nExclusion Criteria for Patients:\n  -  Pregnancy\nExclusion Criteria:\n  -  Non-English speakers',
    ).criteria;
    expect(criteria.map((c) => [c.id, c.computability, formatExpr(c.expr), ONE_GROUP.exec(c.notComputable ?? '')?.[1]])).toEqual([
      ['inc-1', 'computable', 'not (study_group = patients) or age ≥ 18 years', undefined],
      // A body no rule reads stays attested, for its group.
      ['inc-2', 'attested', 'attested: "Caregiver of a participant"', 'Caregivers'],
      ['exc-1', 'computable', 'study_group = patients and pregnant', undefined],
      // A heading naming no group holds for everyone.
      ['exc-2', 'computable', expect.not.stringContaining('study_group'), undefined],
    ]);
  });

  it('"for mothers will be:" and "for children will be:" name the groups without the trailing words', () => {
    expect(read('Inclusion criteria for mothers will be:\n  -  Age ≥ 18 years\nInclusion criteria for children will be:\n  -  Age < 2 years').map((c) => c[3])).toEqual([
      'not (study_group = mothers) or age ≥ 18 years',
      'not (study_group = children) or age < 2 years',
    ]);
  });

  it('one group named alone ("for Patients"), or "for all subjects" beside a group, holds for everyone it names', () => {
    expect(read('Inclusion Criteria for Patients:\n  -  Age ≥ 18 years\nExclusion Criteria for Patients:\n  -  Pregnancy')).toEqual([
      ['inc-1', 'inclusion', 'Age ≥ 18 years', 'age ≥ 18 years'],
      ['exc-1', 'exclusion', 'Pregnancy', 'pregnant'],
    ]);
    expect(read('Inclusion Criteria for HFpEF, includes:\n  -  Age ≥ 18 years\nExclusion Criteria for all subjects, includes:\n  -  Pregnancy').at(1)).toEqual([
      'exc-1',
      'exclusion',
      'Pregnancy',
      'pregnant',
    ]);
  });
});
