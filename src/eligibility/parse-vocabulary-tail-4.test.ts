import { describe, it } from 'vitest';
import { all, attested, computes, exc, has, partly, rest } from './parse-expect.test-helper.js';

// Names seen under a degree in exclusions (session 11), each read by hand from its corpus line.
describe('more names, each its own code or a true synonym', () => {
  it("reads the name, and the degree before it as a person's part (narrowed-names.ts)", () => {
    partly(exc('Severe hepatocellular insufficiency'), all(has('diagnoses', 'hepatic-insufficiency'), rest('Severe'))); // NCT03867695
    // Aortic insufficiency is aortic regurgitation: one condition, two names.
    partly(exc('severe aortic insufficiency,'), all(has('diagnoses', 'aortic-regurgitation'), rest('severe'))); // NCT03869606
    // A haemorrhagic disorder is a bleeding disorder.
    partly(exc('Severe hemorrhagic disorders'), all(has('diagnoses', 'bleeding-disorder'), rest('Severe'))); // NCT03869957
    partly(exc('Have a history of severe motion sickness'), all(has('history', 'motion-sickness'), rest('severe'))); // NCT03863314
    partly(exc('Significant developmental disability'), all(has('diagnoses', 'developmental-disability'), rest('Significant'))); // NCT03920384
    partly(exc('Unstable hypertensive patients'), all(has('diagnoses', 'hypertension'), rest('Unstable'))); // NCT03865368
    partly(exc('Patients with major congenital anomalies'), all(has('diagnoses', 'congenital-anomaly'), rest('major'))); // NCT03860701
    partly(exc('known extensive intra-abdominal adhesions'), all(has('diagnoses', 'abdominal-adhesions'), rest('extensive'))); // NCT03861195
  });
  it('reads a drug allergy as the class in an exclusion, and an operation the patient had', () => {
    computes(exc('drug allergy'), has('allergies', 'drug')); // NCT03923075
    computes(exc('Earlier parathyroidectomized'), has('prior_treatments', 'parathyroidectomy')); // NCT03868371
  });
  it('leaves alone what may be another thing', () => {
    // The noun may be the operation the study schedules beside its own ("concurrent parathyroidectomy", NCT03869398).
    attested(exc('partial thyroidectomy, lobectomy, or concurrent parathyroidectomy.'), /./);
    // "Immunosuppression" may be the state or its drugs ("chronic use of … immunosuppression", NCT03860545): not read.
    attested(exc('Severe immunosuppression'), /./); // NCT03868969
    // A study drug is no class of allergen.
    attested(exc('allergy to the study drug'), /./);
  });
});
