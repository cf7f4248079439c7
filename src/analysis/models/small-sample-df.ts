import { AppError } from '../../errors/app-error.js';
import { cholesky, choleskyInverse, matrixProduct, quadraticForm } from './dense.js';
import type { VarianceInformation } from './variance-information.js';
import { modelErrors } from './errors.js';

/** Denominator degrees of freedom of the Wald t-tests (SAS PROC MIXED's DDFM=KR, SATTERTH, RESIDUAL). */
export const dfMethods = ['kenward-roger', 'satterthwaite', 'residual'] as const;
export type DfMethod = (typeof dfMethods)[number];

/** How to test a linear combination lᵀβ: its standard error and degrees of freedom. */
export interface Inference {
  readonly method: DfMethod;
  /** Cov(β̂) the SEs come from: Kenward–Roger's adjusted Φ_A, otherwise Φ = (XᵀV⁻¹X)⁻¹. */
  readonly covBeta: Float64Array;
  se(l: ArrayLike<number>): number;
  df(l: ArrayLike<number>): number;
}

/**
 * Residual: N − p, as nlme::gls reports. Satterthwaite: 2 (lᵀΦl)² / gᵀ W g with g_i = ∂(lᵀΦl)/∂σ_i
 * and W the inverse observed REML information (as lmerTest, and emmeans for gls). Kenward–Roger
 * (1997): SEs from Φ_A = Φ + 2Φ{Σ_ij W_ij (Q_ij − P_iΦP_j − ¼R_ij)}Φ with W the inverse expected
 * information; for a single contrast their F scaling is exactly 1 and their m reduces to
 * 2 (lᵀΦl)² / gᵀ W g with the expected W (as pbkrtest's Lb_ddf).
 */
export function inferenceFor(method: DfMethod, p: number, phi: Float64Array, residualDf: number, info: () => VarianceInformation): Inference {
  const se = (cov: Float64Array) => (l: ArrayLike<number>) => Math.sqrt(quadraticForm(cov, p, l));
  if (method === 'residual') return { method, covBeta: phi, se: se(phi), df: () => residualDf };
  const v = info();
  const w = invert(method === 'kenward-roger' ? v.expected : v.observed, v.r, method);
  const df = (l: ArrayLike<number>) => {
    const phiL = multiplyVector(phi, l, p);
    const g = v.pMatrices.map((pi) => quadraticForm(pi, p, phiL));
    return (2 * quadraticForm(phi, p, l) ** 2) / quadraticForm(w, v.r, g);
  };
  if (method === 'satterthwaite') return { method, covBeta: phi, se: se(phi), df };
  const u = new Float64Array(p * p);
  v.bracket.forEach((b, ij) => {
    const wij = w[ij]!;
    for (let e = 0; e < p * p; e++) u[e]! += wij * b[e]!;
  });
  const phiUPhi = matrixProduct(matrixProduct(phi, u, p), phi, p);
  const adjusted = phi.map((x, e) => x + 2 * phiUPhi[e]!);
  return { method, covBeta: adjusted, se: se(adjusted), df };
}

function invert(information: Float64Array, r: number, method: DfMethod): Float64Array {
  const l = cholesky(information, r);
  if (l === undefined) {
    throw new AppError(
      modelErrors.DF_NOT_ESTIMABLE,
      `The ${method} degrees of freedom cannot be computed: the information matrix of the covariance parameters is singular (a variance is at its boundary); use --df residual or a simpler covariance.`,
    );
  }
  return choleskyInverse(l, r);
}

function multiplyVector(m: Float64Array, x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i]! += m[i * n + j]! * x[j]!;
  return out;
}
