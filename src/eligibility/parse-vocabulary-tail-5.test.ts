import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { all, any, attested, computes, exc, has, inc, partly, rest } from './parse-expect.test-helper.js';

// Names corpus lines use that no list had (session 12), each reading worked out by hand from its corpus line.
describe('more condition names, each its own code', () => {
  it('reads a tumour named alone', () => {
    computes(exc('tumors,'), has('diagnoses', 'tumour')); // NCT03862898
  });
  it('reads narrower names as their own codes', () => {
    computes(exc('Any prior central nervous system malignancy'), has('history', 'cns-cancer')); // NCT03865355
    computes(exc('Small bowel malignancy or history of small bowel malignancy'), any(has('diagnoses', 'small-bowel-cancer'), has('history', 'small-bowel-cancer'))); // NCT03866538
    computes(exc('Hyperthyroidism or thyroid adenomas'), any(has('diagnoses', 'hyperthyroidism'), has('diagnoses', 'thyroid-adenoma'))); // NCT03928171
    computes(exc('Patient with neurodevelopmental delay or thalassemia'), any(has('diagnoses', 'neurodevelopmental-delay'), has('diagnoses', 'thalassaemia'))); // NCT03864991
    computes(exc('Preexisting neurological deficit or psychiatric illness'), any(has('diagnoses', 'neurological-deficit'), has('diagnoses', 'psychiatric-illness'))); // NCT03860480
    computes(exc('women with known defects of the hemostasis'), has('diagnoses', 'haemostatic-disorder')); // NCT03861195
    // Mucormycosis is infection with mucormycetes; "mycormycetes" is the word misspelt.
    computes(exc('Patients with a prior documented infection with mycormycetes'), has('history', 'mucormycosis')); // NCT03862079
    // Which GI organs the text counts is left to a person; a GI cancer is one of them.
    partly(exc('Patients with GI malignancy (GI tract, hepatobiliary, pancreatic)'), any(has('diagnoses', 'gastrointestinal-cancer'), rest('Patients with GI tract, hepatobiliary, pancreatic'))); // NCT03860688
    // Orchitis secondary to mumps is mumps orchitis (ICD-10 B26.0).
    computes(exc('orchitis secondary to mumps'), has('diagnoses', 'mumps-orchitis')); // NCT03864198
    computes(inc('Documented keratoconus or ectasia after refractive surgery'), any(has('diagnoses', 'keratoconus'), has('diagnoses', 'post-refractive-surgery-ectasia'))); // NCT03922542
    // "a traumatic occlusion" has its own article: "Heavy" is bruxism's alone, and left to a person.
    partly(exc('Heavy bruxism or a traumatic occlusion.'), any(has('diagnoses', 'traumatic-occlusion'), rest('Heavy bruxism or a'))); // NCT03923192
  });
  it('reads a broader name in an inclusion, where it is needed', () => {
    // Which inherited fibrinogen disorder is left to a person; one of them is needed.
    partly(
      inc('Inherited fibrinogen disorders (hypofibrinogenemia, dysfibrinogenemia, hypodysfibrinogenemia)'),
      all(has('diagnoses', 'inherited-fibrinogen-disorder'), rest('hypofibrinogenemia, dysfibrinogenemia, hypodysfibrinogenemia')),
    ); // NCT03920332
    // Idiopathic kyphosis, if "idiopathic" reaches it, is a kyphosis: any kyphosis is needed for it.
    partly(inc('Have a diagnosis of idiopathic scoliosis and/or kyphosis'), any(has('diagnoses', 'idiopathic-scoliosis'), has('diagnoses', 'kyphosis'), rest('Have a diagnosis of and/or'))); // NCT03867240
  });
  it('leaves a name alone where other words narrow it', () => {
    // In parentheses a name is an example of the words before it: a tumour elsewhere is no upper airway pathology.
    attested(exc('History of upper airway pathology (tumor, cleft palate-lips, etc.)'), /./); // NCT03920748
    attested(exc('Tumors of the cerebellum, brain stem or midline'), /narrows/); // NCT03861299
    attested(inc('The tumor is suitable for resection (according to neurosurgeon)'), /narrows/); // NCT03861299
    // "neuromuscular" may reach "kyphosis": in an exclusion any kyphosis would be too much.
    attested(exc('A diagnosis of neuromuscular scoliosis and/or kyphosis'), /./); // NCT03867240
  });
});

describe('more treatments, each its own code', () => {
  it('reads treatments the patient had', () => {
    computes(exc('History of previous intrapleural talc injection;'), has('prior_treatments', 'talc-pleurodesis')); // NCT03864874
    computes(exc('Patients with previous macular laser'), has('prior_treatments', 'macular-laser')); // NCT03866746
    computes(inc('have had prior adenoidectomy'), has('prior_treatments', 'adenoidectomy')); // NCT03868891
    // An iduronate-2-sulfatase ERT is a class (idursulfase is one): its own code.
    computes(exc('Prior treatment with iduronate-2-sulfatase ERT'), has('prior_treatments', 'iduronate-2-sulfatase-ert')); // NCT03920540
  });
  it('reads a drug class taken now beside words left to a person', () => {
    const c = exc('Being treated with IL-1 inhibitor, other biological agents and immunosuppressants'); // NCT03923140
    expect(c.computability).toBe('partly-computable');
    expect(formatExpr(c.expr)).toMatch(/^current_treatments has il-1-inhibitor or attested/);
  });
  it('leaves an unread window to a person', () => {
    // "within the former 4 months" is no window a rule reads; current treatment is the narrowest reading of it.
    partly(exc('panretinal photocoagulation (PRP) within the former 4 months.'), all(has('current_treatments', 'panretinal-photocoagulation'), rest('PRP within the former 4 months'))); // NCT03866746
  });
});
