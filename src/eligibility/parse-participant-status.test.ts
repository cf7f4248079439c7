import { describe, expect, it } from 'vitest';
import { criteriaColumns } from './columns.js';
import { evaluateEligibility } from './evaluate.js';
import type { Expr } from './expression.js';
import { findFact } from './facts.js';
import { readFacts } from './patient-facts.js';
import { any, attested, computes, exc, inc, within } from './parse-expect.test-helper.js';

/** Recorded statuses and dated events of the participant (status-forms.ts, dated-events.ts); lines verbatim from the dev corpus unless said. */
const yes = (fact: string, value = true): Expr => ({ kind: 'is', fact, value });

describe('an earlier enrolment in this same study', () => {
  it('is read where the line names exactly that, or more (an exclusion)', () => {
    computes(exc('Previously enrolled in the study'), yes('previously_enrolled')); // NCT03866590
    computes(exc('Previous inclusion in the present study;'), yes('previously_enrolled')); // NCT03865056
    // Having taken part is more than having been enrolled: an enrolled patient has taken part, so the fact suffices to exclude.
    computes(exc('Has already participated in the study.'), yes('previously_enrolled')); // NCT03864341
    computes(exc('Patient who participated already in this study.'), yes('previously_enrolled')); // NCT03924466
    // Participation defined as consent given: broader still, and the enrolled are among them.
    computes(exc('Previous participation in this study. Participation is defined as having given informed consent in this study'), yes('previously_enrolled')); // NCT03862690
  });
  it('other wordings, and a negated inclusion (constructed lines)', () => {
    computes(inc('Has not previously participated in this study'), yes('previously_enrolled', false));
    computes(inc('Patient has not been previously enrolled in this study'), yes('previously_enrolled', false));
    computes(exc('Subjects who have previously been enrolled in this study'), yes('previously_enrolled'));
    computes(exc('Prior enrolment in this trial'), yes('previously_enrolled'));
    // Randomised is less than enrolled: an enrolled patient may not have been randomised.
    attested(exc('Previously randomized in this study'), /no rule/);
  });
  it('stays attested where the narrower fact would not be safe, or the study is not this one', () => {
    // Required participation is not required enrolment (a consent alone may be participation).
    attested(inc('Previously participated in the study'), /no rule/);
    // Required, "the study" would be another one (the one an extension continues).
    attested(inc('Previously enrolled in the study'), /no rule/);
    // Not enrolled is not "not participated": a screen failure who consented may have taken part.
    attested(exc('Not previously participated in this study'), /no rule/);
    // The current enrolment described, not an earlier one.
    attested(inc('Patients included in the study were post traumatic patients, hemifacial microsomia, Treacher Collins and post ankylotic mandibular deformity.'), /no rule/); // NCT03861650
    // Another, named study.
    attested(exc('Have participated in a previous tavilermide (MIM-D3) study;'), /no rule/); // NCT03925727
    attested(exc('Patients have once participated in this research during this study cycle（to avoid repeated participation）.'), /no rule/); // NCT03862183
  });
});

describe('taking part in another study', () => {
  it('an interventional study is its own fact, narrower than any clinical study', () => {
    computes(exc('Current participation in another interventional study'), yes('in_other_interventional_trial')); // NCT03929068
    // Constructed: with a window, the date of the last one (not last_other_trial, any study).
    computes(exc('Participation in another interventional study within 30 days'), within('last_other_interventional_trial', 30, 'days', 'screening'));
    computes(inc('No participation in an interventional trial within the last 3 months'), { kind: 'not', of: within('last_other_interventional_trial', 3, 'months', 'screening') });
  });
  it('"have joined" may be a past trial: the current one suffices to exclude, and requires nothing', () => {
    computes(exc('Have joined other clinical trials'), yes('in_other_trial')); // NCT03864315
    attested(inc('Have joined other clinical trials'), /no rule/);
  });
  it("another clinical trial's drugs are its investigational products (ICH E6(R2) 1.33), read where being dosed suffices", () => {
    computes(exc('Those who have taken other clinical trial drugs within the past month'), within('last_investigational_product', 1, 'months', 'screening')); // NCT03868384
    computes(exc('Participation in another clinical research study with an investigational drug within 4 weeks before this study'), within('last_investigational_product', 4, 'weeks', 'screening')); // NCT03866317
    // Constructed: a negated inclusion needs no dose; required, taking part is more than being dosed.
    computes(inc('No participation in another clinical study with an investigational drug within 4 weeks'), { kind: 'not', of: within('last_investigational_product', 4, 'weeks', 'screening') });
    attested(inc('Participation in another clinical study with an investigational drug within 4 weeks'), /narrows/);
  });
  it('an exclusion period set by another study (French Public Health Code art. L1121-12)', () => {
    computes(exc('Patient under an exclusion period after enrollment in another research study'), yes('in_exclusion_period')); // NCT03861117
  });
  it('a study of one kind is not any study, nor an interventional one', () => {
    // "Investigational study": of an investigational product, or any research? Left to a person.
    attested(exc('Current participation in investigational study'), /no rule/); // NCT03861533
    attested(exc('Concurrent participation in another investigational drug or device treatment study'), /no rule/); // NCT03869645
    attested(exc('Participation in a psychological or medical study involving the use of medication within the last 3 months'), /no rule/); // NCT03863366
  });
});

describe('legal status', () => {
  it('judicial (juridical) protection is the legal protection the fact lists, all its measures ordered by a judge', () => {
    computes(exc('Patient under judicial protection'), yes('legal_protection')); // NCT03921164
    computes(exc('patient placed under judicial protection'), yes('legal_protection')); // NCT03927079
    computes(exc('Patient under juridical protection'), yes('legal_protection')); // NCT03867695
    computes(inc('not subject to a judicial protection measure'), yes('legal_protection', false)); // NCT03869593
  });
  it('deprived of liberty by a decision "judicial or administrative", misspelt or not, is one status', () => {
    computes(exc('Person prived of liberty by judicial or administrative decision;'), yes('deprived_of_liberty')); // NCT03869476
    computes(exc('Deprived of liberty by administrative or judicial decision or prisoner'), any(yes('deprived_of_liberty'), yes('prisoner'))); // constructed
  });
  it('named measures, or protection defined by them, stay attested (the fact holds more measures)', () => {
    attested(exc('Subject under guardianship, curatorship or safeguard of justice'), /no rule/); // NCT03866018
    attested(exc('patient deprived of liberty by administrative or judicial decision or placed under judicial protection (guardianship or supervision)'), /no rule/); // NCT03869567
  });
});

describe('where the patient stays', () => {
  it('in hospital now, or in a nursing home', () => {
    computes(exc('Currently being treated as an inpatient'), yes('inpatient')); // NCT03925987
    computes(exc('Nursing home resident'), yes('nursing_home_resident')); // NCT03860194
  });
  it('an inpatient of one hospital is narrower than an inpatient anywhere', () => {
    attested(exc('2. being an inpatient of the hospital;'), /no rule/); // NCT03860116
  });
});

describe('a hospital stay with its reason', () => {
  it('is not read as the stay and the reason as a condition of its own', () => {
    // Constructed: "heart failure" read apart would flag a patient with heart failure hospitalised for something else.
    attested(exc('Hospitalised within 3 months for heart failure'), /reason/);
    attested(exc('hospitalized for AF in the past three months.'), /narrows/); // NCT03864900
    attested(exc('Hospitalization for respiratory, metabolic or cardiovascular event (< 2 months)'), /no rule/); // NCT03861468
  });
  it('a reason no rule reads stays the attested remainder, joined to the stay', () => {
    const c = exc('Hospitalised within 3 months prior to screening for any major medical condition'); // NCT03862846
    expect(c.computability).toBe('partly-computable');
    expect(c.expr).toMatchObject({ kind: 'all', of: [within('last_hospitalisation', 3, 'months', 'screening'), { kind: 'attested' }] });
  });
});

describe('consent named with its giver', () => {
  it('"consent of a patient" is the recorded consent', () => {
    computes(inc('consent of a patient'), yes('informed_consent')); // NCT03924583
    // Someone else's consent only is more than the record says (whose signature).
    attested(inc('Aged 18 years or older, or informed consent of a legal representative'), /consent/);
  });
});

describe('the new facts are in the dictionary, with a description a data manager can act on', () => {
  it.each(['previously_enrolled', 'in_other_interventional_trial', 'in_exclusion_period', 'inpatient', 'nursing_home_resident'])('%s', (name) => {
    expect(findFact(name)).toMatchObject({ type: 'boolean', description: expect.stringMatching(/\w{3,}.*\.$/) });
  });
  it('last_other_interventional_trial is a date', () => {
    expect(findFact('last_other_interventional_trial')).toMatchObject({ type: 'date', description: expect.stringMatching(/never\.$/) });
  });
});

describe('the screening takes the new facts as yes/no facts', () => {
  const criteria = [exc('Previously enrolled in the study'), exc('Current participation in another interventional study'), exc('Currently being treated as an inpatient')];
  it('a column each, and a patient flagged by one is excluded by it', () => {
    expect(criteriaColumns(criteria).map((c) => [c.name, c.type])).toEqual(
      expect.arrayContaining([
        ['previously_enrolled', 'boolean'],
        ['in_other_interventional_trial', 'boolean'],
        ['inpatient', 'boolean'],
      ]),
    );
    const ref = { screening: '2024-06-01' };
    const facts = (enrolled: string, trial: string, inpatient: string) => readFacts({ previously_enrolled: enrolled, in_other_interventional_trial: trial, inpatient });
    expect(evaluateEligibility(criteria, facts('no', 'no', 'no'), ref).status).toBe('eligible');
    expect(evaluateEligibility(criteria, facts('yes', 'no', 'no'), ref).status).toBe('ineligible');
    expect(evaluateEligibility(criteria, facts('no', 'no', 'yes'), ref).status).toBe('ineligible');
  });
});
