import type { ProtocolInput } from '../schema.js';
import { aeEstimands } from './seed-estimands.js';

/**
 * Seoul National University Hospital, low-dose IL-2 in refractory autoimmune encephalitis (org study
 * id 1510112713, seed 003). Registry text is verbatim; what the record leaves open is marked in
 * `notes`. The record counts weeks from 1 (week 1 = study days 1–7), so week N starts on day 7N − 6.
 */
export const aeIl2: ProtocolInput = {
  id: 'ae-il2',
  version: '1',
  identifiers: { orgStudyId: '1510112713' },
  title: 'Low-dose IL-2 in autoimmune encephalitis refractory to first- and second-line immunotherapy',
  phase: 'phase1/phase2',
  conditions: ['Autoimmune Encephalitis'],
  status: 'completed',
  sponsor: 'Seoul National University Hospital',
  dates: {
    start: { date: '2016-03-31', kind: 'actual' },
    completion: { date: '2019-06-12', kind: 'actual' },
  },
  enrolment: { target: 10, kind: 'actual' },
  design: {
    allocation: 'n/a',
    interventionModel: 'single-group',
    primaryPurpose: 'treatment',
    masking: { level: 'none', masked: [] },
    // Week-21 visit (day 141) plus its 7-day window.
    durationDays: 148,
  },
  arms: [
    {
      id: 'proleukin',
      label: 'Proleukin',
      type: 'experimental',
      ratio: 1,
      interventions: [
        {
          id: 'proleukin',
          drug: 'Proleukin',
          otherNames: ['Interleukin-2', 'IL-2'],
          route: 'subcutaneous',
          regimen: {
            description: 'Proleukin (subcutaneous injection) 1.5 MIU/day from day 1 to 5 at W1 3 MIU/day from day 1 to day 5 at W3, W6, and W9',
            steps: [
              // Week 1 (days 1–7): days 1–5 at 1.5 MIU; week 2 off.
              { kind: 'days', days: [1, 2, 3, 4, 5], length: 7, dose: { amount: 1.5, unit: 'MIU' } },
              { kind: 'rest', days: 7 },
              // Weeks 3, 6, 9 start on days 15, 36, 57: three 21-day blocks with days 1–5 at 3 MIU.
              {
                kind: 'cycle',
                times: 3,
                steps: [{ kind: 'days', days: [1, 2, 3, 4, 5], length: 21, dose: { amount: 3, unit: 'MIU' } }],
              },
            ],
            holdRule: 'skip',
          },
          verbatim:
            'Each patients will receive four cycles of subcutaneous Proleukin (Interleukin-2, IL-2) (Week-1; 1.5 million IU (MIU)/d from Day-1 to Day-5, Week-3, -6, -9; 3MIU/d from Day-1 to Day-5) in the hospital. The patients will be followed up for 3 months (Week-21).',
        },
      ],
    },
  ],
  visits: [
    { id: 'baseline', name: 'Baseline (week 1, day 1, before the first dose)', day: 1, windowBefore: 0, windowAfter: 0, assessments: ['mrs', 'moca', 'eq-5d-5l', 'immune-panel', 'labs'] },
    { id: 'week-3', name: 'Week 3 (during treatment, before the second cycle)', day: 15, windowBefore: 0, windowAfter: 0, assessments: ['mrs', 'immune-panel', 'labs', 'adverse-events'] },
    { id: 'week-9', name: 'Week 9 (during treatment, before the fourth cycle)', day: 57, windowBefore: 0, windowAfter: 0, assessments: ['mrs', 'immune-panel', 'labs', 'adverse-events'] },
    {
      id: 'week-21',
      name: 'Week 21 (end of follow-up, after treatment)',
      day: 141,
      windowBefore: 7,
      windowAfter: 7,
      assessments: ['mrs', 'moca', 'eq-5d-5l', 'immune-panel', 'labs', 'adverse-events'],
    },
  ],
  eligibility: {
    minAge: { value: 19, unit: 'years' },
    maxAge: { value: 80, unit: 'years' },
    sex: 'all',
    healthyVolunteers: false,
    inclusion: [
      { id: 'inc-1', text: 'Clinical diagnosis of autoimmune encephalitis' },
      {
        id: 'inc-2',
        text: 'Positive for autoantibody (serum and or CSF) : NMDAR, anti-leucine-rich glioma inactivated-1(LGI-1), contactin-associated protein-like 2 (CASPR2), α-amino-3-hydroxy-5-methyl-4-isoxazolepropionic acid receptor (AMPA) 1, AMPA2, GABAB-R, anti-Hu, -Yo, -Ri, -Ma2, -CV2/collapsing response mediator protein 5 (CRMP5), -amphiphysin, or glutamic acid decarboxylase (GAD)',
      },
      { id: 'inc-3', text: 'Refractory to first-line (high-dose steroid or intravenous immunoglobulin) and second line (rituximab or cyclophosphamide) immunotherapy' },
      { id: 'inc-4', text: 'Written informed consent form.' },
    ],
    exclusion: [
      {
        id: 'exc-1',
        // The page writes "\\>200", the registry's Markdown escape of ">" (as API v2 records do): the text shown is ">200".
        text: 'heart failure (≥ grade III NYHA), hepatic insufficiency (aspartate amino transferase >200 IU/L, amino alanine transferase, >200 IU/L), or lung failure',
      },
      { id: 'exc-2', text: 'Positive for HIV serology, active hepatitis B' },
      { id: 'exc-3', text: 'Significant abnormality in chest X-ray other than these linked to the diseases under investigation' },
      { id: 'exc-4', text: 'Infection' },
      { id: 'exc-5', text: 'Other progressive neurological degenerative disease.' },
      { id: 'exc-6', text: 'Poor venous access not allowing repeated blood tests' },
      { id: 'exc-7', text: 'pregnant or lactating women' },
    ],
  },
  outcomes: [
    {
      id: 'mrs',
      kind: 'primary',
      measure: 'clinical efficacy by modified Rankin Scale',
      timeFrame: 'week 21 (assumed; see notes)',
      instrument: 'mrs',
      visits: ['baseline', 'week-3', 'week-9', 'week-21'],
      ordinal: true,
      estimand: aeEstimands.mrs,
    },
    {
      id: 'treg',
      kind: 'secondary',
      measure: 'Immunologic follow-up of Treg cells',
      timeFrame: 'before, during, and after IL-2 therapy',
      instrument: 'immune-panel',
      visits: ['baseline', 'week-3', 'week-9', 'week-21'],
      estimand: aeEstimands.treg,
    },
    {
      id: 'quality-of-life',
      kind: 'secondary',
      measure: 'quality of life',
      timeFrame: 'week 21 (assumed; see notes)',
      instrument: 'eq-5d-5l',
      visits: ['baseline', 'week-21'],
      estimand: aeEstimands.unmeasured('Quality of life'),
    },
    {
      id: 'cognitive-function',
      kind: 'secondary',
      measure: 'cognitive function',
      timeFrame: 'week 21 (assumed; see notes)',
      instrument: 'moca',
      visits: ['baseline', 'week-21'],
      estimand: aeEstimands.unmeasured('Cognitive function'),
    },
    {
      id: 'side-effects',
      kind: 'secondary',
      measure: 'side effect of low-dose IL-2',
      timeFrame: 'week 21 (assumed; see notes)',
      instrument: 'adverse-events',
      visits: ['week-3', 'week-9', 'week-21'],
      estimand: aeEstimands.safety,
    },
  ],
  sites: [{ id: 'snuh', name: 'Seoul National University Hospital', contacts: [] }],
  contacts: [{ name: 'Kon Chu', role: 'responsible-party', affiliation: 'Clinical Professor' }],
  notes: [
    {
      kind: 'assumption',
      field: 'outcomes',
      text: "The record states no estimands. Each outcome's estimand (ICH E9(R1): population, variable, intercurrent events and their strategy, summary measure) is the il2trials analysis plan.",
    },
    {
      kind: 'discrepancy',
      field: 'arms[0].interventions[0].regimen',
      text: 'The record says "four cycles": week 1 (days 1–5, 1.5 MIU/d) and weeks 3, 6 and 9 (days 1–5, 3 MIU/d). The calendar numbers them cycles 1–4: 20 injections, 52.5 MIU, the last on day 61.',
    },
    {
      kind: 'not-in-record',
      field: 'title',
      text: "The record shows no title; the title is composed from the record's objective.",
    },
    {
      kind: 'not-in-record',
      field: 'identifiers.registryId',
      text: 'The record shows only the organisation study id 1510112713, no registry identifier.',
    },
    {
      kind: 'assumption',
      field: 'dates',
      text: 'The record lists 2016-03-31 and 2019-06-12 without labels; they are taken as the actual start and completion dates.',
    },
    {
      kind: 'assumption',
      field: 'conditions',
      text: "The record's conditions list is empty; the condition is taken from its protocol text (autoimmune encephalitis).",
    },
    {
      kind: 'assumption',
      field: 'arms[0].type',
      text: 'The record gives the group no type; a single-arm open-label study is taken as experimental.',
    },
    {
      kind: 'assumption',
      field: 'visits',
      text: 'The record asks for Treg cells "before, during, and after IL-2 therapy" and follow-up to week 21. Visits are assumed at day 1 (before), the first days of weeks 3 and 9 (during, before that cycle\'s first dose) and week 21 (after, ±7 days); mRS, labs and adverse events at each are assumptions.',
    },
    {
      kind: 'not-in-record',
      field: 'outcomes',
      text: 'The record gives no time frames and names no instruments for quality of life or cognitive function; time frames are assumed to be the end of follow-up (week 21).',
    },
    {
      kind: 'assumption',
      field: 'outcomes[2].instrument',
      text: 'The record names no quality-of-life instrument: il2trials records the EQ-5D-5L (Herdman M et al. Qual Life Res 2011;20:1727-1736), a validated generic instrument, at baseline and week 21; its EQ VAS is the analysed score.',
    },
    {
      kind: 'assumption',
      field: 'outcomes[3].instrument',
      text: 'The record names no cognitive instrument: il2trials records the Montreal Cognitive Assessment (MoCA, Nasreddine ZS et al. J Am Geriatr Soc 2005;53:695-699) at baseline and week 21; the encephalitis-specific CASE scale (Lim JA et al. Ann Neurol 2019;85:352-358) rates overall severity rather than cognition.',
    },
    {
      kind: 'assumption',
      field: 'design.durationDays',
      text: 'The study ends with the week-21 visit window (day 141 + 7 = day 148).',
    },
    {
      kind: 'not-in-record',
      field: 'sites',
      text: 'The record lists no location; the sponsor, Seoul National University Hospital, is taken as the site.',
    },
    {
      kind: 'assumption',
      field: 'arms[0].interventions[0].regimen.holdRule',
      text: 'The record gives no rule for held doses; a held dose is skipped.',
    },
  ],
};
