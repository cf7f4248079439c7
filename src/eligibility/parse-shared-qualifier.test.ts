import { describe, it } from 'vitest';
import { all, any, attested, computes, exc, has, inc, partly, rest, within } from './parse-expect.test-helper.js';

// shared-qualifier.ts: "A or B C" read as "A C or B C" where both are whole names the lexicon knows and "A" alone is none.
describe('words before "or" that share the head of the name after it', () => {
  it('reads both names, with the qualifiers of the whole phrase', () => {
    // "Vitamin" is part of the name: "vitamin B12 deficiency" and "B12 deficiency" are one code.
    computes(exc('Vitamin B12 or folic acid deficiency,'), any(has('diagnoses', 'vitamin-b12-deficiency'), has('diagnoses', 'folate-deficiency'))); // NCT03861637
    computes(exc('Kidney or hepatic disease'), any(has('diagnoses', 'kidney-disease'), has('diagnoses', 'hepatic-disease'))); // NCT03861377
    computes(exc('Hepatic or renal impairment.'), any(has('diagnoses', 'hepatic-impairment'), has('diagnoses', 'renal-impairment'))); // NCT03925714
    computes(exc('current alcohol or drug abuse'), any(has('diagnoses', 'alcohol-use-disorder'), has('diagnoses', 'substance-use-disorder'))); // NCT03868358
    // "Current or prior": ever, as for one name.
    computes(exc('Current or prior alcohol or drug abuse'), any(has('history', 'alcohol-use-disorder'), has('history', 'substance-use-disorder'))); // NCT03867344
    computes(exc('History of renal or hepatic insufficiency'), any(has('history', 'renal-insufficiency'), has('history', 'hepatic-insufficiency'))); // NCT03926663
    computes(exc('Previous thoracic or abdominal surgery.'), any(has('prior_treatments', 'thoracic-surgery'), has('prior_treatments', 'abdominal-surgery'))); // NCT03860623
    // The time window after the head binds both names.
    computes(
      exc('History of drug or alcohol dependence within 6 months'), // NCT03868384
      any(within('last.substance-use-disorder', 6, 'months', 'screening'), within('last.alcohol-use-disorder', 6, 'months', 'screening')),
    );
    computes(
      exc('Any periodontal or Antibiotic treatment during the last six months.'), // NCT03923829
      any(within('last.periodontal-treatment', 6, 'months', 'screening'), within('last.antibiotic', 6, 'months', 'screening')),
    );
  });
  it('reads the first words of a longer name only where the name after the "or" repeats them', () => {
    computes(inc('Presence of type I or type II diabetes mellitus'), any(has('diagnoses', 'type-1-diabetes'), has('diagnoses', 'type-2-diabetes'))); // NCT03927690
    computes(inc('Diagnosis of type 1 or type 2 diabetes'), any(has('diagnoses', 'type-1-diabetes'), has('diagnoses', 'type-2-diabetes'))); // NCT03863561
    // "acute" may reach over the "or" (acute lymphoblastic leukemia): not read (made-up line).
    attested(exc('acute myeloid or lymphoblastic leukemia'), /narrows/);
  });
  it('reads the earlier items of a list as far as each shares the head', () => {
    // Inclusion: any of the three is enough, so their alternative is necessary.
    computes(
      inc('Patient with paroxysmal/persistent/permanent atrial fibrillation'), // NCT03867227
      any(has('diagnoses', 'paroxysmal-atrial-fibrillation'), has('diagnoses', 'persistent-atrial-fibrillation'), has('diagnoses', 'permanent-atrial-fibrillation')),
    );
    // "nicotine abusers" is no name the lexicon knows: nicotine stays an alternative to attest.
    partly(exc('Current nicotine, alcohol or drug abusers'), any(any(has('diagnoses', 'alcohol-use-disorder'), has('diagnoses', 'substance-use-disorder')), rest('Current nicotine'))); // NCT03863743
  });
  it('stays attested where a word before the pair may narrow both', () => {
    // "chronic kidney disease" is another code than "kidney disease": "chronic" may reach "liver disease" too.
    attested(exc('chronic kidney or liver disease'), /may share a qualifier/);
    attested(exc('Chronic Liver or kidney disease'), /may share a qualifier/); // NCT03864796
    attested(exc('Severe liver or renal insufficiency'), /may share a qualifier; it needs judgement \(severe\)/); // NCT03869957
    attested(exc('serious systemic or mental diseases'), /may share a qualifier/); // NCT03863210
    // "lower spine surgery" is a reading too.
    attested(exc('History of lower extremity or spine surgery'), /may share a qualifier/); // NCT03920020
    // "Significant" reaches past the "or" of "history of or current" (the rule leaves such lines as they were).
    attested(exc('Significant history of or current cardiovascular, respiratory, hepatic, renal, gastrointestinal, endocrine, hematological or neurological disorders.'), /significant/); // NCT03929744
    // "Acute" may reach "cervicitis" too, and an acute cervicitis is narrower than a cervicitis: not read.
    attested(exc('Acute vaginitis or cervicitis'), /may share a qualifier/); // NCT03863613
    // "and" may join the parts of one thing ("head and neck"): not read.
    attested(exc('Obstetric and cardiac surgery'), /may share a qualifier/); // NCT03921086
  });
  it('leaves the first word alone where it names something of its own', () => {
    // Osteoporosis is a name alone: "Osteoporosis or gastrointestinal disease" is two conditions, as before.
    computes(exc('Osteopososis or gastrointestinal disease'), any(has('diagnoses', 'osteoporosis'), has('diagnoses', 'gastrointestinal-disease'))); // NCT03867656
  });
  it('keeps a clause after the head on both names', () => {
    // A restrictive clause binds the pair: neither name alone is sufficient (made-up line).
    partly(
      exc('Liver or kidney disease that could interfere with the study'),
      all(any(has('diagnoses', 'liver-disease'), has('diagnoses', 'kidney-disease')), rest('that could interfere with the study')),
    );
  });
});
