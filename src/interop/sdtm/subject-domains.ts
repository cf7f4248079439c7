import { domain, identifiers, type DomainSpec } from './domain-spec.js';

/*
 * The subject-level SDTM domains the export writes, variables in SDTMIG 3.4 order with its labels.
 * Variables the trial does not collect (race, ethnicity, MedDRA coding) are left out rather than filled
 * with invented values; Define-XML says so per dataset.
 */

const visit = [
  ['VISITNUM', 'Visit Number', 'float', 'Protocol', 'Exp'],
  ['VISIT', 'Visit Name', 'string', 'Protocol', 'Perm'],
] as const;

export const dm: DomainSpec = domain(
  'DM',
  'Demographics',
  'SPECIAL PURPOSE',
  'One record per subject',
  ['STUDYID', 'USUBJID'],
  [
    ...identifiers,
    ['SUBJID', 'Subject Identifier for the Study', 'string', 'Collected', 'Req'],
    ['RFSTDTC', 'Subject Reference Start Date/Time', 'date', 'Collected', 'Exp'],
    ['RFENDTC', 'Subject Reference End Date/Time', 'date', 'Derived', 'Exp'],
    ['RFXSTDTC', 'Date/Time of First Study Treatment', 'date', 'Derived', 'Exp'],
    ['RFXENDTC', 'Date/Time of Last Study Treatment', 'date', 'Derived', 'Exp'],
    ['RFICDTC', 'Date/Time of Informed Consent', 'date', 'Collected', 'Exp'],
    ['SITEID', 'Study Site Identifier', 'string', 'Assigned', 'Req'],
    ['BRTHDTC', 'Date/Time of Birth', 'date', 'Collected', 'Perm'],
    ['AGE', 'Age', 'integer', 'Derived', 'Exp'],
    ['AGEU', 'Age Units', 'string', 'Assigned', 'Exp', 'AGEU'],
    ['SEX', 'Sex', 'string', 'Collected', 'Req', 'SEX'],
    ['ARMCD', 'Planned Arm Code', 'string', 'Assigned', 'Exp'],
    ['ARM', 'Description of Planned Arm', 'string', 'Assigned', 'Exp'],
    ['ACTARMCD', 'Actual Arm Code', 'string', 'Derived', 'Exp'],
    ['ACTARM', 'Description of Actual Arm', 'string', 'Derived', 'Exp'],
    ['ARMNRS', 'Reason Arm and/or Actual Arm is Null', 'string', 'Derived', 'Exp', 'ARMNULRS'],
    ['COUNTRY', 'Country', 'string', 'Assigned', 'Req', 'COUNTRY'],
  ],
);

export const ex: DomainSpec = domain(
  'EX',
  'Exposure',
  'INTERVENTIONS',
  'One record per constant dosing interval per subject',
  ['STUDYID', 'USUBJID', 'EXTRT', 'EXSTDTC'],
  [
    ...identifiers,
    ['EXSEQ', 'Sequence Number', 'integer', 'Derived', 'Req'],
    ['EXTRT', 'Name of Treatment', 'string', 'Protocol', 'Req'],
    ['EXDOSE', 'Dose', 'float', 'Protocol', 'Exp'],
    ['EXDOSU', 'Dose Units', 'string', 'Protocol', 'Exp', 'UNIT'],
    ['EXROUTE', 'Route of Administration', 'string', 'Protocol', 'Perm', 'ROUTE'],
    ['EXSTDTC', 'Start Date/Time of Treatment', 'date', 'Collected', 'Exp'],
    ['EXENDTC', 'End Date/Time of Treatment', 'date', 'Collected', 'Exp'],
    ['EXSTDY', 'Study Day of Start of Treatment', 'integer', 'Derived', 'Perm'],
    ['EXENDY', 'Study Day of End of Treatment', 'integer', 'Derived', 'Perm'],
  ],
);

export const ae: DomainSpec = domain(
  'AE',
  'Adverse Events',
  'EVENTS',
  'One record per adverse event per subject',
  ['STUDYID', 'USUBJID', 'AETERM', 'AESTDTC'],
  [
    ...identifiers,
    ['AESEQ', 'Sequence Number', 'integer', 'Derived', 'Req'],
    ['AETERM', 'Reported Term for the Adverse Event', 'string', 'Collected', 'Req'],
    ['AEDECOD', 'Dictionary-Derived Term', 'string', 'Assigned', 'Req'],
    ['AESER', 'Serious Event', 'string', 'Collected', 'Exp', 'NY'],
    ['AEACN', 'Action Taken with Study Treatment', 'string', 'Collected', 'Exp', 'ACN'],
    ['AEREL', 'Causality', 'string', 'Collected', 'Exp', 'AEREL'],
    ['AEOUT', 'Outcome of Adverse Event', 'string', 'Collected', 'Perm', 'OUT'],
    ['AESCONG', 'Congenital Anomaly or Birth Defect', 'string', 'Collected', 'Perm', 'NY'],
    ['AESDISAB', 'Persist or Signif Disability/Incapacity', 'string', 'Collected', 'Perm', 'NY'],
    ['AESDTH', 'Results in Death', 'string', 'Collected', 'Perm', 'NY'],
    ['AESHOSP', 'Requires or Prolongs Hospitalization', 'string', 'Collected', 'Perm', 'NY'],
    ['AESLIFE', 'Is Life Threatening', 'string', 'Collected', 'Perm', 'NY'],
    ['AESMIE', 'Other Medically Important Serious Event', 'string', 'Collected', 'Perm', 'NY'],
    ['AETOXGR', 'Standard Toxicity Grade', 'string', 'Collected', 'Perm', 'TOXGR'],
    ['AESTDTC', 'Start Date/Time of Adverse Event', 'date', 'Collected', 'Exp'],
    ['AEENDTC', 'End Date/Time of Adverse Event', 'date', 'Collected', 'Exp'],
    ['AESTDY', 'Study Day of Start of Adverse Event', 'integer', 'Derived', 'Perm'],
    ['AEENDY', 'Study Day of End of Adverse Event', 'integer', 'Derived', 'Perm'],
  ],
);

export const ds: DomainSpec = domain(
  'DS',
  'Disposition',
  'EVENTS',
  'One record per disposition status or protocol milestone per subject',
  ['STUDYID', 'USUBJID', 'DSDECOD', 'DSSTDTC'],
  [
    ...identifiers,
    ['DSSEQ', 'Sequence Number', 'integer', 'Derived', 'Req'],
    ['DSTERM', 'Reported Term for the Disposition Event', 'string', 'Collected', 'Req'],
    ['DSDECOD', 'Standardized Disposition Term', 'string', 'Assigned', 'Req', 'NCOMPLT'],
    ['DSCAT', 'Category for Disposition Event', 'string', 'Assigned', 'Exp', 'DSCAT'],
    ['DSSTDTC', 'Start Date/Time of Disposition Event', 'date', 'Collected', 'Exp'],
    ['DSSTDY', 'Study Day of Start of Disposition Event', 'integer', 'Derived', 'Perm'],
  ],
);

export const sv: DomainSpec = domain(
  'SV',
  'Subject Visits',
  'SPECIAL PURPOSE',
  'One record per actual or planned visit per subject',
  ['STUDYID', 'USUBJID', 'VISITNUM'],
  [
    ...identifiers,
    ...visit,
    ['SVSTDTC', 'Start Date/Time of Observation', 'date', 'Collected', 'Exp'],
    ['SVENDTC', 'End Date/Time of Observation', 'date', 'Collected', 'Exp'],
    ['SVSTDY', 'Study Day of Start of Observation', 'integer', 'Derived', 'Perm'],
    ['SVENDY', 'Study Day of End of Observation', 'integer', 'Derived', 'Perm'],
  ],
);

export const lb: DomainSpec = domain(
  'LB',
  'Laboratory Test Results',
  'FINDINGS',
  'One record per lab test per time point per visit per subject',
  ['STUDYID', 'USUBJID', 'LBTESTCD', 'VISITNUM'],
  [
    ...identifiers,
    ['LBSEQ', 'Sequence Number', 'integer', 'Derived', 'Req'],
    ['LBTESTCD', 'Lab Test or Examination Short Name', 'string', 'Assigned', 'Req', 'LBTESTCD'],
    ['LBTEST', 'Lab Test or Examination Name', 'string', 'Assigned', 'Req', 'LBTEST'],
    ['LBORRES', 'Result or Finding in Original Units', 'string', 'Collected', 'Exp'],
    ['LBORRESU', 'Original Units', 'string', 'Collected', 'Exp', 'UNIT'],
    ['LBSTRESC', 'Character Result/Finding in Std Format', 'string', 'Derived', 'Exp'],
    ['LBSTRESN', 'Numeric Result/Finding in Standard Units', 'float', 'Derived', 'Exp'],
    ['LBSTRESU', 'Standard Units', 'string', 'Derived', 'Exp', 'UNIT'],
    ['LBTOX', 'Toxicity', 'string', 'Derived', 'Perm'],
    ['LBTOXGR', 'Standard Toxicity Grade', 'string', 'Derived', 'Perm', 'TOXGR'],
    ...visit,
    ['LBDTC', 'Date/Time of Specimen Collection', 'date', 'Collected', 'Exp'],
    ['LBDY', 'Study Day of Specimen Collection', 'integer', 'Derived', 'Perm'],
  ],
);

export const qs: DomainSpec = domain(
  'QS',
  'Questionnaires',
  'FINDINGS',
  'One record per questionnaire per question per time point per visit per subject',
  ['STUDYID', 'USUBJID', 'QSCAT', 'QSTESTCD', 'VISITNUM'],
  [
    ...identifiers,
    ['QSSEQ', 'Sequence Number', 'integer', 'Derived', 'Req'],
    ['QSTESTCD', 'Question Short Name', 'string', 'Assigned', 'Req'],
    ['QSTEST', 'Question Name', 'string', 'Assigned', 'Req'],
    ['QSCAT', 'Category of Question', 'string', 'Assigned', 'Req'],
    ['QSORRES', 'Finding in Original Units', 'string', 'Collected', 'Exp'],
    ['QSSTRESC', 'Character Result/Finding in Std Format', 'string', 'Derived', 'Exp'],
    ['QSSTRESN', 'Numeric Finding in Standard Units', 'float', 'Derived', 'Exp'],
    ...visit,
    ['QSDTC', 'Date/Time of Finding', 'date', 'Collected', 'Exp'],
    ['QSDY', 'Study Day of Finding', 'integer', 'Derived', 'Perm'],
  ],
);
