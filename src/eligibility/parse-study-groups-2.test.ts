import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { parseCriteriaText } from './parse-criteria.js';
import { groupCode, groupNames } from './study-group.js';

/**
 * Criteria for several groups at once, for a class of groups, for whoever has a condition, and for the one
 * group a protocol names (study-group.ts, parse-criteria.ts). Lines are verbatim from the development corpus
 * (bench/fixtures/lct-dev-criteria.txt, NCT number given) unless marked as written here; each reading is
 * worked out from the text by hand: an inclusion for the groups G1, G2 is "not (in G1 or G2) or BODY"
 * (required of their members only), an exclusion "(in G1 or G2) and BODY" (it excludes their members only).
 */
const read = (text: string) => parseCriteriaText(text).criteria.map((c) => [c.id, c.computability, formatExpr(c.expr)]);
const ONE_GROUP = /^it applies to one group of the study only/;

describe('a heading or lead naming several groups at once', () => {
  it('"Inclusion Criteria: Cohort 1a and 1b" and "Exclusion Criteria: Cohort 2a and 2b" (NCT03929705)', () => {
    const text = [
      'Inclusion Criteria: Cohort 1a and 1b',
      '  -  • Must be at least 18 years of age',
      '       -  Must be T-SPOT.TB positive',
      'Exclusion Criteria: Cohort 2a and 2b',
      '       -  Previous or pre-existing confirmed TB diagnosis',
    ].join('\n');
    expect(read(text)).toEqual([
      ['inc-1', 'computable', 'not (study_group = cohort-1a or study_group = cohort-1b) or age ≥ 18 years'],
      // A body no rule reads keeps the group reason.
      ['inc-2', 'attested', 'attested: "Must be T-SPOT.TB positive"'],
      ['exc-1', 'computable', '(study_group = cohort-2a or study_group = cohort-2b) and diagnoses has tuberculosis'],
    ]);
  });

  it('a blood volume "for immunocompromised i.e. HIV+" asks for no HIV infection of the cohorts (NCT03929705)', () => {
    // The bracket says whom 16 mL is for (parse-contradicted-lines.test.ts): the body is not read, and keeps the group reason.
    const { criteria } = parseCriteriaText('Inclusion Criteria: Cohort 2a and 2b\n  -  Must be able to provide a minimum of 10 mL of whole blood at each visit (16mL for immunocompromised i.e. HIV+)');
    expect(criteria.map((c) => [c.computability, c.notComputable])).toEqual([['attested', expect.stringMatching(ONE_GROUP)]]);
  });

  it('"II. Controls (Group D)": the group in brackets, by the name the other labels use (NCT03922932)', () => {
    const text = [
      'Participant-Related Exclusion Criteria:',
      'I. Group B',
      '  -  Significant medical condition that would make long-term follow-up difficult II. Controls (Group D)',
      '  -  Any medical problems associated with retinal vascular abnormalities (i.e., hypertension, systemic vasculitis, carotid insufficiency, etc.)',
      'Eye-Related Inclusion Criteria:',
      'III. Groups C & D:',
      '  -  No evidence of diabetic retinopathy',
    ].join('\n');
    expect(read(text)).toEqual([
      ['exc-1', 'attested', 'attested: "Significant medical condition that would make long-term follow-up difficult"'],
      // Hypertension is one of the medical problems the line names: a control with it is excluded.
      [
        'exc-2',
        'partly-computable',
        'study_group = group-d and (diagnoses has hypertension or attested: "Any medical problems associated with retinal vascular abnormalities i.e., systemic vasculitis, carotid insufficiency, etc")',
      ],
      ['inc-1', 'computable', 'not (study_group = group-c or study_group = group-d) or not (diagnoses has diabetic-retinopathy)'],
    ]);
  });

  it('"I. All Diabetics (Groups A, B, C)" names groups A, B and C; its items joined by "or" stay attested (NCT03922932)', () => {
    expect(groupNames('All Diabetics (Groups A, B, C)')).toEqual(['Group A', 'Group B', 'Group C']);
    const text = 'Participant-Related Inclusion Criteria:\nI. All Diabetics (Groups A, B, C)\n  -  Type 1 diabetes of at least 5 years duration or\n  -  Type 2 diabetes of any duration';
    expect(read(text).map((c) => c[1])).toEqual(['attested', 'attested']);
  });
});

describe('a class of groups the protocol names as one', () => {
  it('"For the T2D groups:" beside "For the healthy group:" (NCT03923205)', () => {
    const text = [
      'Exclusion Criteria:',
      'For the healthy group:',
      '  -  pregnant or breastfeeding',
      'For the T2D groups:',
      '  -  pregnant or breastfeeding',
      '  -  blood donation in the last three months',
      '  -  food allergies/intolerances',
    ].join('\n');
    // Its T2D volunteers ("controlled by diet and lifestyle or metformin") are never named group by group: one code serves them.
    expect(read(text).map((c) => c[2])).toEqual([
      'study_group = healthy-group and (pregnant or breastfeeding)',
      'study_group = t2d-groups and (pregnant or breastfeeding)',
      'study_group = t2d-groups and last.blood-donation within 3 months before screening',
      'study_group = t2d-groups and allergies has food',
    ]);
  });
});

describe('the patients with a condition', () => {
  it('"For subjects with type 2 diabetes:" over exclusions: whoever has it (NCT03921203)', () => {
    const text = [
      'Exclusion Criteria:',
      'For subjects with type 2 diabetes:',
      '  -  Treatment with oral glucocorticoids',
      '  -  Thyroid disease that requires active treatment',
      '  -  Levels of SR, TSH, T4 or Hemoglobin in the blood pronouncedly outside the reference range',
    ].join('\n');
    expect(read(text)).toEqual([
      ['exc-1', 'computable', 'diagnoses has type-2-diabetes and current_treatments has oral-corticosteroid'],
      ['exc-2', 'partly-computable', 'diagnoses has type-2-diabetes and diagnoses has thyroid-disease and attested: "that requires active treatment"'],
      ['exc-3', 'attested', 'attested: "Levels of SR, TSH, T4 or Hemoglobin in the blood pronouncedly outside the reference range"'],
    ]);
  });

  it('stays attested over inclusions, and where the condition is not read as written (written here)', () => {
    // Over inclusions, the condition would count as required of everyone when a negated exclusion is settled (negated-exclusion.ts).
    expect(read('Inclusion Criteria:\nFor subjects with type 2 diabetes:\n  -  Age ≥ 18 years')).toEqual([['inc-1', 'attested', 'attested: "Age ≥ 18 years"']]);
    // "severe asthma" narrows asthma: a patient with mild asthma is not meant.
    expect(read('Exclusion Criteria:\nFor patients with severe asthma:\n  -  Pregnancy')).toEqual([['exc-1', 'attested', 'attested: "Pregnancy"']]);
  });
});

describe('the one group a protocol names', () => {
  it('"Conscious adult patients: ≥ 18 years of age" is read for that group (NCT03868436)', () => {
    // Read for the group, the line is necessary whether the name means every participant or some of them; read for
    // everyone, it would be wrong where it means some.
    const text = 'Inclusion Criteria:\n  1. Conscious adult patients: ≥ 18 years of age\nExclusion Criteria:\n  1. Multi-level trauma';
    expect(read(text)[0]).toEqual(['inc-1', 'computable', 'not (study_group = conscious-adult-patients) or age ≥ 18 years']);
  });

  it('"For on-treatment participants:" names a state, the only group named, and stays attested (NCT03926143)', () => {
    // The protocol's other participants, off treatment, are never named: its lines are no criteria of everyone.
    const text = 'Exclusion Criteria:\n  -  For on-treatment participants: a positive serum pregnancy test.';
    expect(read(text)).toEqual([['exc-1', 'attested', 'attested: "For on-treatment participants: a positive serum pregnancy test."']]);
  });
});

describe('what several names must not do', () => {
  it.each([
    ['Cohort 2a and 2b', ['cohort-2a', 'cohort-2b']],
    ['Groups C & D', ['group-c', 'group-d']],
    ['Controls (Group D)', ['group-d']],
    ['For the T2D groups', ['t2d-groups']],
    ['For the healthy group', ['healthy-group']],
  ])('"%s" → %j', (words, codes) => {
    expect(groupNames(words)?.map(groupCode)).toEqual(codes);
  });

  it.each(['all groups', 'For both groups', 'the two groups', 'the study groups', 'all subjects', 'Groups C or D', 'Cohort 1a and/or 1b', 'subjects with type 2 diabetes', 'LTOT+ group'])(
    '"%s" names no group',
    (words) => {
      expect(groupNames(words)).toBeUndefined();
    },
  );

  it('"For both groups:" and "for all subjects" are no group of their own (written here; NCT03924479)', () => {
    expect(read('Exclusion Criteria:\nFor both groups:\n  -  Pregnancy')).toEqual([['exc-1', 'attested', 'attested: "Pregnancy"']]);
    expect(read('Inclusion Criteria for HFpEF, includes:\n  -  New York Heart Association class I-III.\nExclusion Criteria for all subjects, includes:\n  -  pregnant women').at(-1)).toEqual([
      'exc-1',
      'computable',
      'pregnant',
    ]);
  });
});
