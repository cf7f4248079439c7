import { AppError } from '../../errors/app-error.js';
import { assertFullRank, constantColumn, dummyColumns, factorLevels, interactionColumns, toRowMajor, type Column } from './design.js';
import { leastSquares } from './least-squares.js';
import { minimise } from './optimise.js';
import { collectPatterns, evaluateReml, logCholeskyFactor, logCholeskyParameters, outerProduct, type Block } from './reml.js';
import { waldRow } from './student-t.js';
import type { Contrast, FixedEffect } from './types.js';

export interface MmrmObservation {
  readonly id: string;
  readonly arm: string;
  readonly visit: string;
  readonly value: number;
  readonly baseline?: number;
}

export interface MmrmResult {
  readonly method: 'mmrm';
  readonly formula: string;
  readonly fixed: readonly FixedEffect[];
  /** Each arm minus the reference arm at each visit. */
  readonly contrasts: readonly Contrast[];
  /** The unstructured covariance over visits as SDs and correlations. */
  readonly variance: { readonly visits: readonly string[]; readonly sd: readonly number[]; readonly correlation: readonly (readonly number[])[] };
  readonly logLik: number;
  readonly iterations: number;
}

/**
 * Mixed model for repeated measures: `value ~ arm * visit (+ baseline)` with an unstructured
 * covariance over visits, fitted by REML — the model of
 * `gls(..., correlation = corSymm(form = ~ visitIndex | id), weights = varIdent(form = ~ 1 | visit))`.
 * Participants with missing visits contribute the visits they have (missing at random).
 * Tests use the residual degrees of freedom N − p, as gls does.
 */
export function fitMmrm(observations: readonly MmrmObservation[], options: { readonly referenceArm?: string } = {}): MmrmResult {
  const n = observations.length;
  const rowsById = new Map<string, number[]>();
  observations.forEach((o, i) => {
    const rows = rowsById.get(o.id) ?? [];
    const clash = rows.find((r) => observations[r]!.visit === o.visit);
    if (clash !== undefined) {
      throw new AppError('ModelDuplicateVisit', `Rows ${clash + 1} and ${i + 1} both give participant "${o.id}" at visit "${o.visit}".`, 400, `observations.${i}.visit`);
    }
    rows.push(i);
    rowsById.set(o.id, rows);
  });
  const arms = observations.map((o) => o.arm);
  const armLevels = factorLevels(arms, options.referenceArm);
  if (armLevels.length < 2) throw new AppError('ModelTooFewGroups', `The arm column holds only one arm ("${armLevels[0] ?? ''}").`, 422, 'arm');
  const visits = observations.map((o) => o.visit);
  const visitLevels = factorLevels(visits);
  const withBaseline = observations.some((o) => o.baseline !== undefined);
  const armColumns = dummyColumns('arm', arms, armLevels);
  const visitColumns = dummyColumns('visit', visits, visitLevels);
  const columns: Column[] = [constantColumn('(Intercept)', n), ...armColumns, ...visitColumns];
  if (withBaseline) {
    columns.push({
      name: 'baseline',
      values: Float64Array.from(observations, (o, i) => {
        if (o.baseline === undefined) throw new AppError('ModelColumnMissing', `Observation ${i + 1} has no baseline while others do.`, 400, `observations.${i}.baseline`);
        return o.baseline;
      }),
    });
  }
  columns.push(...interactionColumns(armColumns, visitColumns));
  assertFullRank(columns);

  const p = columns.length;
  const k = visitLevels.length;
  const x = toRowMajor(columns, n);
  const visitIndex = new Map(visitLevels.map((v, i) => [v, i]));
  const blocks: Block<readonly number[]>[] = [...rowsById.values()].map((rows) => {
    const sorted = [...rows].sort((a, b) => visitIndex.get(observations[a]!.visit)! - visitIndex.get(observations[b]!.visit)!);
    const idx = sorted.map((r) => visitIndex.get(observations[r]!.visit)!);
    return {
      key: idx.join(','),
      payload: idx,
      x: Float64Array.from(sorted.flatMap((r) => Array.from(x.subarray(r * p, r * p + p)))),
      y: Float64Array.from(sorted, (r) => observations[r]!.value),
    };
  });
  const data = collectPatterns(blocks, p);

  // Λ = L Lᵀ with L₁₁ = 1 (σ² is profiled out), so θ holds the other k(k+1)/2 − 1 log-Cholesky entries.
  const lambdaOf = (theta: Float64Array) => outerProduct(logCholeskyFactor([0, ...theta], k), k);
  const objective = (theta: Float64Array) => {
    const lam = lambdaOf(theta);
    return evaluateReml(data, (idx) => {
      const m = idx.length;
      const sub = new Float64Array(m * m);
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) sub[a * m + b] = lam[idx[a]! * k + idx[b]!]!;
      return sub;
    });
  };
  const result = minimise((theta) => objective(theta)?.minus2LogLik ?? Infinity, startingValues(observations, x, p, visitIndex, k));
  const fit = objective(result.x);
  if (!result.converged || fit === undefined) {
    throw new AppError('ModelNotConverged', `The MMRM did not converge after ${result.iterations} iterations; some visits may have too few participants for an unstructured covariance.`, 422);
  }
  const df = n - p;
  const fixed = columns.map((c, j) => waldRow(c.name, fit.beta[j]!, Math.sqrt(fit.covBeta[j * p + j]!), df));
  const contrasts = armColumns.flatMap((armColumn, a) =>
    visitLevels.map((visit, v) => {
      // The arm effect at the reference visit, plus its interaction at the others.
      const terms = [columns.indexOf(armColumn)];
      if (v > 0) terms.push(columns.findIndex((c) => c.name === `${armColumn.name}:visit${visit}`));
      let estimate = 0;
      let variance = 0;
      for (const i of terms) {
        estimate += fit.beta[i]!;
        for (const j of terms) variance += fit.covBeta[i * p + j]!;
      }
      return { ...waldRow(`${armLevels[a + 1]!} - ${armLevels[0]!}`, estimate, Math.sqrt(variance), df), visit };
    }),
  );
  const sigma = outerProduct(logCholeskyFactor([0, ...result.x], k), k).map((v) => v * fit.sigma2);
  const sd = visitLevels.map((_, i) => Math.sqrt(sigma[i * k + i]!));
  return {
    method: 'mmrm',
    formula: `value ~ arm * visit${withBaseline ? ' + baseline' : ''}, unstructured covariance over visits`,
    fixed,
    contrasts,
    variance: { visits: visitLevels, sd, correlation: visitLevels.map((_, i) => visitLevels.map((__, j) => sigma[i * k + j]! / (sd[i]! * sd[j]!))) },
    logLik: -fit.minus2LogLik / 2,
    iterations: result.iterations,
  };
}

/**
 * Start from the covariance of least-squares residuals between visits (pairwise complete), scaled
 * so visit 1 has variance 1; fall back to their variances alone when that is not positive definite.
 */
function startingValues(observations: readonly MmrmObservation[], x: Float64Array, p: number, visitIndex: ReadonlyMap<string, number>, k: number): Float64Array {
  const { residuals } = leastSquares(x, p, Float64Array.from(observations, (o) => o.value));
  const byId = new Map<string, Map<number, number>>();
  observations.forEach((o, i) => {
    const byVisit = byId.get(o.id) ?? new Map<number, number>();
    byVisit.set(visitIndex.get(o.visit)!, residuals[i]!);
    byId.set(o.id, byVisit);
  });
  const sums = new Float64Array(k * k);
  const counts = new Float64Array(k * k);
  for (const byVisit of byId.values()) {
    for (const [a, ra] of byVisit) {
      for (const [b, rb] of byVisit) {
        sums[a * k + b]! += ra * rb;
        counts[a * k + b]! += 1;
      }
    }
  }
  const cov = sums.map((s, i) => (counts[i]! > 1 ? s / counts[i]! : 0));
  const scale = cov[0]! > 0 ? cov[0]! : 1;
  const scaled = cov.map((v) => v / scale);
  const diagonal = scaled.map((v, i) => (i % (k + 1) === 0 ? Math.max(v, 1e-3) : 0));
  const theta = logCholeskyParameters(scaled, k) ?? logCholeskyParameters(diagonal, k)!;
  // Drop log L₁₁, which is fixed at 0.
  return theta.subarray(1);
}
