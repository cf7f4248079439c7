import type { RegimenInput } from '../regimen-schema.js';
import type { ProtocolInput } from '../schema.js';
import { sleEstimands } from './seed-estimands.js';

/**
 * Peking University pilot of low-dose hrIL-2 in systemic lupus erythematosus (seed 001). Registry
 * text is verbatim; what the record leaves open is marked in `notes`, with the facts taken from the
 * published trial of this design (He et al., Ann Rheum Dis 2020;79:141-149) marked as such. Week N is
 * study day 7N + 1.
 */
// The citation without its title, whose "placebo-controlled" a blinded reader need not see.
const PUBLICATION = 'He J, Zhang R, Shao M, et al. Ann Rheum Dis 2020;79(1):141-149. doi:10.1136/annrheumdis-2019-215396';
const VERBATIM_SCHEDULE = '1 million units every other day subcutaneously (HrIL-2 1X 106, ip, Qod) for a period of 14 days. After a 14-day rest, another cycle started) for 3 cycles';

const activeRegimen: RegimenInput = {
  description: VERBATIM_SCHEDULE,
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

export const sleIl2: ProtocolInput = {
  id: 'sle-il2',
  version: '1',
  identifiers: {},
  title: 'A Pilot-Study With Low-dose hrIL-2 for the Treatment of Systemic Lupus Erythematosus',
  phase: 'phase2',
  conditions: ['Systemic Lupus Erythematosus'],
  status: 'unknown',
  sponsor: 'Peking University',
  dates: {},
  enrolment: { target: 60, kind: 'estimated' },
  design: {
    allocation: 'randomized',
    interventionModel: 'parallel',
    primaryPurpose: 'treatment',
    masking: { level: 'double', masked: ['participant', 'investigator'] },
    // Week-24 visit (day 169) plus its 7-day window.
    durationDays: 176,
    randomization: { scheme: 'permuted-blocks', blockSizes: [2, 4], strata: ['site'] },
  },
  arms: [
    {
      id: 'active',
      label: 'hrIL-2 active',
      type: 'active-comparator',
      ratio: 1,
      interventions: [
        {
          id: 'hril2-active',
          drug: 'hrIL-2 active',
          route: 'subcutaneous',
          regimen: activeRegimen,
          verbatim: 'Intervention:Add hrIL-2 according to the protocol to original treatment. HrIL-2 active: 1 million U doses of human recombinant interleukin-2 s.c. injection',
        },
      ],
    },
    {
      id: 'placebo',
      label: 'hrIL-2 placebo',
      type: 'placebo-comparator',
      ratio: 1,
      interventions: [
        {
          id: 'hril2-placebo',
          drug: 'hrIL-2 placebo',
          placebo: true,
          route: 'subcutaneous',
          regimen: { ...activeRegimen, description: "1 million U doses of placebo s.c. injection, on the active arm's schedule" },
          verbatim: '1 million U doses of placebo s.c. injection',
        },
      ],
    },
  ],
  visits: [
    { id: 'week-0', name: 'Week 0 (baseline)', day: 1, windowBefore: 0, windowAfter: 0, assessments: ['sledai-2k', 'pga', 'labs', 'sle-labs', 'immune-panel'] },
    { id: 'week-4', name: 'Week 4 (end of cycle 1)', day: 29, windowBefore: 3, windowAfter: 3, assessments: ['sledai-2k', 'pga', 'labs', 'sle-labs', 'immune-panel', 'adverse-events'] },
    { id: 'week-8', name: 'Week 8 (end of cycle 2)', day: 57, windowBefore: 3, windowAfter: 3, assessments: ['sledai-2k', 'pga', 'labs', 'sle-labs', 'immune-panel', 'adverse-events'] },
    { id: 'week-12', name: 'Week 12 (end of cycle 3)', day: 85, windowBefore: 7, windowAfter: 7, assessments: ['sledai-2k', 'pga', 'labs', 'sle-labs', 'immune-panel', 'adverse-events'] },
    { id: 'week-24', name: 'Week 24 (end of follow-up)', day: 169, windowBefore: 7, windowAfter: 7, assessments: ['sledai-2k', 'pga', 'labs', 'sle-labs', 'immune-panel', 'adverse-events'] },
  ],
  eligibility: {
    minAge: { value: 18, unit: 'years' },
    maxAge: { value: 65, unit: 'years' },
    sex: 'all',
    healthyVolunteers: false,
    inclusion: [
      { id: 'inc-1', text: 'Meet the American College of Rheumatology criteria for the diagnosis of SLE,1997.' },
      { id: 'inc-2', text: 'Under standard treatment (≥ 2 months) at the time of inclusion' },
      { id: 'inc-3', text: 'Background treatment failed to control flares or to permit prednisone tapering' },
      {
        id: 'inc-4',
        text: 'With at least one of the following manifestations: thrombocytopenia, disease-associated rash, mouth ulcer, non-infectious type of fever, active vasculitis, renal disorder(proteinuria>0.5g/day), neuropsychiatric SLE.',
      },
      {
        id: 'inc-5',
        text: 'Positive for at least one of the following laboratory tests: ANA>1:160, anti-dsDNA, immunoglobulin>20g/L, decreased C3 or C4, leukopenia<3×10^9/L, thrombocytopenia<100×10^9/L;',
      },
      { id: 'inc-6', text: 'SLE disease activity index(SLEDAI) ≥ 8.' },
      { id: 'inc-7', text: 'Negative HIV test.' },
      { id: 'inc-8', text: 'Negative for hepatitis B and C virus.' },
      { id: 'inc-9', text: 'Negative urine pregnancy test.' },
      { id: 'inc-10', text: 'Written informed consent form.' },
    ],
    exclusion: [
      { id: 'exc-1', text: 'Sever chronic liver, kidney, lung or heart dysfunction; (heart failure (≥ grade III NYHA), hepatic insufficiency (transaminases> 3N) )' },
      { id: 'exc-2', text: 'Serious infection such as bacteremia, sepsis;' },
      { id: 'exc-3', text: 'Cancer or history of cancer cured for less than five years (except in situ carcinoma of the cervix or Basocellular carcinoma);' },
      { id: 'exc-4', text: 'High-dose steroid pulse therapy (>1.5mg/kg) or IV bolus of corticosteroids in the last 2 months.' },
      { id: 'exc-5', text: 'History of administration of rituximab or other biologics;' },
      { id: 'exc-6', text: 'Purified protein derivative (tuberculin) >10mm' },
      {
        id: 'exc-7',
        text: 'Mental disorder or any other chronic illness or drug-abuse that could interfere with the ability to comply with the protocol or to give information;',
      },
      { id: 'exc-8', text: 'Inability to comply with IL-2 treatment regimen.' },
    ],
  },
  outcomes: [
    {
      id: 'safety',
      kind: 'primary',
      measure: 'safety',
      timeFrame: '24 weeks (from the publication; see notes)',
      instrument: 'adverse-events',
      visits: ['week-4', 'week-8', 'week-12', 'week-24'],
      estimand: sleEstimands.safety,
    },
    {
      id: 'clinical-response',
      kind: 'primary',
      measure: 'clinical response',
      timeFrame: '24 weeks; SRI-4 at weeks 12 and 24 (from the publication; see notes)',
      instrument: 'sledai-2k',
      visits: ['week-0', 'week-4', 'week-8', 'week-12', 'week-24'],
      responder: { definition: 'sri-4', visits: ['week-12', 'week-24'] },
      estimand: sleEstimands.clinical,
    },
    {
      id: 'immunologic-response',
      kind: 'primary',
      measure: 'immunologic response',
      timeFrame: '24 weeks (from the publication; see notes)',
      instrument: 'immune-panel',
      visits: ['week-0', 'week-4', 'week-8', 'week-12', 'week-24'],
      estimand: sleEstimands.immune,
    },
  ],
  sites: [{ id: 'peking-university', name: 'Peking University', country: 'China', contacts: [] }],
  contacts: [
    { name: 'Jing He, MD', role: 'central-contact' },
    { name: 'Tian Liu, MD', role: 'central-contact' },
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
      kind: 'discrepancy',
      field: 'arms[0].interventions[0].route',
      text: 'The record says "subcutaneously" and, in the same parenthesis, "ip" (intraperitoneal); the route is taken as subcutaneous, which the arm description ("s.c. injection") confirms.',
    },
    {
      kind: 'assumption',
      field: 'arms[0].interventions[0].regimen',
      text: 'Each 28-day cycle has injections on days 1, 3, …, 13 (every other day for 14 days, 7 injections) and 14 days rest: 21 injections, 21 MIU, last injection on day 69.',
    },
    {
      kind: 'not-in-record',
      field: 'identifiers',
      text: 'The record shows no registry identifier or organisation study id.',
    },
    {
      kind: 'not-in-record',
      field: 'dates',
      text: 'The record gives no recruitment status, start date or completion dates.',
    },
    {
      kind: 'assumption',
      field: 'design.masking',
      text: 'The record says "double-blind" without naming who is masked; participant and investigator are assumed.',
    },
    {
      kind: 'assumption',
      field: 'design.interventionModel',
      text: 'Two groups (hrIL-2 N = 30, placebo N = 30) in a randomized controlled study are taken as a parallel design; the record does not name the model.',
    },
    {
      kind: 'assumption',
      field: 'visits',
      text: 'The record names no visit schedule. The visits at the end of cycles 1 and 2 (weeks 4 and 8) are assumed, with SLEDAI-2K, physician global assessment, labs, C3/C4, anti-dsDNA and 24-hour proteinuria (the sle-labs form) and immune panel at each; windows ±3 days (±7 at weeks 12 and 24).',
    },
    {
      kind: 'publication',
      field: 'visits',
      source: PUBLICATION,
      text: 'The published trial treated for 12 weeks (3 cycles of 1 MIU every other day for 2 weeks, then a 2-week break) and followed participants for a further 12 weeks, with assessments at baseline, week 12 and week 24: hence the week-24 visit.',
    },
    {
      kind: 'assumption',
      field: 'outcomes',
      text: 'The record says only "The end points were safety and clinical and immunologic response", with no time frame and no primary/secondary split; all three are taken as primary.',
    },
    {
      kind: 'publication',
      field: 'outcomes[1]',
      source: PUBLICATION,
      text: 'The published primary end point was the SLE Responder Index-4 (SRI-4) at week 12, also reported at week 24: 55.17 % vs 30.00 % at week 12 (P = .052) and 65.52 % (19/29) vs 36.67 % (11/30) at week 24 (P = .027, uncorrected chi-square).',
    },
    {
      kind: 'assumption',
      field: 'outcomes[1]',
      text: 'The record does not define "clinical response"; it is analysed as the change in SLEDAI-2K and as the SRI-4 responder rate at weeks 12 and 24 versus week 0 (Furie 2014: SLEDAI-2K reduced by ≥ 4, no new BILAG A and at most one new B, PGA worse by < 0.3), with PGA and new BILAG counts recorded at every visit; a participant missing any input is a non-responder.',
    },
    {
      kind: 'assumption',
      field: 'design.durationDays',
      text: 'The study ends with the week-24 visit window (day 169 + 7 = day 176): 12 weeks of treatment and 12 of follow-up, as published.',
    },
    {
      kind: 'assumption',
      field: 'eligibility.sex',
      text: 'The record states no sex restriction; all sexes are assumed.',
    },
    {
      kind: 'not-in-record',
      field: 'sites',
      text: 'The record names the sponsor (Peking University) and a single centre but no hospital or address.',
    },
    {
      kind: 'assumption',
      field: 'design.randomization',
      text: 'The record says randomized 1:1. Permuted blocks of sizes 2 and 4 stratified by site are an assumption.',
    },
    {
      kind: 'assumption',
      field: 'arms[0].interventions[0].regimen.holdRule',
      text: 'The record gives no rule for held doses; a held dose is skipped.',
    },
  ],
};
