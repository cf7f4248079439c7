/** One row of a fixed-effects table, named as R names model terms (e.g. `armactive:visit8`). */
export interface FixedEffect {
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
  readonly df: number;
  readonly t: number;
  readonly pValue: number;
}

/** A linear combination of fixed effects (an arm difference at a visit, a change of slope). */
export interface Contrast extends FixedEffect {
  readonly visit?: string;
}

/** A contrast with its confidence interval (an arm difference). */
export interface ArmDifference extends Contrast {
  readonly lower: number;
  readonly upper: number;
}
