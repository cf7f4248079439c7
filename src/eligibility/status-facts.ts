import type { FactDefinition } from './fact-definition.js';

/** Recorded statuses of the participant: yes/no facts a person records once, read by the parser where a line states exactly them. */
export const statusFacts: readonly FactDefinition[] = [
  {
    name: 'informed_consent',
    type: 'boolean',
    // CDISC SDTM DM.RFICDTC "Date/Time of Informed Consent" and the DS event "INFORMED CONSENT OBTAINED"; ICH E6(R2) 4.8.8 (signed and dated form).
    description:
      'Written informed consent to take part in this study has been given and documented (signed and dated by the participant or, where the protocol allows, a legally acceptable representative).',
  },
  {
    name: 'childbearing_potential',
    type: 'boolean',
    // CTFG 2014, "Recommendations related to contraception and pregnancy testing in clinical trials", section 2: WOCBP.
    description:
      'A woman of childbearing potential: fertile, from menarche until post-menopausal (no menses for 12 months without another cause), unless permanently sterile (hysterectomy, bilateral salpingectomy or oophorectomy). No for men.',
  },
  {
    name: 'prisoner',
    type: 'boolean',
    // US 45 CFR 46.303(c): "any individual involuntarily confined or detained in a penal institution", detention pending arraignment, trial or sentencing included.
    description: 'Currently a prisoner: involuntarily confined or detained in a penal institution, or detained pending arraignment, trial or sentencing (police custody included).',
  },
  {
    name: 'deprived_of_liberty',
    type: 'boolean',
    // French Public Health Code art. L1121-6: "personnes privées de liberté par une décision judiciaire ou administrative".
    description: 'Currently deprived of liberty by a judicial or administrative decision (prison, police custody, psychiatric care without consent).',
  },
  {
    name: 'legal_protection',
    type: 'boolean',
    // French Public Health Code art. L1121-8 ("majeurs faisant l'objet d'une mesure de protection légale"); the measures of Civil Code art. 425 ff.
    description:
      'An adult under a legal protection measure: guardianship (tutelle), curatorship (curatelle), safeguard of justice (sauvegarde de justice) or family authorisation (habilitation familiale).',
  },
  {
    name: 'social_security',
    type: 'boolean',
    // French Public Health Code art. L1121-11: research participants must be "affiliée à un régime de sécurité sociale ou bénéficiaire d'un tel régime".
    description: 'Affiliated to, or a beneficiary of, a social security scheme.',
  },
];
