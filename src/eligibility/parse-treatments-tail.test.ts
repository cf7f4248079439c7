import { describe, it } from 'vitest';
import { any, attested, computes, exc, has, inc, partly, rest, within } from './parse-expect.test-helper.js';

/**
 * Treatments, drug exposure and allergies (treatment-names.ts, allergen-names.ts, allergy-list.ts),
 * each line verbatim from the development corpus (bench/fixtures/lct-dev-criteria.txt, NCT number
 * given), pinned to the reading worked out by hand: an inclusion's computable part is necessary, an
 * exclusion's sufficient; and lines with these names that must stay attested.
 */
describe('treatments', () => {
  it('a treatment named with the word for a treatment is that treatment', () => {
    computes(exc('Anticoagulant drugs'), has('current_treatments', 'anticoagulant')); // NCT03921983
    computes(exc('Any use of a bisphosphonate drug within the last 12 months'), within('last.bisphosphonate', 12, 'months', 'screening')); // NCT03924414
    computes(exc('Having received antibiotic medication within the previous 3 months.'), within('last.antibiotic', 3, 'months', 'screening')); // NCT03928080
    computes(exc('on antihypertensive medications'), has('current_treatments', 'antihypertensive')); // NCT03920449
  });
  it('drugs and treatments by name, with their window', () => {
    // PENTHROX is inhaled methoxyflurane.
    computes(exc('Prior treatment with PENTHROX within 3 months'), within('last.methoxyflurane', 3, 'months', 'screening')); // NCT03868436
    computes(exc('Patients who have received periodontal treatment in the previous 12 months.'), within('last.periodontal-treatment', 12, 'months', 'screening')); // NCT03863249
    computes(
      exc('use of steroids in the past 30 days or retinoids in the past 12 months'), // NCT03926026
      any(within('last.steroid', 30, 'days', 'screening'), within('last.retinoid', 12, 'months', 'screening')),
    );
    computes(exc('Intake of supplements'), has('current_treatments', 'dietary-supplement')); // NCT03926806
    partly(
      exc('Females with irregular menstrual cycle or on estrogen therapy (7).'), // NCT03926273
      any(has('diagnoses', 'irregular-menstrual-cycle'), has('current_treatments', 'estrogen'), rest('Females with or on 7')),
    );
  });
  it('classes and therapies by their own names', () => {
    // Psychopharmacological and psychotropic drugs are one class: drugs acting on the mind (WHO ATC groups N05, N06).
    computes(exc('intake of psychopharmacological drugs in the last four weeks'), within('last.psychotropic', 4, 'weeks', 'screening')); // NCT03869424
    // CBTp: cognitive behavioural therapy for psychosis (NICE CG178), narrower than CBT.
    computes(exc('Currently receiving or have received CBTp in the last 6 months'), within('last.cbt-for-psychosis', 6, 'months', 'screening')); // NCT03920384
    computes(exc('Patients receiving an anti-osteoporotic treatment'), has('current_treatments', 'anti-osteoporotic')); // NCT03926377
    computes(exc('Current use of a non-selective monoamine oxidase inhibitor (MAOI)'), has('current_treatments', 'non-selective-maoi')); // NCT03929068
    // LABA: long-acting beta-2 agonist (GINA 2016).
    computes(exc('LABA treatment within the 2 weeks preceding the study.'), within('last.laba', 2, 'weeks', 'screening')); // NCT03928561
    attested(exc('Uncontrolled asthma 2 weeks after stopping LABA treatment.'), /narrows/); // NCT03928561
    // In an exclusion each drug of the list excludes, "and" or not.
    computes(
      exc('Current use of blood thinners, lovastatin, ketoconazole, itraconazole, fexofenadine and triazolam.'), // NCT03866200
      any(...['blood-thinner', 'lovastatin', 'ketoconazole', 'itraconazole', 'fexofenadine', 'triazolam'].map((code) => has('current_treatments', code))),
    );
  });
  it('the use of medication in general, as the whole line', () => {
    computes(exc('Taking medication'), { kind: 'is', fact: 'takes_medication', value: true }); // NCT03863431
    computes(exc('Use of medications'), { kind: 'is', fact: 'takes_medication', value: true }); // NCT03867344
    computes(exc('Ongoing use of prescription medication'), { kind: 'is', fact: 'takes_prescription_medication', value: true }); // NCT03860870
    computes(exc('taking prescribed medication'), { kind: 'is', fact: 'takes_prescription_medication', value: true }); // NCT03923205
    // Which medication, or how often, is left to a person.
    attested(exc('Taking regular medication'), /no rule reads it/); // NCT03860623
    attested(exc('Current use of medications that could alter brain function'), /no rule reads it/); // NCT03920319
    attested(exc('no medications that affect behavior/learning/appetite'), /no rule reads it/); // NCT03861208
    attested(exc('Patients on any topical or systemic medication within 4 weeks before enrollment.'), /no rule reads it/); // NCT03866447
  });
  it('a treatment narrowed by words no rule reads stays attested', () => {
    attested(exc('continuous steroid therapy'), /narrows steroid therapy/); // NCT03868033
    attested(exc('Long term steroid treatment'), /narrows steroid treatment/); // NCT03867656
    attested(exc('< 3 months since start of vaginal estrogen treatment'), /narrows estrogen treatment/); // NCT03926299
    attested(exc('Medications that could influence the outcome of periodontal therapy.'), /narrows periodontal therapy/); // NCT03863249
    // "Also included": allowed, not required.
    attested(inc('participants on antihypertensive therapy were also included in the study'), /narrows antihypertensive therapy/); // NCT03863210
    // The contraindication binds the antiarrhythmic drugs too, across the parenthesis.
    attested(exc('6. Patients with contraindications for anticoagulation therapy(for prevention of cerebral infarction) and antiarrhythmic drugs'), /narrows/); // NCT03920917
    // In an inclusion both alternatives must be read, and the duration of 24 hours is read by no rule.
    attested(
      inc('Patients who have received treatment with meropenem or piperacillin-tazobactam (pip-tazo) intravenously (IV) (of at least 24 hours duration) in past 7 days'), // NCT03862079
      /meropenem/,
    );
  });
});

describe('allergies', () => {
  it('allergens that are no treatment, one code for each allergen', () => {
    computes(exc('Participants allergic to milk products.'), has('allergies', 'milk')); // NCT03865680
    computes(exc('Allergies to milk and dairy products'), has('allergies', 'milk')); // NCT03926806
    computes(
      exc('Known allergy to FDG, fluciclovine, or iodine-based contrast agents'), // NCT03868020
      any(has('allergies', 'fdg'), has('allergies', 'fluciclovine'), has('allergies', 'iodinated-contrast')),
    );
    computes(
      exc('Hypersensitivity for propofol, soya, eggs or peanuts'), // NCT03861377
      any(has('allergies', 'propofol'), has('allergies', 'soy'), has('allergies', 'egg'), has('allergies', 'peanut')),
    );
    computes(exc('Allergy to local anesthetic drug or opioids'), any(has('allergies', 'local-anesthetics'), has('allergies', 'opioid'))); // NCT03867695
    // In an exclusion a comma may end the line; the amide local anaesthetics are a group of their own.
    computes(exc('known allergy to amino amide local anesthetics,'), has('allergies', 'amide-local-anesthetics')); // NCT03863977
  });
  it('a class of allergens is its own code, read in an exclusion only', () => {
    computes(exc('Food allergies/intolerances'), has('allergies', 'food')); // NCT03923205
    // An inclusion naming the class admits an allergy to one food, which the code "food" does not hold.
    attested(inc('Food allergies/intolerances'), /no rule reads it/);
  });
  it('in an exclusion, the substance named before "or any of the excipients" suffices', () => {
    partly(exc('Hypersensitivity to NovoMix® 30 or to any of the excipients'), any(has('allergies', 'novomix-30'), rest('or to any of the excipients'))); // NCT03862690
    partly(exc('Hypersensitivity to semaglutide or to any of the excipients'), any(has('allergies', 'semaglutide'), rest('or to any of the excipients'))); // NCT03929679
    partly(
      exc('Allergy to pantoprazole or to any component of regimens used in the study'), // NCT03925818
      any(has('allergies', 'pantoprazole'), rest('or to any component of regimens used in the study')),
    );
  });
  it('people named before "X allergy" are no part of the substance; degree and doubt are', () => {
    // Constructed lines: the corpus has none of these forms, which main read as the codes "patients-with-latex" and "severe-latex".
    computes(exc('Patients with latex allergy'), has('allergies', 'latex'));
    attested(exc('Severe latex allergy'), /judgement \(severe\)/);
    attested(exc('Suspected penicillin allergy'), /no rule reads it/);
  });
  it('"for" follows an allergy, not an intolerance; the excipients end the list', () => {
    // Constructed lines.
    attested(exc('Intolerance for physical exercise'), /no rule reads it/);
    // In an inclusion a comma at the end may cut a list of alternatives, each of which would admit.
    attested(inc('Allergy to penicillin,'), /no rule reads it/);
    // The excipients are not the last item: the list goes on, and is not read as one.
    attested(exc('Hypersensitivity to dexmedetomidine or any of its components, or to sesame oil'), /no rule reads/);
  });
  it('allergies to what only a person can name stay attested', () => {
    attested(exc('Known hypersensitivity to any of the constituents or excipients of the investigational product'), /no rule reads it/); // NCT03866317
    attested(exc('History of allergy to any of the study drugs'), /no rule reads it/); // NCT03925779
    attested(exc('Known allergy for Acipimox, beta agonist, or other substances in the tablets'), /judgement \(other\)/); // NCT03866512
    // A negated exclusion may mean those without food allergies, as it reads, or those with them.
    attested(exc('no food allergies'), /no rule reads it/); // NCT03861208
  });
});
