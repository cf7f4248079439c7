import type { DiseaseNames } from './types.js';

/** Responders out of participants in one arm, as a publication reports them. */
export interface ArmCount {
  readonly group: string;
  readonly responders: number;
  readonly n: number;
}

/** A primary end point's published result, from which a new trial's sample size can be planned. */
export interface ReportedEffect extends DiseaseNames {
  /** Stable id the CLI, API and web choose a row by. */
  readonly id: string;
  readonly endpoint: string;
  readonly kind: 'proportions';
  readonly treated: ArmCount;
  readonly control: ArmCount;
  readonly citation: string;
}

/**
 * Effects of the randomized trials the seed protocols follow. They postdate the review (2019), so
 * they are kept beside its tables, not written into its rows.
 */
export const reportedEffects: readonly ReportedEffect[] = [
  {
    id: 'ss-essdai-w24',
    disease: 'SS',
    aliases: ["primary Sjögren's syndrome", "Sjögren's syndrome", 'pSS'],
    endpoint: 'ESSDAI improvement ≥ 3 points at week 24',
    kind: 'proportions',
    // He J et al. JAMA Netw Open 2022;5:e2241451, primary end point: 20/30 (66.7 %) vs 8/30 (26.7 %), P = .004
    treated: { group: 'IL-2', responders: 20, n: 30 },
    control: { group: 'placebo', responders: 8, n: 30 },
    citation: 'He J et al. JAMA Netw Open 2022;5(11):e2241451',
  },
  {
    id: 'sle-sri4-w24',
    disease: 'SLE',
    aliases: ['systemic lupus erythematosus', 'lupus'],
    endpoint: 'SRI-4 response at week 24',
    kind: 'proportions',
    // He J et al. Ann Rheum Dis 2020;79:141-149: 19/29 (65.5 %) vs 11/30 (36.7 %), uncorrected chi-square P = .027
    treated: { group: 'IL-2', responders: 19, n: 29 },
    control: { group: 'placebo', responders: 11, n: 30 },
    citation: 'He J et al. Ann Rheum Dis 2020;79:141-149',
  },
];
