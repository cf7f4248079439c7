import type { ProtocolInput } from '../schema.js';
import { alsEstimands } from './seed-estimands.js';

/**
 * NCT04952155, low-dose IL-2 in immune-associated ALS syndrome (seed 002). Registry text is
 * verbatim; what the record leaves open is marked in `notes`. Week N is study day 7N + 1.
 */
const VERBATIM_ARM =
  'The administration period was divided into 6 courses. 6 cycles of IL-2 were administered subcutaneously at a dose of 1 million IU every other day for 2 weeks, followed by a 2-week break in treatment.';
const ALL_WEEKS = 'week 0,week 24 and week 48';

export const alsIl2: ProtocolInput = {
  id: 'als-il2',
  version: '1',
  identifiers: { registryId: 'NCT04952155', orgStudyId: 'M2020420' },
  title: 'Low Dose IL-2 in the Treatment of Immune-associated ALS Syndrome',
  officialTitle: 'A Single-center, Open-label Clinical Study to Evaluate the Efficacy and Safety of Low-dose IL-2 in the Treatment of Immune-associated ALS Syndrome',
  phase: 'phase2',
  conditions: ['Amyotrophic Lateral Sclerosis'],
  status: 'recruiting',
  sponsor: 'Peking University Third Hospital',
  dates: {
    start: { date: '2020-01-01', kind: 'actual' },
    primaryCompletion: { date: '2021-12-31', kind: 'estimated' },
    completion: { date: '2022-12-31', kind: 'estimated' },
    firstPosted: '2021-07-07',
    lastUpdatePosted: '2021-08-18',
  },
  enrolment: { target: 13, kind: 'estimated' },
  design: {
    allocation: 'n/a',
    interventionModel: 'single-group',
    primaryPurpose: 'treatment',
    masking: { level: 'none', masked: [] },
    // Week-48 visit (day 337) plus its 7-day window.
    durationDays: 344,
  },
  arms: [
    {
      id: 'il2',
      label: 'Experimental: IL-2',
      type: 'experimental',
      ratio: 1,
      interventions: [
        {
          id: 'il2',
          drug: 'IL-2',
          route: 'subcutaneous',
          regimen: {
            description: VERBATIM_ARM,
            steps: [
              {
                kind: 'cycle',
                times: 6,
                steps: [
                  { kind: 'every', interval: 2, forDays: 14, dose: { amount: 1, unit: 'MIU' } },
                  { kind: 'rest', days: 14 },
                ],
              },
            ],
            holdRule: 'skip',
          },
          verbatim: `${VERBATIM_ARM} The adminstration course was 24 weeks.. The 24-week follow-up period was followed after the treatment.`,
        },
      ],
    },
  ],
  visits: [
    {
      id: 'week-0',
      name: 'Week 0 (baseline)',
      day: 1,
      windowBefore: 0,
      windowAfter: 0,
      assessments: ['alsfrs-r', 'roads', 'alsaq-40', 'mrc', 'immune-panel', 'als-cytokines', 'nfl', 'labs', 'als-labs'],
    },
    {
      id: 'week-24',
      name: 'Week 24 (end of treatment)',
      day: 169,
      windowBefore: 7,
      windowAfter: 7,
      assessments: ['alsfrs-r', 'roads', 'alsaq-40', 'mrc', 'immune-panel', 'als-cytokines', 'nfl', 'labs', 'als-labs', 'adverse-events'],
    },
    {
      id: 'week-48',
      name: 'Week 48 (end of follow-up)',
      day: 337,
      windowBefore: 7,
      windowAfter: 7,
      assessments: ['alsfrs-r', 'roads', 'alsaq-40', 'mrc', 'nfl', 'labs', 'als-labs', 'adverse-events'],
    },
  ],
  eligibility: {
    minAge: { value: 18, unit: 'years' },
    maxAge: { value: 70, unit: 'years' },
    sex: 'all',
    healthyVolunteers: false,
    inclusion: [
      { id: 'inc-1', text: '18-70 years old;' },
      {
        id: 'inc-2',
        text: 'Clinically diagnosed with ALS syndrome, i.e., with ALS -like manifestations, consisting of a combination of upper and/or lower motor neuron damage;',
      },
      {
        id: 'inc-3',
        text: 'significant abnormalities with rheumatoid immune-related indicators, or diagnoses of immune-mediated ALS syndrome, including but not limited to multifocal motor neuropathy (MMN), Lewis-Sumner syndrome, and other ALS-like syndromes with an immune background that cannot be clearly classified;',
      },
      { id: 'inc-4', text: 'Poor treatment with conventional hormones or gamma globulin;' },
      {
        id: 'inc-5',
        text: 'Permitted concomitant treatment: oral prednisone or equivalent doses of other glucocorticoids (≤1.0mg/kg/d); Oral routine dose of immunosuppressants or immunomodulators, such as cyclophosphamide, tacrolimus, etc.; Routine oral doses such as too much force; Doses and types of accompanying therapeutic drugs should not be changed from the trial enrollment to the end of follow-up.',
      },
      { id: 'inc-6', text: 'For women of reproductive age, contraception for at least 2 weeks at the time of enrolment and negative urine HCG;' },
      {
        id: 'inc-7',
        text: 'Reasonable and effective contraceptive measures should be taken by subjects of childbearing age from the time of trial enrollment to the end of follow-up;',
      },
      { id: 'inc-8', text: 'Signed informed consent.' },
    ],
    exclusion: [
      { id: 'exc-1', text: 'Allergic or intolerance to IL2;' },
      {
        id: 'exc-2',
        text: 'Receive non-standard treatment or use of excessive dose of glucocorticoids or gamma globulin intravenously within 2 months before enrollment;',
      },
      { id: 'exc-3', text: 'Vaccination within 6 months before enrolment or between enrolment and the end of follow-up;' },
      { id: 'exc-4', text: 'Peripheral venous white blood cells < 2000/mm3, lymphocytes < 600/mm3, platelets < 80,000 /mm3;' },
      { id: 'exc-5', text: 'Complicated with severe infection or inflammation, such as bacteremia, sepsis, etc.;' },
      {
        id: 'exc-6',
        text: 'Complicated blood system diseases, infectious diseases (hepatitis, HIV, tuberculosis, etc.), mental diseases, dementia, severe hypotension, substance abuse history, malignant tumor history, organ transplantation history, etc.;',
      },
      {
        id: 'exc-7',
        text: 'Severe liver, kidney, lung or heart dysfunction: heart failure (≥NYHA grade III), renal insufficiency (creatinine clearance ≤30ml/min), abnormal liver function (3 times the upper limit of normal >);',
      },
      { id: 'exc-8', text: 'Pregnant and lactating women;' },
      { id: 'exc-9', text: 'Currently participating in other clinical studies or using other investigational drugs.' },
    ],
  },
  outcomes: [
    {
      id: 'alsfrs-r-rate',
      kind: 'primary',
      measure: 'ALSFRS-R score',
      timeFrame: ALL_WEEKS,
      instrument: 'alsfrs-r',
      visits: ['week-0', 'week-24', 'week-48'],
      description: 'Changes in the rate of ALSFRS-R score during administration period compared with follow-up period',
      slope: { knotVisit: 'week-24' },
      estimand: alsEstimands.alsfrs,
    },
    {
      id: 'alsfrs-r-slope',
      kind: 'primary',
      measure: 'ALSFRS-R score',
      timeFrame: ALL_WEEKS,
      instrument: 'alsfrs-r',
      visits: ['week-0', 'week-24', 'week-48'],
      description: 'Changes in the slope of ALSFRS-R score during adminstration period compared with the follow-up period',
      slope: { knotVisit: 'week-24' },
      estimand: alsEstimands.alsfrs,
    },
    {
      id: 'roads-rate',
      kind: 'secondary',
      measure: 'ROADS score',
      timeFrame: ALL_WEEKS,
      instrument: 'roads',
      visits: ['week-0', 'week-24', 'week-48'],
      description: 'Changes in the rate of ROADS score during adminstration period compared with the follow-up period',
      slope: { knotVisit: 'week-24' },
      estimand: alsEstimands.roads,
    },
    {
      id: 'alsaq-40-rate',
      kind: 'secondary',
      measure: 'ALSAQ-40 score',
      timeFrame: ALL_WEEKS,
      instrument: 'alsaq-40',
      visits: ['week-0', 'week-24', 'week-48'],
      description: 'Changes in the rate of ALSAQ-40 score during adminstration period compared with the follow-up period',
      slope: { knotVisit: 'week-24' },
      estimand: alsEstimands.alsaq,
    },
    {
      id: 'mrc-rate',
      kind: 'secondary',
      measure: 'MRC score',
      timeFrame: ALL_WEEKS,
      instrument: 'mrc',
      visits: ['week-0', 'week-24', 'week-48'],
      description: 'Changes in the rate of ALSAQ-40 score during adminstration period compared with the follow-up period',
      slope: { knotVisit: 'week-24' },
      estimand: alsEstimands.mrc,
    },
    {
      id: 'immunological-responses',
      kind: 'secondary',
      measure: 'Immunological Responses',
      timeFrame: 'week 0 and week 24',
      instrument: 'immune-panel',
      visits: ['week-0', 'week-24'],
      description:
        'Analysis regulatory CD4+ T (Treg) cells , interleukin 17 (IL-17)-producing helper T (Th17) cells,Teff cells,follicular helper T (Tfh) cells and related cytokines before and during IL-2 treatment.',
      estimand: alsEstimands.immune,
    },
    {
      id: 'nfl',
      kind: 'secondary',
      measure: 'NFL in the serum and cerebrospinal fluid',
      timeFrame: ALL_WEEKS,
      instrument: 'nfl',
      visits: ['week-0', 'week-24', 'week-48'],
      estimand: alsEstimands.nfl,
    },
  ],
  sites: [
    {
      id: 'pku-third-hospital',
      name: 'Peking University Third Hospital',
      city: 'Beijing',
      region: 'Beijing',
      postalCode: '100098',
      country: 'China',
      recruitmentStatus: 'recruiting',
      contacts: [{ name: 'Dongsheng Fan', role: 'site-contact' }],
    },
  ],
  contacts: [
    { name: 'Dongsheng Fan', role: 'central-contact', phone: '+86 13701023871', email: 'dsfan@sina.com' },
    { name: 'Dongsheng Fan', role: 'principal-investigator', affiliation: 'Peking University Third Hospital' },
    { name: 'Peking University Third Hospital', role: 'responsible-party' },
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
      text: 'The record gives no dose-hold rules. Assumed: dosing is held while the latest lymphocyte count is below 600/mm³ (the threshold of exclusion criterion exc-4) and from the onset of a related adverse event of CTCAE grade ≥ 3 until it resolves.',
    },
    {
      kind: 'assumption',
      field: 'arms[0].interventions[0].regimen',
      text: '"Every other day for 2 weeks" is taken as injections on days 1, 3, …, 13 of each 28-day course: 7 per course, 42 injections (42 MIU) over the 24-week administration period, the last on day 153.',
    },
    {
      kind: 'discrepancy',
      field: 'outcomes[4].description',
      text: 'The MRC score outcome is described as "Changes in the rate of ALSAQ-40 score", an apparent copy of the previous outcome; kept verbatim.',
    },
    {
      kind: 'assumption',
      field: 'outcomes',
      text: 'The record does not label its outcomes primary or secondary; the two ALSFRS-R outcomes (listed first) are taken as primary.',
    },
    {
      kind: 'assumption',
      field: 'visits',
      text: 'Visits at weeks 0, 24 and 48 come from the outcome time frames (immune panel at weeks 0 and 24 only); the ±7-day windows, labs at every visit and adverse events after baseline are not in the record.',
    },
    {
      kind: 'assumption',
      field: 'visits',
      text: 'Cytokines (als-cytokines: IL-6, IL-10, IL-17A, IFN-γ, TNF-α in pg/mL) are taken at the immune-panel visits (weeks 0 and 24), and creatine kinase (als-labs) with the labs at every visit; the record names neither the cytokines nor the CK.',
    },
    {
      kind: 'assumption',
      field: 'outcomes[2]',
      text: 'ROADS is recorded as its raw score (28 items, 0-56): the published raw-to-normalized conversion table was not available in a public source, so the normalized score is not computed.',
    },
    {
      kind: 'assumption',
      field: 'design.durationDays',
      text: 'The study ends with the week-48 visit window (day 337 + 7 = day 344): 24 weeks of administration and 24 weeks of follow-up.',
    },
    {
      kind: 'assumption',
      field: 'arms[0].interventions[0].regimen.holdRule',
      text: 'The record gives no rule for held doses; a held dose is skipped.',
    },
  ],
};
