import { domain, type DomainSpec } from './domain-spec.js';

/** The trial design datasets (SDTMIG 3.4 §7), variables as in CDISC's SDTM-MSG v2 example. */
const head = [
  ['STUDYID', 'Study Identifier', 'string', 'Protocol', 'Req'],
  ['DOMAIN', 'Domain Abbreviation', 'string', 'Assigned', 'Req'],
] as const;

export const ta: DomainSpec = domain(
  'TA',
  'Trial Arms',
  'TRIAL DESIGN',
  'One record per planned Element per Arm',
  ['STUDYID', 'ARMCD', 'TAETORD'],
  [
    ...head,
    ['ARMCD', 'Planned Arm Code', 'string', 'Protocol', 'Req'],
    ['ARM', 'Description of Planned Arm', 'string', 'Protocol', 'Req'],
    ['TAETORD', 'Planned Order of Element within Arm', 'integer', 'Protocol', 'Req'],
    ['ETCD', 'Element Code', 'string', 'Protocol', 'Req'],
    ['ELEMENT', 'Description of Element', 'string', 'Protocol', 'Perm'],
    ['TABRANCH', 'Branch', 'string', 'Protocol', 'Exp'],
    ['EPOCH', 'Epoch', 'string', 'Protocol', 'Req', 'EPOCH'],
  ],
);

export const te: DomainSpec = domain(
  'TE',
  'Trial Elements',
  'TRIAL DESIGN',
  'One record per planned Element',
  ['STUDYID', 'ETCD'],
  [
    ...head,
    ['ETCD', 'Element Code', 'string', 'Protocol', 'Req'],
    ['ELEMENT', 'Description of Element', 'string', 'Protocol', 'Req'],
    ['TESTRL', 'Rule for Start of Element', 'string', 'Protocol', 'Req'],
    ['TEENRL', 'Rule for End of Element', 'string', 'Protocol', 'Perm'],
    ['TEDUR', 'Planned Duration of Element', 'string', 'Protocol', 'Perm'],
  ],
);

export const tv: DomainSpec = domain(
  'TV',
  'Trial Visits',
  'TRIAL DESIGN',
  'One record per planned Visit per Arm',
  ['STUDYID', 'VISITNUM'],
  [
    ...head,
    ['VISITNUM', 'Visit Number', 'float', 'Protocol', 'Req'],
    ['VISIT', 'Visit Name', 'string', 'Protocol', 'Perm'],
    ['VISITDY', 'Planned Study Day of Visit', 'integer', 'Protocol', 'Perm'],
    ['TVSTRL', 'Visit Start Rule', 'string', 'Protocol', 'Req'],
    ['TVENRL', 'Visit End Rule', 'string', 'Protocol', 'Perm'],
  ],
);

export const ti: DomainSpec = domain(
  'TI',
  'Trial Inclusion/Exclusion Criteria',
  'TRIAL DESIGN',
  'One record per I/E criterion',
  ['STUDYID', 'IETESTCD'],
  [
    ...head,
    ['IETESTCD', 'Incl/Excl Criterion Short Name', 'string', 'Protocol', 'Req'],
    ['IETEST', 'Inclusion/Exclusion Criterion', 'string', 'Protocol', 'Req'],
    ['IECAT', 'Inclusion/Exclusion Category', 'string', 'Protocol', 'Req', 'IECAT'],
    ['TIVERS', 'Protocol Criteria Versions', 'string', 'Protocol', 'Perm'],
  ],
);

export const ts: DomainSpec = domain(
  'TS',
  'Trial Summary',
  'TRIAL DESIGN',
  'One record per trial summary parameter value',
  ['STUDYID', 'TSPARMCD', 'TSSEQ'],
  [
    ...head,
    ['TSSEQ', 'Sequence Number', 'integer', 'Assigned', 'Req'],
    ['TSPARMCD', 'Trial Summary Parameter Short Name', 'string', 'Assigned', 'Req', 'TSPARMCD'],
    ['TSPARM', 'Trial Summary Parameter', 'string', 'Assigned', 'Req', 'TSPARM'],
    ['TSVAL', 'Parameter Value', 'string', 'Protocol', 'Exp'],
    ['TSVALNF', 'Parameter Null Flavor', 'string', 'Assigned', 'Perm'],
  ],
);
