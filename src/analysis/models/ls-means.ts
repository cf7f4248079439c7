import type { Inference } from './small-sample-df.js';
import { tInterval } from '../stats/t-interval.js';
import { waldRow } from './student-t.js';
import type { ArmDifference } from './types.js';

/** A least-squares mean (an estimated marginal mean, as emmeans names it) with its interval. */
export interface LsMean {
  readonly arm: string;
  readonly visit: string;
  readonly estimate: number;
  readonly se: number;
  readonly df: number;
  readonly lower: number;
  readonly upper: number;
}

export interface LsMeanGrid {
  readonly arms: readonly string[];
  readonly visits: readonly string[];
  /** The design row of the model at an arm and visit (covariates at their means). */
  row(arm: string, visit: string): Float64Array;
}

/**
 * LS means at every arm × visit, and each arm minus the first (reference) arm at every visit, as
 * `emmeans(fit, ~ arm * visit)` and `contrast(emmeans(fit, ~ arm | visit), "trt.vs.ctrl")` with no
 * multiplicity adjustment; SEs and df by the chosen method, two-sided intervals at `confidence`.
 */
export function lsMeans(grid: LsMeanGrid, beta: Float64Array, inference: Inference, confidence: number): { readonly means: LsMean[]; readonly differences: ArmDifference[] } {
  const estimate = (l: Float64Array) => l.reduce((s, v, j) => s + v * beta[j]!, 0);
  const interval = (value: number, se: number, df: number) => tInterval(value, se, df, confidence);
  const means = grid.visits.flatMap((visit) =>
    grid.arms.map((arm) => {
      const l = grid.row(arm, visit);
      const [value, se, df] = [estimate(l), inference.se(l), inference.df(l)];
      return { arm, visit, estimate: value, se, df, ...interval(value, se, df) };
    }),
  );
  const [reference, ...others] = grid.arms;
  const differences = others.flatMap((arm) =>
    grid.visits.map((visit) => {
      const ref = grid.row(reference!, visit);
      const l = grid.row(arm, visit).map((v, j) => v - ref[j]!);
      const row = waldRow(`${arm} - ${reference!}`, estimate(l), inference.se(l), inference.df(l));
      return { ...row, visit, ...interval(row.estimate, row.se, row.df) };
    }),
  );
  return { means, differences };
}
