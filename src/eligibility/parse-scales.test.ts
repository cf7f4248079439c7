import { describe, expect, it } from 'vitest';
import { compileCriteria, NO, YES } from './compile.js';
import type { Side } from './expression.js';
import { all, any, attested, cmp, computes, exc, inc, partly, rest } from './parse-expect.test-helper.js';
import { parseCriterionLine } from './parse-line.js';
import { readFacts } from './patient-facts.js';

/**
 * Clinical scales and measurements of measurement-facts.ts and the counts of consumption-counts.ts,
 * pinned with lines of the development corpus (NCT number given). Readings are worked out from the
 * text: an inclusion's computable part is necessary, an exclusion's sufficient.
 */
const truth = (side: Side, text: string, facts: Record<string, unknown>) => compileCriteria([parseCriterionLine('x', side, text)], { screening: '2024-06-01' })[0]!.root.test(readFacts(facts));

describe('cigarettes a day, now', () => {
  it('a limit with the verb or noun before it', () => {
    // NCT03863249: non-smokers (0 a day) pass the second reading too.
    computes(inc('No smokers or smokers of less than 10 cigarettes a day.'), any({ kind: 'is', fact: 'current_smoker', value: false }, cmp('cigarettes_per_day', '<', 10, 'cigarettes/day')));
  });
  it('each line in its own words', () => {
    computes(exc('Smokers of more than 10 cigarettes a day.'), cmp('cigarettes_per_day', '>', 10, 'cigarettes/day')); // NCT03863249
    computes(exc('Smoker > 5 cigarettes per day'), cmp('cigarettes_per_day', '>', 5, 'cigarettes/day')); // NCT03863366
    computes(inc('Self-reported smoking ≤ 10 cigarettes/day.'), cmp('cigarettes_per_day', '<=', 10, 'cigarettes/day')); // NCT03862534
    // NCT03862924: how long is left to a person.
    partly(inc('smoke at least 5 cigarettes per day for longer than one year'), all(cmp('cigarettes_per_day', '>=', 5, 'cigarettes/day'), rest('for longer than one year')));
  });
  it('a weekly count is a seventh of it a day (NCT03867500)', () => {
    const line = 'Smokers (>20 cigarettes per week)';
    computes(exc(line), cmp('cigarettes_per_day', '>', 20, 'cigarettes/week'));
    expect(truth('exclusion', line, { cigarettes_per_day: 3 })).toBe(YES); // 21 a week
    expect(truth('exclusion', line, { cigarettes_per_day: 2 })).toBe(NO); // 14 a week
  });
  it('e-cigarettes, and a count of another time, stay attested', () => {
    attested(inc('currently using electronic cigarettes more than 2 days/week'), /no rule reads it/); // NCT03862924
    attested(inc('Smoked more than 10 cigarettes per day in the past year'), /another time than now/);
  });
});

describe('drinks a day or a week, now', () => {
  it('caffeinated and alcoholic drinks, and UK units of alcohol, are three facts', () => {
    // NCT03863366: "typically" is the average the fact holds, left to a person all the same.
    partly(exc('Typically drinks > 6 caffeinated drinks per day'), all(cmp('caffeinated_drinks_per_day', '>', 6, 'drinks/day'), rest('Typically')));
    computes(exc('Alcohol consumption (> 2 drinks per day)'), cmp('alcohol_drinks_per_week', '>', 2, 'drinks/day')); // NCT03926806
    computes(exc('Alcohol consumption >14 units / week'), cmp('alcohol_units_per_week', '>', 14, 'units/week')); // NCT03864562
    // More than 2 a day is more than 14 a week.
    expect(truth('exclusion', 'Alcohol consumption (> 2 drinks per day)', { alcohol_drinks_per_week: 15 })).toBe(YES);
    expect(truth('exclusion', 'Alcohol consumption (> 2 drinks per day)', { alcohol_drinks_per_week: 14 })).toBe(NO);
  });
  it('a limit for one sex, a past period, or "drinks" without alcohol stay attested', () => {
    attested(inc('No more than 14 drinks per week (if male) or 7 drinks a week (if female) in the last 2 years'), /condition it states/); // NCT03861819
    attested(exc('Alcohol abuse (> 21 units/week in men and > 14 units/week in women)'), /condition it states/);
    attested(exc('drinks > 3 drinks per day'), /no rule reads it/);
  });
});

describe('scores named with their scale', () => {
  it('anxiety, depression and cognition', () => {
    computes(inc('Anxiety Sensitivity Index (ASI-3) total score > 29'), cmp('asi3', '>', 29, '')); // NCT03925987
    computes(inc('Overall Anxiety Severity and Impairment Scale (OASIS) score > 8'), cmp('oasis', '>', 8, '')); // NCT03925987
    computes(exc('Telephone Interview for Cognitive Status (TICS) score ≤20'), cmp('tics', '<=', 20, '')); // NCT03864536
    // NCT03927846: "i.e." makes the score the definition of the phrase, so it alone excludes.
    const phq8 = exc('very severe symptoms of depression (i.e., PHQ8 score of ≥ 20);');
    expect(phq8.computability).toBe('partly-computable');
    expect(phq8.expr).toEqual(any(cmp('phq8', '>=', 20, ''), rest('very severe symptoms of depression i.e')));
  });
  it('frailty, myasthenia, labour, surgical risk', () => {
    partly(exc('Clinical Frailty Score above 7 prior admission'), all(cmp('clinical_frailty', '>', 7, ''), rest('prior admission'))); // NCT03865095
    partly(inc('MG-ADL profile must be ≥ 6 at screening and randomization (Day 1).'), all(cmp('mg_adl', '>=', 6, ''), rest('at screening and randomization Day 1'))); // NCT03920293
    computes(inc('Bishop score of 5 or less'), cmp('bishop', '<=', 5, '')); // NCT03925922
    // NCT03868709: the parenthesis defines the high risk.
    partly(
      inc('Identified at high risk of PPCs according to the ARISCAT risk score (ARISCAT predictive score ≥45).'),
      all(cmp('ariscat', '>=', 45, ''), rest('Identified at high risk of PPCs according to the')),
    );
  });
  it('a scale whose version is not said, or that is not named, stays attested', () => {
    // NCT03868358: the Hamilton depression scale has 17-, 21- and 24-item versions.
    attested(exc('Hamilton Anxiety Rating Scale or the Hamilton Depression Rating Scale score > 10'), /Hamilton Depression/);
    // NCT03863067, NCT03863236: an NRS of what (pain? the Nutritional Risk Screening?) is not said.
    attested(inc('Numerical rating scale >6'), /no rule reads it/);
    attested(exc('NRS score <2 or >5'), /no rule reads it/);
    // NCT03862924: exhaled CO without its unit (ppm).
    attested(inc('exhaled carbon monoxide (CO) level greater than 5 at BL'), /no rule reads it/);
    // A typo of a scale's name is not guessed (NCT03867344: "GAD-73").
    attested(exc('GAD-73 Questionnaire for anxiety score ≥10'), /no rule reads it/);
  });
});

describe('pressures, lengths, survival', () => {
  it('intracranial and cerebral perfusion pressure in mmHg (NCT03862027)', () => {
    partly(exc('Pre-enrollment ICP > 20 mm Hg'), all(cmp('icp', '>', 20, 'mmhg'), rest('Pre-enrollment')));
    partly(exc('Pre-enrollment CPP < 60 mm Hg'), all(cmp('cpp', '<', 60, 'mmhg'), rest('Pre-enrollment')));
    // cm H2O is not accepted (and a variation is not the value).
    attested(exc('Variation in ICP of > 2 cm H2O in the hour prior to intervention.'), /unit \(cm\)|a change or ratio/);
  });
  it('the cervical length in mm (NCT03863613)', () => {
    computes(inc('Cervical length ≤28 mm'), cmp('cervical_length', '<=', 28, 'mm'));
  });
  it('"expected survival" is the life expectancy; a median survival is not the patient’s own', () => {
    computes(exc('9. Expected survival < 1 year'), cmp('life_expectancy', '<', 1, 'years')); // NCT03920917
    attested(exc('Median expected survival < 6 months'), /no rule reads it/);
  });
});
