import type { RegimenInput } from '../regimen-schema.js';
import type { ProtocolInput } from '../schema.js';
import { ssEstimands } from './seed-estimands.js';

/**
 * NCT02464319, low-dose hrIL-2 in primary Sjögren's syndrome (seed 000). Registry text is verbatim;
 * the dosing schedule is not in the record and is taken from the trial's publication (He et al., JAMA
 * Netw Open 2022;5:e2241451), marked as such in `notes`; visit windows and per-visit assessments are
 * assumptions. Week N is study day 7N + 1 (week 0 = day 1, the first dose).
 */
const PUBLICATION = 'He J, Chen J, Miao M, et al. JAMA Netw Open 2022;5(11):e2241451. doi:10.1001/jamanetworkopen.2022.41451';
const activeRegimen: RegimenInput = {
  description: '1 million U of hrIL-2 s.c. every other day for 2 weeks, then a 2-week pause, 3 cycles (12 weeks; schedule from the publication, see notes)',
  steps: [
    {
      kind: 'cycle',
      times: 3,
      steps: [
        { kind: 'every', interval: 2, forDays: 14, dose: { amount: 1, unit: 'MIU' } },
        { kind: 'rest', days: 14 },
      ],
    },
  ],
  holdRule: 'skip',
};

export const ssIl2: ProtocolInput = {
  id: 'ss-il2',
  version: '1',
  identifiers: { registryId: 'NCT02464319', orgStudyId: 'hrIL-2-SS1' },
  title: "A Phase II Study With Low-dose Recombinant Human IL-2 for the Treatment of Primary Sjögren's Syndrome",
  officialTitle: "Safety and Efficiency Study of Low-dose IL-2 Treatment in Primary Sjögren's Syndrome",
  phase: 'phase2',
  conditions: ["Primary Sjögren's Syndrome"],
  status: 'completed',
  dates: {
    start: { date: '2015-06-01', kind: 'actual' },
    primaryCompletion: { date: '2017-03-31', kind: 'actual' },
    completion: { date: '2017-08-31', kind: 'actual' },
    firstPosted: '2015-06-08',
    lastUpdatePosted: '2018-03-15',
  },
  enrolment: { target: 60, kind: 'actual' },
  design: {
    allocation: 'randomized',
    interventionModel: 'parallel',
    primaryPurpose: 'treatment',
    masking: { level: 'quadruple', masked: ['participant', 'care-provider', 'investigator', 'outcomes-assessor'] },
    // Week-24 visit (day 169) plus its 7-day window.
    durationDays: 176,
    randomization: { scheme: 'permuted-blocks', blockSizes: [2, 4], strata: ['site'] },
  },
  arms: [
    {
      id: 'active',
      label: 'Experimental: hrIL-2 active',
      type: 'active-comparator',
      ratio: 1,
      interventions: [
        {
          id: 'hril2-active',
          drug: 'hrIL-2 active',
          otherNames: ['Human recombinant IL-2'],
          route: 'subcutaneous',
          regimen: activeRegimen,
          verbatim: 'Add hrIL-2 according to the protocol to original treatment. HrIL-2 active: 1 million U doses of human recombinant interleukin-2 s.c. injection',
        },
      ],
    },
    {
      id: 'placebo',
      label: 'Placebo Comparator: hrIL-2 placebo',
      type: 'placebo-comparator',
      ratio: 1,
      interventions: [
        {
          id: 'hril2-placebo',
          drug: 'hrIL-2 placebo',
          otherNames: ['placebo'],
          placebo: true,
          route: 'subcutaneous',
          regimen: { ...activeRegimen, description: "1 million U of placebo s.c. on the active arm's schedule (from the publication; see notes)" },
          verbatim: '1 million U doses of placebo s.c. injection',
        },
      ],
    },
  ],
  visits: [
    { id: 'week-0', name: 'Week 0 (baseline)', day: 1, windowBefore: 0, windowAfter: 0, assessments: ['essdai', 'labs', 'ss-labs', 'immune-panel'] },
    { id: 'week-12', name: 'Week 12', day: 85, windowBefore: 7, windowAfter: 7, assessments: ['labs', 'ss-labs', 'immune-panel', 'adverse-events'] },
    { id: 'week-24', name: 'Week 24', day: 169, windowBefore: 7, windowAfter: 7, assessments: ['essdai', 'labs', 'ss-labs', 'immune-panel', 'adverse-events'] },
  ],
  eligibility: {
    minAge: { value: 18, unit: 'years' },
    maxAge: { value: 65, unit: 'years' },
    sex: 'all',
    healthyVolunteers: false,
    inclusion: [
      { id: 'inc-1', text: 'Diagnosis of a primary Sjögren´s Syndrome' },
      { id: 'inc-2', text: 'ESSDAI score ≥ 6' },
      { id: 'inc-3', text: 'Liver values above 1,5 ULN' },
      { id: 'inc-4', text: 'Stable low dose systemic use of Glucocorticoids(<=7.5mg) in the last 4 weeks before begin with Study medication' },
    ],
    exclusion: [
      { id: 'exc-1', text: "Secondary Sjögren's Syndrome" },
      { id: 'exc-2', text: 'Pre-treatment with Cyclosporine A' },
      { id: 'exc-3', text: 'Receiving cyclosphosphamide, corticosteroid bolus with dose over 1 mg/kg, rituximab, belimumab, other immunosuppressives' },
      { id: 'exc-4', text: 'Infection' },
      { id: 'exc-5', text: 'Neoplasia' },
      { id: 'exc-6', text: 'Relevant cardiac, pulmonary, neurologic or psychiatric disease' },
      { id: 'exc-7', text: 'Life-Vaccination within 4 weeks before begin with study medication' },
      { id: 'exc-8', text: 'Pregnant or breast-feeding' },
      { id: 'exc-9', text: 'Weight under 45kg or more than 80kg' },
    ],
  },
  outcomes: [
    {
      id: 'essdai-improvement',
      kind: 'primary',
      measure: "Examination of the therapeutic effects (improvement in ESSDAI) of low dose IL-2 in patients with primary Sjögren's Syndrome",
      timeFrame: '24 weeks',
      instrument: 'essdai',
      visits: ['week-0', 'week-24'],
      responder: { definition: 'essdai-improvement-3', visits: ['week-24'] },
      estimand: ssEstimands.essdai,
    },
    {
      id: 'immunological-responses',
      kind: 'secondary',
      measure: 'Immunological Responses',
      timeFrame: '0,12,24weeks',
      instrument: 'immune-panel',
      visits: ['week-0', 'week-12', 'week-24'],
      description:
        'Analysis regulatory CD4+ T (Treg) cells , interleukin 17 (IL-17)-producing helper T (Th17) cells and follicular helper T (Tfh) cells before and during IL-2 treatment. P values below 0.05 are considered statistically significant in this study',
      estimand: ssEstimands.immune,
    },
  ],
  sites: [
    {
      id: 'pkuph-rheumatology',
      name: "Department of Rheumatology and Immunology, Peking University People's Hospital",
      city: 'Beijing',
      region: 'Beijing',
      postalCode: '100044',
      country: 'China',
      contacts: [{ name: 'Zhanguo Li, MD, PhD', role: 'principal-investigator', affiliation: 'Peking University Institute of Rheumatology and Immunology' }],
    },
  ],
  contacts: [
    { name: 'Zhanguo Li, MD, PhD', role: 'principal-investigator', affiliation: 'Peking University Institute of Rheumatology and Immunology' },
    {
      name: 'Zhanguo Li',
      role: 'responsible-party',
      affiliation: "Chief of Department of Rheumatology and Immunology,Peking University People's Hospital, Peking University People's Hospital",
    },
  ],
  doseHoldRules: [
    { kind: 'lab-below', analyte: 'lymphocytes', threshold: 600, unit: '/mm3' },
    { kind: 'related-ae-grade', minGrade: 3 },
  ],
  notes: [
    {
      kind: 'assumption',
      field: 'outcomes',
      text: "The record states no estimands. Each outcome's estimand (ICH E9(R1): population, variable, intercurrent events and their strategy, summary measure) is the il2trials analysis plan.",
    },
    {
      kind: 'assumption',
      field: 'doseHoldRules',
      text: 'The record gives no dose-hold rules. Assumed, as in the other il2trials built-ins: dosing is held while the latest lymphocyte count is below 600/mm³ and from the onset of a related adverse event of CTCAE grade ≥ 3 until it resolves.',
    },
    {
      kind: 'not-in-record',
      field: 'arms[0].interventions[0].regimen',
      text: 'The record gives only "1 million U doses … s.c. injection" "according to the protocol", with no schedule.',
    },
    {
      kind: 'publication',
      field: 'arms[0].interventions[0].regimen',
      source: PUBLICATION,
      text: 'The published trial of this registration gave 1 MIU hrIL-2 (or placebo) s.c. every other day for 2 weeks followed by a 2-week pause, for 3 cycles (12 weeks of treatment), then followed participants to week 24. Injections fall on days 1, 3, …, 13 of each 28-day cycle: 21 injections, the last on day 69.',
    },
    {
      kind: 'publication',
      field: 'visits',
      source: PUBLICATION,
      text: 'Assessments at weeks 0, 12 (end of treatment) and 24 (end of follow-up); the primary end point is the proportion with an ESSDAI improvement of ≥ 3 points by week 24 (reported 20/30 vs 8/30, P = .004).',
    },
    {
      kind: 'discrepancy',
      field: 'arms[0].interventions[0].regimen',
      text: 'The review (seed 004, Table 1) lists a daily dose of 1.5 million IU for SS (Miao et al. 2018); this record says 1 million U. The built-in follows the record.',
    },
    {
      kind: 'discrepancy',
      field: 'eligibility.inclusion[2]',
      text: '"Liver values above 1,5 ULN" is listed as an inclusion criterion; it is most likely an exclusion criterion inverted in the record. Kept verbatim where the record puts it.',
    },
    {
      kind: 'discrepancy',
      field: 'arms[0].type',
      text: 'The record labels the arm both "Active Comparator" and "Experimental: hrIL-2 active"; the built-in keeps the arm type Active Comparator as listed first.',
    },
    {
      kind: 'assumption',
      field: 'outcomes',
      text: 'The record does not label its outcomes primary or secondary; the ESSDAI outcome (listed first) is taken as primary.',
    },
    {
      kind: 'assumption',
      field: 'visits',
      text: 'The ±7-day windows and per-visit assessments (labs and complement C3/C4, the ss-labs form, at every visit; adverse events after baseline) are in neither the record nor the publication.',
    },
    {
      kind: 'assumption',
      field: 'design.durationDays',
      text: 'The study ends with the week-24 visit window (day 169 + 7 = day 176): 12 weeks of treatment and 12 of follow-up, as published.',
    },
    {
      kind: 'assumption',
      field: 'design.randomization',
      text: 'The record says only "Randomized", 1:1. Permuted blocks of sizes 2 and 4 stratified by site are an assumption.',
    },
    {
      kind: 'assumption',
      field: 'arms[0].interventions[0].regimen.holdRule',
      text: 'The record gives no rule for held doses; a held dose is skipped.',
    },
  ],
};
