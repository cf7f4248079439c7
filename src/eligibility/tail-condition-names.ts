/**
 * The tail of the condition names (issue #17): names and abbreviations from development corpus lines
 * that no rule read ("Diagnosis of ALS or PLS", "Clinical diagnosis of AECOPD", "Patients with
 * pneumthorax"). Same rules as condition-lexicon.ts: each name is recorded under the code given, a
 * narrower name is its own code ("mild traumatic brain injury" is not "traumatic brain injury", an
 * exacerbation of COPD is not COPD), and synonyms, spellings and abbreviations share a code only where
 * they name the same condition. An abbreviation is listed only where registry text uses it for one
 * condition; "MS" (multiple sclerosis or mitral stenosis), "CD", "OP" and "ASD" (atrial septal defect or
 * autism spectrum disorder) are not. An abbreviation before a hyphen is not read: "ALS-like" (or "ALS -like")
 * manifestations are not ALS, "CF-related diabetes" is a diabetes.
 */
export const tailConditionNames: readonly (readonly [string, string])[] = [
  // AFL is atrial flutter (ESC 2019 SVT guideline abbreviation); the code of organ-condition-names.ts.
  ['\\bAFL\\b(?! ?-)', 'atrial-flutter'],
  ['(?:ostium )?secundum (?:ASD|atrial septal defect)', 'secundum-atrial-septal-defect'],
  ['atrial septal defects?', 'atrial-septal-defect'],
  ['intracardiac thromb(?:us|i)', 'intracardiac-thrombus'],
  ['thrombophlebitis', 'thrombophlebitis'],
  // An acute exacerbation is an event of COPD, its own code (GOLD 2023 report).
  // A COPD exacerbation is acute by definition (worsening over less than 14 days, GOLD 2023): the same code.
  ['acute exacerbations? of (?:COPD|chronic obstructive pulmonary disease)|\\bAECOPD\\b(?! ?-)|COPD exacerbations?', 'acute-exacerbation-of-copd'],
  // "pneumthorax" (NCT03921112) is pneumothorax misspelt; the code of more-condition-names.ts.
  ['pneumthorax', 'pneumothorax'],
  ['\\bCF\\b(?! ?-)', 'cystic-fibrosis'],
  ['peritonitis', 'peritonitis'],
  ['necroti[sz]ing enterocolitis|\\bNEC\\b(?! ?-)', 'necrotising-enterocolitis'],
  // "Wilson dis-ease" (NCT03867526): disease hyphenated; hepatolenticular degeneration is Wilson disease.
  ["Wilson(?:'s)? dis-?ease|hepatolenticular degeneration", 'wilson-disease'],
  // ALS is amyotrophic lateral sclerosis; PLS, primary lateral sclerosis, is another motor neurone disease (two codes).
  ['\\bALS\\b(?! ?-)', 'amyotrophic-lateral-sclerosis'],
  ['primary lateral sclerosis|\\bPLS\\b(?! ?-)', 'primary-lateral-sclerosis'],
  ['mild traumatic brain injur(?:y|ies)|\\bmTBI\\b(?! ?-)', 'mild-traumatic-brain-injury'],
  // Primary mitochondrial myopathy, as the 2016 Rome consensus names it (Mancuso et al., Neuromuscul Disord 2017).
  ['primary mitochondrial myopath(?:y|ies)|\\bPMM\\b(?! ?-)', 'primary-mitochondrial-myopathy'],
  // Tetrahydrobiopterin (BH4) deficiency, a cause of hyperphenylalaninaemia.
  ['(?:tetrahydrobiopterin|BH4) deficiency', 'bh4-deficiency'],
  // TMD: temporomandibular disorders, as the Research Diagnostic Criteria for TMD (RDC/TMD, Dworkin 1992) name them.
  ['temporomandibular disorders?|\\bTMDs?\\b(?! ?-)', 'temporomandibular-disorder'],
  ['giant[- ]cell arteritis|\\bGCA\\b(?! ?-)', 'giant-cell-arteritis'],
  ['\\bUC\\b(?! ?-)', 'ulcerative-colitis'],
  ['\\bAUD\\b(?! ?-)', 'alcohol-use-disorder'],
  ['pityriasis lichenoides', 'pityriasis-lichenoides'],
  ['vitreo-?macular traction(?: \\(VMT\\))?(?: syndrome)?', 'vitreomacular-traction'],
  ['internal bleeding', 'internal-bleeding'],
  // Narrower names, each its own code (the broader name they contain is not read).
  ['acute renal failure', 'acute-renal-failure'],
  ['chronic renal insufficiency', 'chronic-renal-insufficiency'],
  ['chronic liver failure', 'chronic-liver-failure'],
  ['decompensated heart failure', 'decompensated-heart-failure'],
  ['central sleep apn(?:o)?ea', 'central-sleep-apnoea'],
  ['conductive hearing loss', 'conductive-hearing-loss'],
  ['primary lymph(?:o)?edema', 'primary-lymphoedema'],
  ['microcytic hypochromic an(?:a)?emia', 'microcytic-hypochromic-anaemia'],
  ['drug-induced psoriasis', 'drug-induced-psoriasis'],
  // Secondary myelofibrosis follows polycythaemia vera or essential thrombocythaemia (WHO 2016 myeloid neoplasms).
  ['secondary myelofibrosis', 'secondary-myelofibrosis'],
  ['congenital long QT syndrome', 'congenital-long-qt-syndrome'],
  ['triple[- ]negative breast cancer|\\bTNBC\\b(?! ?-)', 'triple-negative-breast-cancer'],
  ['cerebral infarcts?|cerebral infarction', 'cerebral-infarction'],
  ['unprovoked venous thromboembolism', 'unprovoked-venous-thromboembolism'],
  ['cerebral sino-?venous thrombosis|cerebral (?:venous )?sinus (?:venous )?thrombosis|\\bCSVT\\b(?! ?-)', 'cerebral-sinovenous-thrombosis'],
  ['left atrial (?:appendage )?(?:clots?|thromb(?:us|i))', 'left-atrial-thrombus'],
  ['walled-off (?:pancreatic )?necrosis', 'walled-off-necrosis'],
  ['scrotal hernias?', 'scrotal-hernia'],
  ['pubertal delay|delayed puberty', 'delayed-puberty'],
  ['temporomandibular joint (?:\\(TMJ\\) )?disorders?|\\bTMJ disorders?', 'temporomandibular-joint-disorder'],
  // Lateral epicondylalgia is lateral epicondylitis, tennis elbow (one condition, several names).
  ['lateral epicondyl(?:algia|itis)|tennis elbow', 'lateral-epicondylalgia'],
  ['ankle sprains?', 'ankle-sprain'],
  ['colon adenocarcinoma', 'colon-adenocarcinoma'],
  ['oral squamous (?:cell )?carcinoma', 'oral-squamous-cell-carcinoma'],
  // Pregnancy: preterm prelabour rupture of membranes is its own code, narrower than any rupture of membranes.
  ['preterm premature rupture of (?:the )?membranes|\\bPPROM\\b(?! ?-)', 'preterm-premature-rupture-of-membranes'],
  ['rupture of (?:the )?membranes?', 'rupture-of-membranes'],
  ['preterm labou?r|premature labou?r', 'preterm-labour'],
  ['irregular menstrual cycles?|irregular menses|menstrual irregularit(?:y|ies)', 'irregular-menstrual-cycle'],
  // "Mental handicap" (French "handicap mental") is the older name of intellectual disability, the code of more-condition-names.ts.
  ['mental handicap', 'intellectual-disability'],
  // A melanoma is malignant by definition (WHO classification of skin tumours): "malignant melanoma" is melanoma.
  ['malignant melanoma', 'melanoma'],
  ['open fractures?', 'open-fracture'],
  ['ur(?:a)?emia', 'uraemia'],
  ['brachial plexopath(?:y|ies)', 'brachial-plexopathy'],
  // A traumatic nerve injury is one kind of nerve injury: its own code.
  ['traumatic nerve injur(?:y|ies)', 'traumatic-nerve-injury'],
  ['thoracic outlet syndrome', 'thoracic-outlet-syndrome'],
  ['porphyrias?', 'porphyria'],
  ['osteomalacia', 'osteomalacia'],
  ['schizoaffective disorders?', 'schizoaffective-disorder'],
  ['pneumomediastinum', 'pneumomediastinum'],
  ['schizophreniform disorders?', 'schizophreniform-disorder'],
  // Prostatic hypertrophy is the older name of benign prostatic hyperplasia.
  ['benign prostatic (?:hyperplasia|hypertrophy)|prostatic hypertrophy', 'benign-prostatic-hyperplasia'],
  ['tachyarrhythmias?', 'tachyarrhythmia'],
  // Volume overload, fluid overload and hypervolaemia name one state.
  ['volume overload|fluid overload|hypervol(?:a)?emia', 'fluid-overload'],
  // A valve prosthesis of any kind; a mechanical valve (one kind of it) is not named here.
  ['valvular prosthes[ie]s|(?:heart )?valve prosthes[ie]s|prosthetic (?:heart )?valves?', 'prosthetic-heart-valve'],
  ['malignant hyperthermia', 'malignant-hyperthermia'],
  // The plural names the same code as condition-lexicon.ts' "cancer": any of them is a cancer.
  ['cancers', 'cancer'],
  // "Osteopososis" (NCT03867656) is osteoporosis misspelt; the code of condition-lexicon.ts.
  ['osteopososis', 'osteoporosis'],
  // Infective endocarditis is one kind of endocarditis (ESC 2023 endocarditis guideline): its own code.
  ['infective endocarditis', 'infective-endocarditis'],
  // An endocrinopathy is an endocrine disease, a class: the code "Endocrine disease" is read under, never one of them.
  ['endocrinopath(?:y|ies)', 'endocrine-disease'],
  // An endocrine disorder is an endocrine disease: one code, not two as written.
  ['endocrine disorders?', 'endocrine-disease'],
  // Muscular dystrophies are a group of inherited myopathies (Duchenne, Becker …): the group is its own code.
  ['muscular dystroph(?:y|ies)', 'muscular-dystrophy'],
  // A seizure is an event, not epilepsy (ILAE 2014 definition); "anti-seizure" names a drug, not one.
  ['(?<!-)seizures?', 'seizure'],
  ['nausea', 'nausea'],
  // Only "metallic": "metal implant/fragment in the head" (NCT03861806) is narrowed by where it is.
  ['metallic implants?', 'metallic-implant'],
  // A cardiac implantable electronic device (pacemaker, ICD, CRT; EHRA 2017 consensus) is a class: its own code, not a pacemaker.
  ['(?:implanted|implantable) cardiac (?:electronic )?devices?', 'cardiac-implantable-device'],
  // Immune thrombocytopenia is the current name of idiopathic (immune) thrombocytopenic purpura, ITP (Rodeghiero et al., Blood 2009).
  ['immune thrombocytop(?:enia|enic)(?: purpura)?|idiopathic thrombocytopenic purpura', 'immune-thrombocytopenia'],
  // A stoma is a surgical opening of a hollow organ on the skin; "ostomy" names the same. Each kind (colostomy …) has its own code.
  ['stomas?|ostom(?:y|ies)', 'stoma'],
  // A prosthetic knee the patient has now (its own code, not the arthroplasty that placed it).
  ['knee prosthes[ie]s', 'knee-prosthesis'],
  // Impaired kidney or liver function is renal or hepatic impairment: the codes compound-names.ts gives "renal impairment", "liver impairment" ….
  ['impaired renal functions?', 'renal-impairment'],
  ['impaired kidney functions?', 'kidney-impairment'],
  ['impaired liver functions?', 'liver-impairment'],
  ['impaired hepatic functions?', 'hepatic-impairment'],
  // An implanted neurostimulator (spinal cord, deep brain, vagus nerve stimulator …) the patient has now: one class, its own code.
  ['(?:implanted|implantable) neurostimulators?(?: devices?)?', 'implanted-neurostimulator'],
  // Seen under a degree in exclusions ("Severe hepatocellular insufficiency", "severe aortic insufficiency"): each the condition named.
  // Aortic insufficiency is aortic regurgitation, and hepatocellular insufficiency hepatic insufficiency (same condition, two names).
  ['aortic (?:valve )?(?:insufficiency|regurgitation)', 'aortic-regurgitation'],
  ['mitral valve stenosis', 'mitral-stenosis'],
  ['hepatic insufficiency|hepatocellular insufficiency|liver insufficiency', 'hepatic-insufficiency'],
  // A haemorrhagic disorder is a bleeding disorder (the code of more-condition-names.ts).
  ['ha?emorrhagic disorders?', 'bleeding-disorder'],
  ['motion sickness', 'motion-sickness'],
  ['vaginal discharge', 'vaginal-discharge'],
  ['developmental disabilit(?:y|ies)', 'developmental-disability'],
  ['coronary (?:artery )?stenosis', 'coronary-artery-stenosis'],
  // "Patients with major congenital anomalies", "known extensive intra-abdominal adhesions" (NCT corpus).
  ['congenital (?:anomal(?:y|ies)|malformations?)', 'congenital-anomaly'],
  ['(?:intra-?abdominal|abdominal|peritoneal) adhesions', 'abdominal-adhesions'],
  ['scoliosis', 'scoliosis'],
  // "Unstable hypertensive patients" (NCT corpus): patients with hypertension.
  ['hypertensive (?:patients?|subjects?|individuals|persons|people)', 'hypertension'],
  // Session 12: names corpus lines use that no list had, each its own code (a narrower name before the broader one it contains).
  // Lung (pulmonary) hypoplasia: one condition, two names (SNOMED CT 80825009 "Hypoplasia of lung").
  ['(?:lung|pulmonary) hypoplasia', 'lung-hypoplasia'],
  ['oligohydramnios', 'oligohydramnios'],
  ['placenta accreta', 'placenta-accreta'],
  // Any tumour, but not one in parentheses: there it is an example of the words before it, which narrow it
  // ("History of upper airway pathology (tumor, cleft palate-lips, etc.)", NCT03920748).
  ['(?<!\\([^()]*)tumou?rs?', 'tumour'],
  ['inflammatory arthritis', 'inflammatory-arthritis'],
  ['septic arthritis', 'septic-arthritis'],
  ['atherosclerosis', 'atherosclerosis'],
  ['arteriosclerosis', 'arteriosclerosis'],
  ['eczema', 'eczema'],
  ['tendinopath(?:y|ies)', 'tendinopathy'],
  ['hyperprolactin(?:a)?emia', 'hyperprolactinaemia'],
  ['osteomyelitis', 'osteomyelitis'],
  ['sinusitis', 'sinusitis'],
  ['cystitis', 'cystitis'],
  ['pyelonephritis', 'pyelonephritis'],
  ['prostatitis', 'prostatitis'],
  ['nephrotic syndrome', 'nephrotic-syndrome'],
  ['gastroparesis', 'gastroparesis'],
  ['vasculitis', 'vasculitis'],
  ["von Willebrand(?:'s)? disease", 'von-willebrand-disease'],
  ['parkinsonism', 'parkinsonism'],
  ["Huntington(?:'s)? disease", 'huntington-disease'],
  ['macular degeneration', 'macular-degeneration'],
  ['myopia', 'myopia'],
  ['strabismus', 'strabismus'],
  ['blepharitis', 'blepharitis'],
  ['epistaxis', 'epistaxis'],
  ['secondary hyperparathyroidism', 'secondary-hyperparathyroidism'],
  // nr-axSpA, as the ASAS classification criteria (Rudwaleit et al., Ann Rheum Dis 2009) name it: narrower than spondyloarthritis.
  ['non-radiographic axial spondyloarthritis|\\bnr-axSpA\\b(?! ?-)', 'non-radiographic-axial-spondyloarthritis'],
  ['open head injur(?:y|ies)', 'open-head-injury'],
  ['thyroid adenomas?', 'thyroid-adenoma'],
  ['neurodevelopmental delay', 'neurodevelopmental-delay'],
  // A malignancy is a cancer (condition-lexicon.ts); one of the small bowel, or of the central nervous system, is its own code.
  ['small[- ]bowel (?:malignanc(?:y|ies)|cancers?)', 'small-bowel-cancer'],
  ['(?:central nervous system|\\bCNS) (?:malignanc(?:y|ies)|cancers?)', 'cns-cancer'],
  // Ectasia after refractive surgery is iatrogenic corneal ectasia (Global Consensus on Keratoconus and Ectatic Diseases, Cornea 2015).
  ['(?:corneal )?ectasia after refractive surgery', 'post-refractive-surgery-ectasia'],
  ['bruxism', 'bruxism'],
  ['traumatic occlusion', 'traumatic-occlusion'],
  // Malignant (space-occupying) middle cerebral artery infarction, a narrower name than cerebral infarction.
  ['malignant (?:cerebral|middle cerebral artery|MCA) infarct(?:s|ion)?', 'malignant-cerebral-infarction'],
  ['neurological deficits?|neurologic deficits?', 'neurological-deficit'],
  // Orchitis secondary to mumps is mumps orchitis (ICD-10 B26.0).
  ['mumps orchitis|orchitis secondary to mumps', 'mumps-orchitis'],
  ['idiopathic scoliosis', 'idiopathic-scoliosis'],
  ['(?:inherited|congenital) fibrinogen disorders?', 'inherited-fibrinogen-disorder'],
  // A defect of haemostasis is a haemostatic disorder: its own code.
  ['(?:defects?|disorders?) of (?:the )?ha?emostasis|ha?emostatic (?:defects?|disorders?)', 'haemostatic-disorder'],
  // Mucormycosis is infection with mucormycetes (CDC, Mucormycosis); "mycormycetes" (NCT03862079) is mucormycetes misspelt.
  ['mucormycosis|infections? with (?:mucormycetes|mycormycetes)', 'mucormycosis'],
  ['(?:gastrointestinal|\\bGI) (?:malignanc(?:y|ies)|cancers?)', 'gastrointestinal-cancer'],
];
