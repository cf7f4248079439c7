import { describe, it } from 'vitest';
import { all, any, attested, cmp, computes, exc, has, inc, partly, rest } from './parse-expect.test-helper.js';

/**
 * qualifiers.ts: an item number opening the line ("1.", "2)", "(3)") is no word that narrows the
 * name after it. Lines verbatim from the development corpus (NCT number given), readings worked out by hand.
 */
describe('an item number before a qualified name', () => {
  it('is read as no word', () => {
    computes(inc('1. diagnosed as HIV positive;'), { kind: 'is', fact: 'hiv_positive', value: true }); // NCT03860116
    computes(exc('5. Patients with active internal bleeding'), has('diagnoses', 'internal-bleeding')); // NCT03920917
    computes(exc('10. Drug addicts or alcoholics'), any(has('diagnoses', 'substance-use-disorder'), has('diagnoses', 'alcohol-use-disorder'))); // NCT03920917
    partly(
      inc('1. Patient with paroxysmal atrial fibrillation who is scheduled for ablation procedure and ≥20 and ≤80 years of age'), // NCT03920917
      all(has('diagnoses', 'paroxysmal-atrial-fibrillation'), all(cmp('age', '>=', 20, 'years'), cmp('age', '<=', 80, 'years')), rest('Patient with who is scheduled for ablation procedure and')),
    );
  });
  it('the words after it still narrow the name', () => {
    attested(inc('2. initiate antiretroviral therapy on the day of recruitment;'), /"initiate antiretroviral therapy" narrows/); // NCT03860116
    attested(exc('5. revision surgery'), /"revision surgery" narrows surgery/); // NCT03869203
    // A number that is not an item number stays a word: "3 grade" is a grade.
    attested(exc('3 grade auriculo-ventricular heart block without pacing'), /narrows heart block/); // NCT03867695
  });
});
