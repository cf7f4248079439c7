import { AppError } from '../../errors/app-error.js';
import { structureModel, type CovarianceStructure, type VarianceDerivativeMatrices } from './covariance-structures.js';
import { leastSquares } from './least-squares.js';
import { minimise } from './optimise.js';
import { evaluateReml, type RemlData, type RemlFit } from './reml.js';
import { varianceInformation, type VarianceInformation } from './variance-information.js';
import { modelErrors } from './errors.js';

/** One structure tried, in the order tried. */
export interface CovarianceAttempt {
  readonly structure: CovarianceStructure;
  readonly converged: boolean;
  readonly iterations: number;
}

export interface FittedCovariance {
  readonly structure: CovarianceStructure;
  readonly fit: RemlFit;
  /** Σ over all visits (row-major k×k). */
  readonly sigma: Float64Array;
  readonly attempts: readonly CovarianceAttempt[];
  readonly iterations: number;
  information(derivatives: VarianceDerivativeMatrices): VarianceInformation;
}

/** REML fits of the structures in `order` until one converges. */
export function fitCovariance(
  data: RemlData<readonly number[]>,
  observations: readonly { readonly id: string; readonly visit: string; readonly value: number }[],
  x: Float64Array,
  visitIndex: ReadonlyMap<string, number>,
  k: number,
  order: readonly CovarianceStructure[],
): FittedCovariance {
  const empirical = residualCovariance(observations, x, data.p, visitIndex, k);
  const attempts: CovarianceAttempt[] = [];
  for (const structure of order) {
    const model = structureModel(structure, k);
    const objective = (theta: Float64Array) => {
      const lam = model.lambda(theta);
      return lam === undefined ? undefined : evaluateReml(data, (idx) => subMatrix(lam, k, idx));
    };
    const result = minimise((theta) => objective(theta)?.minus2LogLik ?? Infinity, model.start(empirical));
    const fit = objective(result.x);
    attempts.push({ structure, converged: result.converged && fit !== undefined, iterations: result.iterations });
    if (!result.converged || fit === undefined) continue;
    const sigma = model.lambda(result.x)!.map((v) => v * fit.sigma2);
    return {
      structure,
      fit,
      sigma,
      attempts,
      iterations: result.iterations,
      information: (d) =>
        varianceInformation(data, fit.beta, fit.covBeta, (idx) => ({
          v: subMatrix(sigma, k, idx),
          first: d.first.map((m) => subMatrix(m, k, idx)),
          second: (i, j) => {
            const m = d.second(i, j);
            return m === undefined ? undefined : subMatrix(m, k, idx);
          },
        })),
    };
  }
  throw new AppError(
    modelErrors.NOT_CONVERGED,
    `The MMRM did not converge with any covariance tried (${attempts.map((a) => `${a.structure} after ${a.iterations} iterations`).join(', ')}); some visits may have too few participants.`,
  );
}

/** The rows and columns idx of a k×k matrix. */
function subMatrix(m: Float64Array, k: number, idx: readonly number[]): Float64Array {
  const n = idx.length;
  const sub = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) sub[a * n + b] = m[idx[a]! * k + idx[b]!]!;
  return sub;
}

/**
 * The covariance of least-squares residuals between visits (pairwise complete), scaled so visit 1
 * has variance 1: where every structure's optimiser starts.
 */
function residualCovariance(
  observations: readonly { readonly id: string; readonly visit: string; readonly value: number }[],
  x: Float64Array,
  p: number,
  visitIndex: ReadonlyMap<string, number>,
  k: number,
): Float64Array {
  const { residuals } = leastSquares(
    x,
    p,
    Float64Array.from(observations, (o) => o.value),
  );
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
  return cov.map((v) => v / scale);
}
