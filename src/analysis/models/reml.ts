import { cholesky, choleskyInverse, choleskySolve, logDetFromCholesky } from './dense.js';

/**
 * Profiled REML for a linear model with block-diagonal covariance Var(y_i) = σ² Λ_i(θ), one block
 * per participant (the marginal form of both the mixed model and the MMRM).
 *
 * Participants whose blocks share Λ_i (the same visits, or the same times) form a pattern; the
 * data enter only through per-pattern cross-products Σ_i x_ij x_ikᵀ, Σ_i x_ij y_ik and
 * Σ_i y_ij y_ik, so one evaluation costs O(patterns · n² · p²) whatever the number of
 * participants, and no N×N matrix is ever formed.
 */
export interface Block<P> {
  /** Participants with the same key share Λ_i. */
  readonly key: string;
  /** What Λ_i is computed from (visit indices, or the random-effects design rows). */
  readonly payload: P;
  /** Row-major n×p fixed-effects rows of the participant. */
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface Pattern<P> {
  readonly payload: P;
  readonly n: number;
  count: number;
  /** xx[((j·n + k)·p + a)·p + b] = Σ x_ja x_kb over the pattern's participants. */
  readonly xx: Float64Array;
  readonly xy: Float64Array;
  readonly yy: Float64Array;
}

export interface RemlData<P> {
  readonly patterns: readonly Pattern<P>[];
  readonly p: number;
  readonly nObs: number;
}

export function collectPatterns<P>(blocks: readonly Block<P>[], p: number): RemlData<P> {
  const byKey = new Map<string, Pattern<P>>();
  let nObs = 0;
  for (const b of blocks) {
    const n = b.y.length;
    nObs += n;
    let pat = byKey.get(b.key);
    if (pat === undefined) {
      pat = { payload: b.payload, n, count: 0, xx: new Float64Array(n * n * p * p), xy: new Float64Array(n * n * p), yy: new Float64Array(n * n) };
      byKey.set(b.key, pat);
    }
    pat.count++;
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) {
        const jk = j * n + k;
        const yk = b.y[k]!;
        pat.yy[jk]! += b.y[j]! * yk;
        for (let a = 0; a < p; a++) {
          const xja = b.x[j * p + a]!;
          pat.xy[jk * p + a]! += xja * yk;
          const base = (jk * p + a) * p;
          for (let c = 0; c < p; c++) pat.xx[base + c]! += xja * b.x[k * p + c]!;
        }
      }
    }
  }
  return { patterns: [...byKey.values()], p, nObs };
}

export interface RemlFit {
  /** −2 × REML log-likelihood with σ² profiled out (constants included). */
  readonly minus2LogLik: number;
  readonly beta: Float64Array;
  readonly sigma2: number;
  /** Covariance of β̂: σ² (Xᵀ Λ⁻¹ X)⁻¹, row-major p×p. */
  readonly covBeta: Float64Array;
}

/**
 * Evaluate the profiled REML criterion for the given block covariances (scaled by σ²);
 * undefined when a block or XᵀΛ⁻¹X is not positive definite.
 */
export function evaluateReml<P>(data: RemlData<P>, lambda: (payload: P) => Float64Array | undefined): RemlFit | undefined {
  const { p, nObs } = data;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  let c = 0;
  let logDetSum = 0;
  for (const pat of data.patterns) {
    const n = pat.n;
    const lam = lambda(pat.payload);
    if (lam === undefined) return undefined;
    const l = cholesky(lam, n);
    if (l === undefined) return undefined;
    logDetSum += pat.count * logDetFromCholesky(l, n);
    const w = choleskyInverse(l, n);
    for (let jk = 0; jk < n * n; jk++) {
      const wjk = w[jk]!;
      c += wjk * pat.yy[jk]!;
      const xyBase = jk * p;
      const xxBase = jk * p * p;
      for (let i = 0; i < p; i++) b[i]! += wjk * pat.xy[xyBase + i]!;
      for (let i = 0; i < p * p; i++) a[i]! += wjk * pat.xx[xxBase + i]!;
    }
  }
  const la = cholesky(a, p);
  if (la === undefined) return undefined;
  const beta = choleskySolve(la, p, b);
  let bBeta = 0;
  for (let i = 0; i < p; i++) bBeta += b[i]! * beta[i]!;
  const dfResidual = nObs - p;
  const rss = c - bBeta;
  if (!(rss > 0)) return undefined;
  const sigma2 = rss / dfResidual;
  const minus2LogLik = dfResidual * (Math.log(2 * Math.PI) + 1 + Math.log(sigma2)) + logDetSum + logDetFromCholesky(la, p);
  const covBeta = choleskyInverse(la, p).map((v) => v * sigma2);
  return { minus2LogLik, beta, sigma2, covBeta };
}

/** Lower-triangular L (row-major n×n) from log-Cholesky parameters: log diagonal, raw below. */
export function logCholeskyFactor(theta: ArrayLike<number>, n: number, offset = 0): Float64Array {
  const l = new Float64Array(n * n);
  let t = offset;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) l[i * n + j] = theta[t++]!;
    l[i * n + i] = Math.exp(theta[t++]!);
  }
  return l;
}

/** L Lᵀ for a row-major lower-triangular n×n L. */
export function outerProduct(l: Float64Array, n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k <= j; k++) s += l[i * n + k]! * l[j * n + k]!;
      m[i * n + j] = s;
      m[j * n + i] = s;
    }
  }
  return m;
}

/** Log-Cholesky parameters of a positive-definite matrix (the inverse of logCholeskyFactor). */
export function logCholeskyParameters(m: Float64Array, n: number): Float64Array | undefined {
  const l = cholesky(m, n);
  if (l === undefined) return undefined;
  const theta: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) theta.push(l[i * n + j]!);
    theta.push(Math.log(l[i * n + i]!));
  }
  return Float64Array.from(theta);
}
