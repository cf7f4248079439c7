import { constantColumn, type Column } from './design.js';
import { fitMixedModel, type MixedModelDf } from './mixed-model.js';
import { waldRow } from './student-t.js';
import type { Contrast, FixedEffect } from './types.js';

export interface PiecewiseObservation {
  readonly id: string;
  readonly week: number;
  readonly value: number;
}

export interface PiecewiseResult {
  readonly method: 'piecewise';
  readonly knotWeek: number;
  readonly formula: string;
  readonly fixed: readonly FixedEffect[];
  /** Slope after the knot minus slope before it (per week). */
  readonly contrasts: readonly Contrast[];
  readonly variance: { readonly sdIntercept: number; readonly residualSd: number };
  readonly logLik: number;
}

/**
 * Piecewise-linear mixed model for a treatment-then-follow-up design: `value ~ t1 + t2`,
 * random intercept per participant, REML, with t1 = min(week, knot) and t2 = max(week − knot, 0).
 * The ALS trial (NCT04952155) treats for 24 weeks and follows up to week 48, hence the default
 * knot at week 24; its outcome compares the ALSFRS-R slope during treatment with follow-up.
 * Degrees of freedom are lme's unless `df` asks for Kenward–Roger or Satterthwaite.
 */
export function fitPiecewise(observations: readonly PiecewiseObservation[], options: { readonly knotWeek?: number; readonly df?: MixedModelDf } = {}): PiecewiseResult {
  const knot = options.knotWeek ?? 24;
  const n = observations.length;
  const t1: Column = { name: 't1', values: Float64Array.from(observations, (o) => Math.min(o.week, knot)) };
  const t2: Column = { name: 't2', values: Float64Array.from(observations, (o) => Math.max(o.week - knot, 0)) };
  const fit = fitMixedModel({
    ids: observations.map((o) => o.id),
    y: Float64Array.from(observations, (o) => o.value),
    fixed: [constantColumn('(Intercept)', n), t1, t2],
    random: [constantColumn('(Intercept)', n)],
    ...(options.df !== undefined ? { df: options.df } : {}),
  });
  const slopeChange = fit.contrast([0, -1, 1]);
  return {
    method: 'piecewise',
    knotWeek: knot,
    formula: `value ~ t1 + t2, random = ~ 1 | id; t1 = min(week, ${knot}), t2 = max(week - ${knot}, 0)`,
    fixed: fit.fixed,
    contrasts: [waldRow('t2 - t1', fit.beta[2]! - fit.beta[1]!, slopeChange.se, slopeChange.df)],
    variance: { sdIntercept: Math.sqrt(fit.randomCovariance[0]!), residualSd: fit.residualSd },
    logLik: fit.logLik,
  };
}
