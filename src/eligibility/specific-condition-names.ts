/**
 * Names from development corpus lines that no rule read (issue #17). Mostly established diagnoses whose
 * first word named-conditions.ts and qualifiers.ts take as vague or narrowing ("secondary", "primary",
 * "chronic", "acute"): here the whole phrase names one condition, its own code, never the broader one
 * it contains ("secondary glaucoma" is not "glaucoma"). A few are other spellings of a code the lexicon
 * has ("diabetes type 2", "PCO syndrome", "chronic renal disease"), and a few are names not listed before.
 */
export const specificConditionNames: readonly (readonly [string, string])[] = [
  // Glaucoma by mechanism (European Glaucoma Society Terminology and Guidelines, 5th ed. 2020): closed angle is angle closure.
  ['primary open[- ]angle glaucoma|\\bPOAG\\b', 'primary-open-angle-glaucoma'],
  ['(?:angle[- ]closure|closed[- ]angle) glaucoma', 'angle-closure-glaucoma'],
  ['secondary glaucoma', 'secondary-glaucoma'],
  // Hypertension with an identifiable cause (ESC/ESH 2018 guidelines, section 8).
  ['secondary hypertension', 'secondary-hypertension'],
  ['secondary osteoporosis', 'secondary-osteoporosis'],
  // Ischaemic heart disease is its own name (ICD-10 I20–I25), kept apart from coronary artery disease.
  ['isch(?:a)?emic heart diseases?|\\bIHD\\b', 'ischaemic-heart-disease'],
  ['ventricular arrhythmias?', 'ventricular-arrhythmia'],
  ['sensorineural hearing loss|\\bSNHL\\b', 'sensorineural-hearing-loss'],
  ['mechanical (?:prosthetic )?heart valves?', 'mechanical-heart-valve'],
  ['autosomal dominant polycystic kidney disease|\\bADPKD\\b', 'autosomal-dominant-polycystic-kidney-disease'],
  ['renal colic', 'renal-colic'],
  ['testicular torsion|torsion of the testis', 'testicular-torsion'],
  ['psychotic symptoms', 'psychotic-symptoms'],
  // "Vasa preavia", "Placental preavia" (NCT03863613): praevia misspelt; the placenta or its vessels over the cervix.
  ['vasa pr(?:ae|ea|e)via', 'vasa-praevia'],
  ['placenta(?:l)? pr(?:ae|ea|e)via', 'placenta-praevia'],
  ['prostat(?:e|ic) abscess(?:es)?', 'prostate-abscess'],
  ['hypertensive emergenc(?:y|ies)', 'hypertensive-emergency'],
  ['digital ulcers?', 'digital-ulcer'],
  ['cluster headaches?', 'cluster-headache'],
  ['hemiplegic headaches?', 'hemiplegic-headache'],
  // Two inherited salt-wasting tubulopathies, two codes (Bartter: loop of Henle; Gitelman: distal tubule).
  ["Bartter(?:'s)? (?:syndrome|disease)", 'bartter-syndrome'],
  ["Gitelman(?:'s)? (?:syndrome|disease)", 'gitelman-syndrome'],
  ['postlingual(?:ly)? deaf(?:ened|ness)', 'postlingual-deafness'],
  // PCO is polycystic ovary (PCO syndrome is PCOS), the same code as more-condition-names.ts.
  ['PCO syndrome', 'polycystic-ovary-syndrome'],
  // "Chronic" names a condition of its own here, not a degree: the broader name would be the acute one too.
  ['chronic renal disease', 'chronic-kidney-disease'],
  ['chronic renal failure', 'chronic-renal-failure'],
  ['chronic heart failure', 'chronic-heart-failure'],
  ['chronic atrial fibrillation', 'chronic-atrial-fibrillation'],
  ['chronic aseptic meningitis', 'chronic-aseptic-meningitis'],
  ['chronic anal fissures?', 'chronic-anal-fissure'],
  // "Acute" names the acute form of the condition, its own code.
  ['acute heart failure', 'acute-heart-failure'],
  ['acute urinary retention', 'acute-urinary-retention'],
  // "Diabetes type 2": the type after the name.
  ['diabetes(?: mellitus)?,? type (?:2|II)(?![\\w.])', 'type-2-diabetes'],
  ['diabetes(?: mellitus)?,? type (?:1|I)(?![\\w.])', 'type-1-diabetes'],
];

/** Treatments the lexicon's lists did not name, each its own code. */
export const specificTreatmentNames: readonly (readonly [string, string])[] = [
  // Transthyretin amyloidosis drugs (an antisense oligonucleotide and an siRNA): two drugs, two codes.
  ['inotersen', 'inotersen'],
  ['patisiran', 'patisiran'],
  ['resveratrol', 'resveratrol'],
  ['psychoactive (?:drugs?|medications?|substances?)', 'psychoactive-drug'],
  ['poly ?\\(ADP-ribose\\) polymerase (?:\\(PARP\\) )?inhibitors?|PARP inhibitors?', 'parp-inhibitor'],
  ['mitral valvuloplasty', 'mitral-valvuloplasty'],
];
