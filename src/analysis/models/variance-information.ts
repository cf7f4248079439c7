import { cholesky, choleskyInverse, matrixProduct, traceProduct } from './dense.js';
import type { Pattern, RemlData } from './reml.js';

/** One participant pattern's V_s = Var(y_s) and its derivatives by the variance parameters σ. */
export interface PatternCovariance {
  readonly v: Float64Array;
  readonly first: readonly Float64Array[];
  readonly second: (i: number, j: number) => Float64Array | undefined;
}

/**
 * What the Kenward–Roger and Satterthwaite degrees of freedom need, in the notation of Kenward &
 * Roger (1997, Biometrics 53:983): with W = V⁻¹ and Φ = (XᵀWX)⁻¹,
 * P_i = −Xᵀ W V_i W X, Q_ij = Xᵀ W V_i W V_j W X, R_ij = Xᵀ W V_ij W X, and the expected and
 * observed REML information of σ. V is block-diagonal, so every term is a sum over participants,
 * and each participant's X_sᵀ M X_s is Σ_jk M_jk x_j x_kᵀ over the pattern's cross-products:
 * the cost grows with the number of visit patterns, not of participants.
 */
export interface VarianceInformation {
  readonly r: number;
  readonly p: number;
  readonly phi: Float64Array;
  readonly pMatrices: readonly Float64Array[];
  /** Q_ij − P_i Φ P_j − R_ij / 4, row i·r + j: the bracket of KR's adjusted covariance. */
  readonly bracket: readonly Float64Array[];
  readonly expected: Float64Array;
  readonly observed: Float64Array;
}

/**
 * The REML information terms, from these identities (P the REML projection, r = y − Xβ̂, P y = W r):
 *   tr(P V_i P V_j) = Σ_s tr(W V_i W V_j) − 2 tr(Φ Q_ij) + tr(Φ P_i Φ P_j)
 *   expected_ij = ½ tr(P V_i P V_j)
 *   observed_ij = ½ tr(P V_ij) − ½ tr(P V_i P V_j) + yᵀP V_i P V_j P y − ½ yᵀP V_ij P y,
 *   tr(P V_ij) = Σ_s tr(W V_ij) − tr(Φ R_ij),
 *   yᵀP V_i P V_j P y = Σ_s rᵀ W V_i W V_j W r − (Xᵀ W V_i W r)ᵀ Φ (Xᵀ W V_j W r).
 */
export function varianceInformation<P>(data: RemlData<P>, beta: Float64Array, phi: Float64Array, covarianceOf: (payload: P) => PatternCovariance): VarianceInformation {
  const { p } = data;
  let r = -1;
  let acc: Accumulators | undefined;
  for (const pat of data.patterns) {
    const cov = covarianceOf(pat.payload);
    if (acc === undefined) {
      r = cov.first.length;
      acc = accumulators(r, p);
    }
    const n = pat.n;
    const w = choleskyInverse(cholesky(cov.v, n)!, n);
    const { rr, xr } = residualCrossProducts(pat, beta, p);
    // B_i = W V_i and A_i = W V_i W (n×n).
    const bMat = cov.first.map((vi) => matrixProduct(w, vi, n));
    const aMat = bMat.map((bi) => matrixProduct(bi, w, n));
    const xav = aMat.map((ai) => quadratic(ai, pat.xx, n, p * p));
    const xar = aMat.map((ai) => quadratic(ai, xr, n, p));
    for (let i = 0; i < r; i++) {
      add(acc.xawx[i]!, xav[i]!);
      add(acc.xawr[i]!, xar[i]!);
      for (let j = 0; j < r; j++) {
        const ij = i * r + j;
        const bij = matrixProduct(bMat[i]!, aMat[j]!, n); // W V_i W V_j W
        add(acc.q[ij]!, quadratic(bij, pat.xx, n, p * p));
        acc.trWW[ij]! += pat.count * traceProduct(bMat[i]!, bMat[j]!, n);
        acc.rQr[ij]! += quadratic(bij, rr, n, 1)[0]!;
        const vij = cov.second(i, j);
        if (vij === undefined) continue;
        const wvw = matrixProduct(matrixProduct(w, vij, n), w, n);
        add(acc.rMat[ij]!, quadratic(wvw, pat.xx, n, p * p));
        acc.trWVij[ij]! += pat.count * traceProduct(w, vij, n);
        acc.rRr[ij]! += quadratic(wvw, rr, n, 1)[0]!;
      }
    }
  }
  if (acc === undefined) throw new Error('varianceInformation: no participants');
  const pMatrices = acc.xawx.map((m) => m.map((v) => -v));
  const phiP = pMatrices.map((pi) => matrixProduct(phi, pi, p));
  const expected = new Float64Array(r * r);
  const observed = new Float64Array(r * r);
  const bracket: Float64Array[] = [];
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      const ij = i * r + j;
      const trPVPV = acc.trWW[ij]! - 2 * traceProduct(phi, acc.q[ij]!, p) + traceProduct(phiP[i]!, phiP[j]!, p);
      const yPVPVPy = acc.rQr[ij]! - bilinear(phi, acc.xawr[i]!, acc.xawr[j]!, p);
      const trPVij = acc.trWVij[ij]! - traceProduct(phi, acc.rMat[ij]!, p);
      expected[ij] = trPVPV / 2;
      observed[ij] = trPVij / 2 - trPVPV / 2 + yPVPVPy - acc.rRr[ij]! / 2;
      const piPhiPj = matrixProduct(pMatrices[i]!, phiP[j]!, p);
      bracket.push(acc.q[ij]!.map((v, e) => v - piPhiPj[e]! - acc!.rMat[ij]![e]! / 4));
    }
  }
  return { r, p, phi, pMatrices, bracket, expected, observed };
}

interface Accumulators {
  readonly xawx: Float64Array[];
  readonly xawr: Float64Array[];
  readonly q: Float64Array[];
  readonly rMat: Float64Array[];
  readonly trWW: Float64Array;
  readonly trWVij: Float64Array;
  readonly rQr: Float64Array;
  readonly rRr: Float64Array;
}

function accumulators(r: number, p: number): Accumulators {
  const many = (count: number, size: number) => Array.from({ length: count }, () => new Float64Array(size));
  return {
    xawx: many(r, p * p),
    xawr: many(r, p),
    q: many(r * r, p * p),
    rMat: many(r * r, p * p),
    trWW: new Float64Array(r * r),
    trWVij: new Float64Array(r * r),
    rQr: new Float64Array(r * r),
    rRr: new Float64Array(r * r),
  };
}

/**
 * Σ_s r_s r_sᵀ and Σ_s x_s r_sᵀ over a pattern, from its cross-products and β̂ (r = y − Xβ̂):
 * rr_jk = yy_jk − β·xy_jk − β·xy_kj + βᵀ xx_jk β, xr_(jk),a = xy_(jk),a − (xx_jk β)_a.
 */
function residualCrossProducts(pat: Pattern<unknown>, beta: Float64Array, p: number): { rr: Float64Array; xr: Float64Array } {
  const n = pat.n;
  const rr = new Float64Array(n * n);
  const xr = new Float64Array(n * n * p);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < n; k++) {
      const jk = j * n + k;
      let s = pat.yy[jk]!;
      for (let a = 0; a < p; a++) {
        let xxBeta = 0;
        for (let b = 0; b < p; b++) xxBeta += pat.xx[(jk * p + a) * p + b]! * beta[b]!;
        xr[jk * p + a] = pat.xy[jk * p + a]! - xxBeta;
        s -= beta[a]! * (pat.xy[jk * p + a]! + pat.xy[(k * n + j) * p + a]! - xxBeta);
      }
      rr[jk] = s;
    }
  }
  return { rr, xr };
}

/** Σ_jk M_jk C_jk for n×n M and per-(j,k) blocks C of the given size. */
function quadratic(m: Float64Array, c: Float64Array, n: number, size: number): Float64Array {
  const out = new Float64Array(size);
  for (let jk = 0; jk < n * n; jk++) {
    const mjk = m[jk]!;
    if (mjk === 0) continue;
    const base = jk * size;
    for (let e = 0; e < size; e++) out[e]! += mjk * c[base + e]!;
  }
  return out;
}

function bilinear(m: Float64Array, x: Float64Array, y: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += x[i]! * m[i * n + j]! * y[j]!;
  return s;
}

function add(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i]! += source[i]!;
}
