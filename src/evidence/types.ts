/** The review's evidence tables (seed 004: J Peking Univ Health Sci 2019;51(6):985-988) as typed data. */

export type Direction = 'up' | 'down';

/** "Treg↑" is `{ marker: 'Treg', direction: 'up' }`. */
export interface MarkerChange {
  readonly marker: string;
  readonly direction: Direction;
}

export type ClinicalEfficacy = { readonly kind: 'marker'; readonly marker: string; readonly direction: Direction } | { readonly kind: 'effective' } | { readonly kind: 'not-evaluated' };

/** One daily dose in million IU; `perM2` when the table gives it per m² of body surface. */
export interface DailyDose {
  readonly amount: number;
  readonly unit: 'MIU';
  readonly perM2: boolean;
}

/** Names a disease row is found by: the table's own words first, then abbreviations and full names. */
export interface DiseaseNames {
  /** The disease as the table writes it. */
  readonly disease: string;
  readonly aliases: readonly string[];
}

/** Table 1: a published clinical trial of low-dose IL-2. */
export interface PublishedTrial extends DiseaseNames {
  readonly dailyDoseText: string;
  /** Several doses when the trial compared doses (GVHD 0.3/1/3 per m², T1DM 0.33/1/3). */
  readonly dailyDoses: readonly DailyDose[];
  readonly efficacyText: string;
  readonly efficacy: ClinicalEfficacy;
  readonly immunologicalText: string;
  readonly immunologicalChanges: readonly MarkerChange[];
  /** As the table cites it, e.g. "He et al.(2016,2019)". */
  readonly citation: string;
  /** Bracket numbers into the review's reference list. */
  readonly references: readonly number[];
}

/** Table 2: a completed trial not yet published when the review was written. */
export interface UnpublishedTrial extends DiseaseNames {
  readonly year: number;
  readonly type: 'single-center' | 'multi-center';
  readonly number: number;
  readonly country: string;
}
