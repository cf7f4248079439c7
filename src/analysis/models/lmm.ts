import { AppError } from '../../errors/app-error.js';
import { constantColumn, dummyColumns, factorLevels, interactionColumns, type Column } from './design.js';
import { fitMixedModel, type MixedModelDf } from './mixed-model.js';
import type { FixedEffect } from './types.js';
import { modelErrors } from './errors.js';

export interface LmmObservation {
  readonly id: string;
  readonly time: number;
  readonly value: number;
  /** Present on every row for `value ~ time * arm`, on none for `value ~ time`. */
  readonly arm?: string;
}

export interface LmmResult {
  readonly method: 'lmm';
  readonly formula: string;
  readonly fixed: readonly FixedEffect[];
  readonly variance: {
    readonly sdIntercept: number;
    readonly sdSlope: number;
    readonly correlation: number;
    readonly residualSd: number;
  };
  readonly logLik: number;
}

/**
 * Linear mixed model with a random intercept and a random slope on time per participant, fitted by
 * REML: `lme(value ~ time * arm, random = ~ time | id, method = "REML")`, or `value ~ time` without arms;
 * lme's degrees of freedom unless `df` asks for Kenward–Roger or Satterthwaite.
 */
export function fitLmm(observations: readonly LmmObservation[], options: { readonly referenceArm?: string; readonly df?: MixedModelDf } = {}): LmmResult {
  const n = observations.length;
  const withArm = observations.filter((o) => o.arm !== undefined).length;
  if (withArm !== 0 && withArm !== n) {
    const row = observations.findIndex((o) => o.arm === undefined);
    throw new AppError(modelErrors.COLUMN_MISSING, `Observation ${row + 1} has no arm while others do.`, `observations.${row}.arm`);
  }
  const time: Column = { name: 'time', values: Float64Array.from(observations, (o) => o.time) };
  const fixed: Column[] = [constantColumn('(Intercept)', n), time];
  if (withArm > 0) {
    const arms = observations.map((o) => o.arm ?? '');
    const levels = factorLevels(arms, options.referenceArm);
    if (levels.length < 2) throw new AppError(modelErrors.TOO_FEW_GROUPS, `The arm column holds only one arm ("${levels[0]}").`, 'arm');
    const armColumns = dummyColumns('arm', arms, levels);
    fixed.push(...armColumns, ...interactionColumns([time], armColumns));
  }
  const fit = fitMixedModel({
    ids: observations.map((o) => o.id),
    y: Float64Array.from(observations, (o) => o.value),
    fixed,
    random: [constantColumn('(Intercept)', n), time],
    ...(options.df !== undefined ? { df: options.df } : {}),
  });
  const d = fit.randomCovariance;
  return {
    method: 'lmm',
    formula: withArm > 0 ? 'value ~ time * arm, random = ~ time | id' : 'value ~ time, random = ~ time | id',
    fixed: fit.fixed,
    variance: {
      sdIntercept: Math.sqrt(d[0]!),
      sdSlope: Math.sqrt(d[3]!),
      correlation: d[1]! / Math.sqrt(d[0]! * d[3]!),
      residualSd: fit.residualSd,
    },
    logLik: fit.logLik,
  };
}
