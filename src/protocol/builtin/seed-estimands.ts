import type { Estimand } from '../schema.js';

/**
 * The estimand of each seed outcome in the ICH E9(R1) sense (population, variable, intercurrent
 * events with their strategy, summary measure; the treatment is the protocol's arms). None of the
 * registry records states one: these are the il2trials analysis plan, marked as assumptions in each
 * protocol's notes. Wording avoids naming arms, since blinded readers see the protocol.
 */
const stopping = (handling: string) => ({ event: 'discontinuation of study drug', strategy: 'treatment-policy' as const, handling });
const leaving = (strategy: 'composite' | 'hypothetical', handling: string) => ({ event: 'withdrawal from the study or a missed visit', strategy, handling });

const randomized = (who: string) => `${who}, as randomized (intention-to-treat)`;

export const ssEstimands = {
  essdai: {
    population: randomized("Adults with primary Sjögren's syndrome and ESSDAI ≥ 6"),
    variable: 'Response: ESSDAI improved by ≥ 3 points from week 0 to week 24',
    intercurrentEvents: [stopping('week-24 ESSDAI used whatever the adherence'), leaving('composite', 'no week-24 ESSDAI counts as non-response; tipping-point sensitivity analysis')],
    summaryMeasure: "Difference in response proportions between the arms (Fisher's exact test)",
  },
  immune: {
    population: randomized("Adults with primary Sjögren's syndrome"),
    variable: 'Change in Treg, Th17 and Tfh (% of parent) from week 0 to weeks 12 and 24',
    intercurrentEvents: [stopping('values used whatever the adherence'), leaving('hypothetical', 'as if observed, under missing at random (MMRM)')],
    summaryMeasure: 'Difference between the arms in mean change (MMRM, Kenward–Roger df)',
  },
} satisfies Record<string, Estimand>;

export const sleEstimands = {
  safety: {
    population: 'Participants who received at least one dose (safety set)',
    variable: 'Adverse events by worst CTCAE v5.0 grade through week 24',
    intercurrentEvents: [stopping('events counted through week 24 whatever the adherence')],
    summaryMeasure: 'Proportion of participants with each worst grade, by arm',
  },
  clinical: {
    population: randomized('Adults with active SLE (SLEDAI ≥ 8)'),
    variable: 'SRI-4 response at weeks 12 and 24 versus week 0; change in SLEDAI-2K',
    intercurrentEvents: [stopping('values used whatever the adherence'), leaving('composite', 'any missing SRI-4 input counts as non-response; tipping-point sensitivity analysis')],
    summaryMeasure: "Difference in response proportions between the arms (Fisher's exact and uncorrected chi-square tests)",
  },
  immune: {
    population: randomized('Adults with active SLE'),
    variable: 'Change in immune subsets (% of parent) from week 0 to each visit',
    intercurrentEvents: [stopping('values used whatever the adherence'), leaving('hypothetical', 'as if observed, under missing at random (MMRM)')],
    summaryMeasure: 'Difference between the arms in mean change (MMRM)',
  },
} satisfies Record<string, Estimand>;

const alsSlope = (scale: string): Estimand => ({
  population: 'Enrolled participants with immune-associated ALS (single group)',
  variable: `${scale} total at weeks 0, 24 and 48`,
  intercurrentEvents: [
    stopping('values used whatever the adherence'),
    leaving('hypothetical', 'as if observed, under missing at random (mixed model); per-patient slopes only for those with all three visits'),
  ],
  summaryMeasure: 'Slope during follow-up minus slope during administration, in points per month (month = 30.4375 days)',
});

export const alsEstimands = {
  alsfrs: alsSlope('ALSFRS-R'),
  roads: alsSlope('ROADS'),
  alsaq: alsSlope('ALSAQ-40'),
  mrc: alsSlope('MRC sum score'),
  immune: {
    population: 'Enrolled participants with immune-associated ALS',
    variable: 'Change in Treg, Th17, Teff and Tfh from week 0 to week 24',
    intercurrentEvents: [stopping('values used whatever the adherence'), leaving('hypothetical', 'participants with both visits (complete case)')],
    summaryMeasure: 'Mean and median change (paired t and signed-rank tests)',
  },
  nfl: {
    population: 'Enrolled participants with immune-associated ALS',
    variable: 'Neurofilament light chain in serum and CSF, weeks 0 and 24',
    intercurrentEvents: [leaving('hypothetical', 'participants with both visits (complete case)')],
    summaryMeasure: 'Median change',
  },
} satisfies Record<string, Estimand>;

export const aeEstimands: { readonly mrs: Estimand; readonly treg: Estimand; readonly unmeasured: (what: string) => Estimand; readonly safety: Estimand } = {
  mrs: {
    population: 'Enrolled participants with refractory autoimmune encephalitis (single arm)',
    variable: 'Modified Rankin Scale grade (0–6) at baseline and week 21',
    intercurrentEvents: [
      { event: 'death', strategy: 'composite', handling: 'mRS 6, the worst grade of the scale' },
      leaving('composite', 'no week-21 grade counts as not improved; excluded from the signed-rank test'),
    ],
    summaryMeasure: 'Proportion improved by ≥ 1 grade (Clopper–Pearson exact interval); shift table; Wilcoxon signed-rank test',
  },
  treg: {
    population: 'Enrolled participants with refractory autoimmune encephalitis',
    variable: 'Treg (% of CD4+) before, during and after treatment',
    intercurrentEvents: [leaving('hypothetical', 'participants with both visits (complete case)')],
    summaryMeasure: 'Mean and median change (paired t and signed-rank tests)',
  },
  unmeasured: (what: string): Estimand => ({
    population: 'Enrolled participants with refractory autoimmune encephalitis',
    variable: `${what} at week 21 (no instrument named by the record)`,
    intercurrentEvents: [leaving('hypothetical', 'participants with the visit (complete case)')],
    summaryMeasure: 'Descriptive summary',
  }),
  safety: {
    population: 'Participants who received at least one dose (safety set)',
    variable: 'Adverse events by worst CTCAE v5.0 grade through week 21',
    intercurrentEvents: [stopping('events counted through week 21 whatever the adherence')],
    summaryMeasure: 'Proportion of participants with each worst grade',
  },
};
