import { cholesky, choleskyInverse, choleskySolve } from './dense.js';

export interface LeastSquaresFit {
  readonly beta: Float64Array;
  readonly residuals: Float64Array;
  readonly rss: number;
  /** (XᵀX)⁻¹, row-major p×p. */
  readonly xtxInverse: Float64Array;
}

/** Ordinary least squares on a row-major n×p design of full column rank (checked by the caller). */
export function leastSquares(x: Float64Array, p: number, y: Float64Array): LeastSquaresFit {
  const n = y.length;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const xia = x[i * p + a]!;
      xty[a]! += xia * y[i]!;
      for (let b = 0; b < p; b++) xtx[a * p + b]! += xia * x[i * p + b]!;
    }
  }
  const l = cholesky(xtx, p);
  if (l === undefined) throw new Error('leastSquares: design not of full rank (callers check with assertFullRank first)');
  const beta = choleskySolve(l, p, xty);
  const residuals = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let a = 0; a < p; a++) fitted += x[i * p + a]! * beta[a]!;
    residuals[i] = y[i]! - fitted;
    rss += residuals[i]! ** 2;
  }
  return { beta, residuals, rss, xtxInverse: choleskyInverse(l, p) };
}
