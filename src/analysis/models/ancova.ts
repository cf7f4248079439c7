import { AppError } from '../../errors/app-error.js';
import { assertFullRank, constantColumn, dummyColumns, factorLevels, toRowMajor } from './design.js';
import { leastSquares } from './least-squares.js';
import { tInterval } from '../stats/t-interval.js';
import { waldRow } from './student-t.js';
import type { ArmDifference, FixedEffect } from './types.js';
import { modelErrors } from './errors.js';

export interface AncovaObservation {
  readonly arm: string;
  readonly baseline: number;
  readonly change: number;
}

export interface AncovaResult {
  readonly method: 'ancova';
  readonly formula: 'change ~ arm + baseline';
  readonly fixed: readonly FixedEffect[];
  readonly variance: { readonly residualSd: number };
  /** Each arm minus the reference arm, adjusted for baseline, with its confidence interval. */
  readonly contrasts: readonly ArmDifference[];
}

/** ANCOVA of change from baseline by ordinary least squares, as R's `lm(change ~ arm + baseline)`. */
export function fitAncova(observations: readonly AncovaObservation[], options: { readonly referenceArm?: string; readonly confidence?: number } = {}): AncovaResult {
  const n = observations.length;
  const arms = observations.map((o) => o.arm);
  const levels = factorLevels(arms, options.referenceArm);
  if (levels.length < 2) throw new AppError(modelErrors.TOO_FEW_GROUPS, `The arm column holds only one arm ("${levels[0] ?? ''}").`, 'arm');
  const columns = [constantColumn('(Intercept)', n), ...dummyColumns('arm', arms, levels), { name: 'baseline', values: Float64Array.from(observations, (o) => o.baseline) }];
  assertFullRank(columns);
  const p = columns.length;
  const { beta, rss, xtxInverse } = leastSquares(
    toRowMajor(columns, n),
    p,
    Float64Array.from(observations, (o) => o.change),
  );
  const df = n - p;
  const sigma2 = rss / df;
  const fixed = columns.map((c, j) => waldRow(c.name, beta[j]!, Math.sqrt(sigma2 * xtxInverse[j * p + j]!), df));
  const contrasts = levels.slice(1).map((arm, k) => {
    const row = fixed[1 + k]!;
    return { ...row, term: `${arm} - ${levels[0]!}`, ...tInterval(row.estimate, row.se, df, options.confidence ?? 0.95) };
  });
  return { method: 'ancova', formula: 'change ~ arm + baseline', fixed, variance: { residualSd: Math.sqrt(sigma2) }, contrasts };
}
