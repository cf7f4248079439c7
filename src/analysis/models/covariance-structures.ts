import { logCholeskyFactor, logCholeskyParameters, outerProduct } from './reml.js';

/** Covariance structures of the MMRM's within-participant errors over visits. */
export const covarianceStructures = ['unstructured', 'toeplitz', 'ar1', 'compound-symmetry'] as const;
export type CovarianceStructure = (typeof covarianceStructures)[number];

/** Richest to plainest: where a fit does not converge the next one is tried (as the usual SAP wording). */
export const fallbackOrder: readonly CovarianceStructure[] = covarianceStructures;

/**
 * Σ = σ² Λ(θ) over the k visits, with σ² profiled out of the REML criterion, plus the variance
 * parameters that the small-sample degrees of freedom differentiate by. Those are SAS PROC MIXED's
 * (UN: each σ_ab; TOEP: the band covariances; CS: between and within variances; AR(1): σ² and ρ),
 * so that Kenward–Roger's adjusted covariance, which depends on the parametrisation, is SAS's.
 */
export interface StructureModel {
  /** Length of θ. */
  readonly size: number;
  start(empirical: Float64Array): Float64Array;
  /** Λ(θ) (k×k, row-major), or undefined where θ gives no valid covariance. */
  lambda(theta: Float64Array): Float64Array | undefined;
  /** ∂Σ/∂σ_i and ∂²Σ/∂σ_i∂σ_j (undefined where zero) at the fitted Σ. */
  derivatives(sigma: Float64Array): VarianceDerivativeMatrices;
}

export interface VarianceDerivativeMatrices {
  readonly first: readonly Float64Array[];
  readonly second: (i: number, j: number) => Float64Array | undefined;
}

const linear = (first: Float64Array[]): VarianceDerivativeMatrices => ({ first, second: () => undefined });

function fill(k: number, f: (a: number, b: number) => number): Float64Array {
  const m = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) m[a * k + b] = f(a, b);
  return m;
}

/**
 * `empirical` is the pairwise residual covariance scaled to 1 at visit 1. Unstructured Λ holds
 * the log-Cholesky entries with L₁₁ = 1; the others are correlation matrices.
 */
export function structureModel(structure: CovarianceStructure, k: number): StructureModel {
  const meanLagCorrelation = (e: Float64Array, lag: number) => {
    let s = 0;
    for (let a = lag; a < k; a++) s += e[a * k + a - lag]! / Math.sqrt(e[a * k + a]! * e[(a - lag) * k + a - lag]!);
    return Math.min(0.9, Math.max(-0.5, s / (k - lag) || 0));
  };
  switch (structure) {
    case 'unstructured':
      return {
        size: (k * (k + 1)) / 2 - 1,
        start: (e) => {
          const diagonal = e.map((v, i) => (i % (k + 1) === 0 ? Math.max(v, 1e-3) : 0));
          return (logCholeskyParameters(e, k) ?? logCholeskyParameters(diagonal, k)!).subarray(1);
        },
        lambda: (theta) => outerProduct(logCholeskyFactor([0, ...theta], k), k),
        derivatives: () => {
          const first: Float64Array[] = [];
          for (let a = 0; a < k; a++) for (let b = 0; b <= a; b++) first.push(fill(k, (i, j) => ((i === a && j === b) || (i === b && j === a) ? 1 : 0)));
          return linear(first);
        },
      };
    case 'compound-symmetry':
      // ρ = (eᵗ − 1)/(eᵗ + k − 1) spans (−1/(k−1), 1), where the k×k matrix is positive definite.
      return {
        size: k > 1 ? 1 : 0,
        start: (e) => {
          const rho = meanLagCorrelation(e, 1);
          return k > 1 ? Float64Array.of(Math.log((1 + (k - 1) * rho) / (1 - rho))) : new Float64Array(0);
        },
        lambda: (theta) => {
          const rho = k > 1 ? (Math.exp(theta[0]!) - 1) / (Math.exp(theta[0]!) + k - 1) : 0;
          return fill(k, (a, b) => (a === b ? 1 : rho));
        },
        derivatives: () => linear(k > 1 ? [fill(k, () => 1), fill(k, (a, b) => (a === b ? 1 : 0))] : [fill(k, () => 1)]),
      };
    case 'ar1':
      return {
        size: k > 1 ? 1 : 0,
        start: (e) => (k > 1 ? Float64Array.of(Math.atanh(meanLagCorrelation(e, 1))) : new Float64Array(0)),
        lambda: (theta) => {
          const rho = k > 1 ? Math.tanh(theta[0]!) : 0;
          return fill(k, (a, b) => rho ** Math.abs(a - b));
        },
        derivatives: (sigma) => {
          if (k === 1) return linear([fill(k, () => 1)]);
          const s2 = sigma[0]!;
          const rho = sigma[1]! / s2;
          // d/dρ of ρ^d is d ρ^(d−1); written as products so that d = 0, 1 need no negative powers.
          const d1 = (d: number) => (d === 0 ? 0 : d * rho ** (d - 1));
          const d2 = (d: number) => (d < 2 ? 0 : d * (d - 1) * rho ** (d - 2));
          const lag = (f: (d: number) => number) => fill(k, (a, b) => f(Math.abs(a - b)));
          const cross = lag(d1);
          return {
            first: [lag((d) => rho ** d), lag((d) => s2 * d1(d))],
            second: (i, j) => (i === 0 && j === 0 ? undefined : i === 1 && j === 1 ? lag((d) => s2 * d2(d)) : cross),
          };
        },
      };
    case 'toeplitz':
      // θ are partial autocorrelations tanh(θ): every value gives a positive-definite Toeplitz matrix.
      return {
        size: k - 1,
        start: (e) => Float64Array.from({ length: k - 1 }, (_, i) => (i === 0 ? Math.atanh(meanLagCorrelation(e, 1)) : 0)),
        lambda: (theta) => {
          const r = autocorrelations(Array.from(theta, Math.tanh));
          return fill(k, (a, b) => r[Math.abs(a - b)]!);
        },
        derivatives: () => linear(Array.from({ length: k }, (_, band) => fill(k, (a, b) => (Math.abs(a - b) === band ? 1 : 0)))),
      };
  }
}

/** Durbin–Levinson: autocorrelations ρ₀ = 1, ρ₁ … ρ_m of a stationary process from its partial autocorrelations. */
export function autocorrelations(pacf: readonly number[]): number[] {
  const rho = [1];
  let a: number[] = [];
  let v = 1;
  for (let m = 1; m <= pacf.length; m++) {
    const phi = pacf[m - 1]!;
    let r = phi * v;
    for (let j = 1; j < m; j++) r += a[j - 1]! * rho[m - j]!;
    rho.push(r);
    a = [...a.map((aj, j) => aj - phi * a[m - 2 - j]!), phi];
    v *= 1 - phi * phi;
  }
  return rho;
}
