import { AppError } from '../../errors/app-error.js';
import { cholesky } from '../models/dense.js';
import { fitMmrm, type MmrmObservation } from '../models/mmrm.js';
import { seededRandom } from '../../random/seeded-random.js';
import { modelErrors } from '../models/errors.js';

export type VisitCovariance =
  | { readonly kind: 'unstructured'; readonly matrix: readonly (readonly number[])[] }
  | { readonly kind: 'compound-symmetry'; readonly sd: number; readonly correlation: number };

export interface MmrmPowerDesign {
  readonly nPerArm: { readonly control: number; readonly treatment: number };
  readonly visits: readonly string[];
  /** Expected outcome at each visit, per arm. */
  readonly means: { readonly control: readonly number[]; readonly treatment: readonly number[] };
  readonly covariance: VisitCovariance;
  /** Two-sided significance level of the arm contrast at the last visit. */
  readonly alpha: number;
  readonly runs: number;
  readonly seed: number;
}

export interface MmrmPowerResult {
  readonly power: number;
  /** Monte Carlo standard error, √(p̂(1 − p̂)/runs). */
  readonly monteCarloSe: number;
  readonly runs: number;
  readonly rejections: number;
  /** Simulated trials whose MMRM did not converge; they count as not rejecting. */
  readonly failedFits: number;
}

/**
 * Power of the MMRM primary analysis (treatment − control at the last visit, unstructured
 * covariance, REML) by simulation: draw complete multivariate-normal data for each simulated
 * trial, fit the MMRM, and count two-sided rejections at level alpha. The tests use gls's residual
 * df and no covariance fallback (a failed fit is counted), which keeps each run fast; with complete
 * data and tens of participants per arm Kenward–Roger changes the critical value little.
 */
export function simulateMmrmPower(design: MmrmPowerDesign, onProgress?: (done: number, total: number) => void): MmrmPowerResult {
  const k = design.visits.length;
  const sigma = covarianceMatrix(design.covariance, k);
  const chol = cholesky(Float64Array.from(sigma.flat()), k);
  if (chol === undefined) throw new AppError(modelErrors.BAD_OPTION, 'The visit covariance matrix is not positive definite.', 'covariance');
  check(Number.isInteger(design.runs) && design.runs >= 1, 'runs', `The number of runs must be a whole number of at least 1 (got ${design.runs}).`);
  check(design.alpha > 0 && design.alpha < 1, 'alpha', `The significance level must lie strictly between 0 and 1 (got ${design.alpha}).`);
  for (const arm of ['control', 'treatment'] as const) {
    const n = design.nPerArm[arm];
    check(Number.isInteger(n) && n >= 2, `nPerArm.${arm}`, `The ${arm} arm needs a whole number of at least 2 participants (got ${n}).`);
    check(design.means[arm].length === k, `means.${arm}`, `The ${arm} means give ${design.means[arm].length} values for ${k} visits.`);
  }
  const random = seededRandom(design.seed);
  const lastVisit = design.visits[k - 1]!;
  let rejections = 0;
  let failedFits = 0;
  const e = new Float64Array(k);
  for (let run = 0; run < design.runs; run++) {
    const observations: MmrmObservation[] = [];
    for (const arm of ['control', 'treatment'] as const) {
      for (let i = 0; i < design.nPerArm[arm]; i++) {
        for (let v = 0; v < k; v++) e[v] = random.standardNormal();
        design.visits.forEach((visit, v) => {
          // y = μ + L z with L the Cholesky factor of the covariance.
          let noise = 0;
          for (let j = 0; j <= v; j++) noise += chol[v * k + j]! * e[j]!;
          observations.push({ id: `${arm}-${i}`, arm, visit, value: design.means[arm][v]! + noise });
        });
      }
    }
    try {
      const fit = fitMmrm(observations, { referenceArm: 'control', df: 'residual', fallback: [] });
      const contrast = fit.contrasts.find((c) => c.visit === lastVisit)!;
      if (contrast.pValue < design.alpha) rejections++;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'MODEL_NOT_CONVERGED')) throw err;
      failedFits++;
    }
    onProgress?.(run + 1, design.runs);
  }
  const power = rejections / design.runs;
  return { power, monteCarloSe: Math.sqrt((power * (1 - power)) / design.runs), runs: design.runs, rejections, failedFits };
}

function covarianceMatrix(c: VisitCovariance, k: number): number[][] {
  if (c.kind === 'compound-symmetry') {
    return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (__, j) => c.sd * c.sd * (i === j ? 1 : c.correlation)));
  }
  if (c.matrix.length !== k || c.matrix.some((row) => row.length !== k)) {
    throw new AppError(modelErrors.BAD_OPTION, `The covariance matrix must be ${k}×${k}, one row and column per visit.`, 'covariance.matrix');
  }
  return c.matrix.map((row) => [...row]);
}

function check(ok: boolean, path: string, message: string): void {
  if (!ok) throw new AppError(modelErrors.BAD_OPTION, message, path);
}
