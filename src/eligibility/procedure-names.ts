/**
 * Procedures and treatments, chosen by their frequency in the attested lines of the development
 * corpus (bench/fixtures/lct-dev-criteria.txt). Recorded in current_treatments / prior_treatments or
 * dated as last.<code>, like condition-lexicon.ts' treatmentNames. A kind of surgery is its own code
 * ("cataract surgery" is not "surgery"), and so is a narrower procedure ("sleeve gastrectomy" is not
 * "gastrectomy"). A procedure is done once, so its code names it as a procedure (surgery, -ectomy,
 * -otomy, -ostomy, transplant: line-tense.ts then never reads it as a current treatment); procedures
 * whose names end otherwise (-plasty, -scopy, "catheterisation", "anaesthesia") are left out until
 * that rule knows them.
 */
export const procedureNames: readonly (readonly [string, string])[] = [
  // Kinds of surgery whose organ or site compound-names.ts does not list.
  ['cataract surgery|cataract extraction', 'cataract-surgery'],
  // "Earlier parathyroidectomized" (NCT03868371): the patient was operated. Not the noun, which may be the operation the study
  // schedules ("or concurrent parathyroidectomy", NCT03869398), not a treatment at screening.
  ['parathyroidectomi[sz]ed', 'parathyroidectomy'],
  ['hepatobiliary surgery', 'hepatobiliary-surgery'],
  ['open[- ]heart surgery', 'open-heart-surgery'],
  ['intra-?ocular surger(?:y|ies)', 'intraocular-surgery'],
  ['genitourinary surgery', 'genitourinary-surgery'],
  ['endovascular surgery', 'endovascular-surgery'],
  ['periodontal surgery', 'periodontal-surgery'],
  ['breast surgery', 'breast-surgery'],
  ['vertebral surgery|vertebra surgery', 'vertebral-surgery'],
  ['laparoscopic surgery', 'laparoscopic-surgery'],
  ['gastric bypass(?: surgery)?', 'gastric-bypass-surgery'],
  ['gallbladder surgery', 'gallbladder-surgery'],
  ['intrathoracic surgery', 'intrathoracic-surgery'],
  ['inguinal surgery', 'inguinal-surgery'],
  ['ligament surgery', 'ligament-surgery'],
  ['rotator cuff surgery', 'rotator-cuff-surgery'],
  ['pancreas surgery', 'pancreatic-surgery'],
  ['maxillo-?facial surgery', 'maxillofacial-surgery'],
  ['facial surgery|face surgery', 'facial-surgery'],
  ['(?:cranial|skull) base surgery', 'skull-base-surgery'],
  ['hindfoot surgery', 'hindfoot-surgery'],
  // Named operations.
  ['sleeve gastrectomy', 'sleeve-gastrectomy'],
  ['pancreaticoduodenectomy|Whipple procedure', 'pancreaticoduodenectomy'],
  ['pancreatectomy', 'pancreatectomy'],
  ['hepatectomy', 'hepatectomy'],
  ['hemicolectomy', 'hemicolectomy'],
  ['colectomy', 'colectomy'],
  ['appendectomy|appendicectomy', 'appendectomy'],
  ['adenotonsillectomy', 'adenotonsillectomy'],
  ['tonsillectomy', 'tonsillectomy'],
  ['radical prostatectomy', 'radical-prostatectomy'],
  ['prostatectomy', 'prostatectomy'],
  // RARC: robot-assisted radical cystectomy.
  ['radical cystectomy|\\bRARC\\b', 'radical-cystectomy'],
  ['cystectomy', 'cystectomy'],
  ['lobectomy', 'lobectomy'],
  ['lymphadenectomy', 'lymphadenectomy'],
  ['thymectomy', 'thymectomy'],
  ['lumpectomy', 'lumpectomy'],
  ['vitrectomy', 'vitrectomy'],
  ['laminectomy', 'laminectomy'],
  ['discectomy|diskectomy', 'discectomy'],
  ['mechanical thrombectomy', 'mechanical-thrombectomy'],
  ['thrombectomy', 'thrombectomy'],
  ['thoracotomy', 'thoracotomy'],
  ['sternotomy', 'sternotomy'],
  ['laparotomy', 'laparotomy'],
  ['craniotomy', 'craniotomy'],
  ['craniectomy', 'craniectomy'],
  ['sphincterotomy', 'sphincterotomy'],
  ['osteotomy', 'osteotomy'],
  ['episiotomy', 'episiotomy'],
  ['colostomy', 'colostomy'],
  ['ileostomy', 'ileostomy'],
  // LSCS: lower segment caesarean section, the usual caesarean incision.
  ['lower segment ca?esarean section|\\bLSCS\\b', 'caesarean-section'],
  ['knee (?:joint )?replacement|knee arthroplasty', 'knee-arthroplasty'],
  ['catheter ablation', 'catheter-ablation'],
  ['pancreas transplant(?:ation)?', 'pancreas-transplant'],
  ['corneal transplant(?:ation)?', 'corneal-transplant'],
  // A cord blood transplant is a haematopoietic stem cell transplant, as a bone marrow one is (the code of treatment-names.ts);
  // "trasplanation" and "transplanation" (NCT03920540) are transplantation misspelt.
  ['(?:bone marrow|cord blood) tra(?:n)?splanation|cord blood transplant(?:ation)?', 'haematopoietic-stem-cell-transplant'],
  ['bronchotomy', 'bronchotomy'],
  // A transfusion of a blood product (red cells, platelets, plasma) is a blood transfusion (the code of condition-lexicon.ts).
  ['blood product transfusions?|transfusions? of blood products?', 'blood-transfusion'],
  // Treatments given over a time, which may be current.
  ['peritoneal dialysis', 'peritoneal-dialysis'],
  // Chronic (maintenance) dialysis is long-term renal replacement, narrower than any dialysis (an acute one too): its own code.
  ['(?:chronic|maintenance) (?:ha?emo)?dialysis', 'chronic-dialysis'],
  // Chronic (long-term) opioid use: opioids on most days for more than 3 months (CDC 2016 opioid guideline); its own code, not "opioid".
  ['(?:chronic|long-term) opioid use', 'chronic-opioid-use'],
  ['chemoradiotherapy|chemoradiation|radiochemotherapy', 'chemoradiotherapy'],
  ['platinum-based chemotherapy', 'platinum-based-chemotherapy'],
  ['renal replacement therapy', 'renal-replacement-therapy'],
  ['brachytherapy', 'brachytherapy'],
  ['radioactive iodine|radioiodine', 'radioactive-iodine'],
  ['insulin pumps?|continuous subcutaneous insulin infusion', 'insulin-pump'],
  // A hearing aid the patient wears (NCT03864003: "Current hearing aid user").
  ['hearing aids?(?: users?)?', 'hearing-aid'],
  ['basal insulin', 'basal-insulin'],
  ['mechanically ventilated', 'mechanical-ventilation'],
  ['intra-?articular (?:corticosteroid|steroid) injections?', 'intra-articular-corticosteroid-injection'],
  ['intra-?articular injections?', 'intra-articular-injection'],
  // Drug classes.
  ['oral contraceptive pills?', 'oral-contraceptive'],
  ['tricyclic antidepressants?', 'tricyclic-antidepressant'],
  // Atypical (second-generation) antipsychotics are one class of antipsychotics: its own code.
  ['(?:atypical|second[- ]generation) antipsychotics?', 'atypical-antipsychotic'],
  ['monoamine oxidase inhibitors?|MAO inhibitors?|\\bMAOIs?\\b', 'monoamine-oxidase-inhibitor'],
  ['complement inhibitors?', 'complement-inhibitor'],
  ['anti-?inflammatory (?:drugs?|medications?|agents?|treatment|therapy)', 'anti-inflammatory-drug'],
  ['antimicrobials|antimicrobial (?:drugs?|agents?|therapy|treatment)', 'antimicrobial'],
  ['analgesics|analgesic (?:drugs?|medications?|agents?)', 'analgesic'],
  ['sedatives', 'sedative'],
  ['lipid[- ]lowering (?:drugs?|medications?|agents?|therapy|treatment)|hypolipid(?:a)?emic (?:drugs?|agents?|medications?)', 'lipid-lowering-drug'],
  ['nutritional supplements?|dietary supplements?', 'dietary-supplement'],
  ['anti-?VEGF (?:therapy|treatment|agents?|drugs?|injections?)', 'anti-vegf'],
  // Operations corpus lines name that no list had (session 12).
  ['partial thyroidectomy', 'partial-thyroidectomy'],
  ['myomectomy', 'myomectomy'],
  ['adenoidectomy', 'adenoidectomy'],
  ['sympathectomy', 'sympathectomy'],
];
