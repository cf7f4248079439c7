import type { FactDefinition } from './fact-definition.js';

/** The participant's group in a study of several (study-group.ts); its codes are the group names the protocol's criteria use. */
export const STUDY_GROUP = 'study_group';

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
    // Medical care is a branch of social security (ILO Convention 102, 1952, Part II): a national health insurance is one such scheme.
    description: 'Affiliated to, or a beneficiary of, a social security scheme (a national health insurance, such as the French Assurance Maladie, is one).',
  },
  {
    name: 'previously_enrolled',
    type: 'boolean',
    // The study's own enrolment log (ICH E6(R2) 8.3.21 "subject identification code list" and 8.3.22 "subject enrolment log"): an earlier entry of this person.
    description:
      'Enrolled (included) in this same study before the current screening, under an earlier inclusion of the same person. No for a first screening, or a new screening after a screen failure that was never enrolled.',
  },
  {
    name: 'inpatient',
    type: 'boolean',
    // Consistent with last_hospitalisation (dated-event-facts.ts): for an inpatient, that date is the screening date.
    description: 'In hospital as an inpatient (admitted and not yet discharged) on the screening date, in any hospital, psychiatric units included.',
  },
  {
    name: 'in_other_interventional_trial',
    type: 'boolean',
    // ClinicalTrials.gov "Study Type: Interventional": participants are assigned by the protocol to an intervention (or none) to evaluate its effects; an observational study assigns none.
    description:
      'Currently taking part in another interventional study (a clinical trial that assigns its participants an intervention, drug, device, procedure or behaviour, by its protocol). No for observational studies and registries only.',
  },
  {
    name: 'in_exclusion_period',
    type: 'boolean',
    // French Public Health Code art. L1121-12: a protocol may set an exclusion period in which its participants may not take part in other research; art. L1121-16: the national file that records it for volunteers.
    description: 'Currently within the exclusion period set by another research study the person took part in (a period in which they may not take part in other research).',
  },
  {
    name: 'nursing_home_resident',
    type: 'boolean',
    description: 'Lives in a nursing home (a residential facility giving 24-hour nursing care), on the screening date.',
  },
  {
    name: STUDY_GROUP,
    type: 'code',
    // No fixed values: each protocol names its own groups ("Inclusion Criteria for Caregivers:", "Healthy controls:").
    description:
      'The group of the study the candidate would join, recorded as the code the protocol’s criteria name it by: its words in lower case joined by hyphens ("Healthy controls:" → healthy-controls); the codes a protocol names are listed with its column. Any other code for a group its criteria do not name.',
  },
];
