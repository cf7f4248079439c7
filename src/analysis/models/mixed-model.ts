import { AppError } from '../../errors/app-error.js';
import { assertFullRank, toRowMajor, type Column } from './design.js';
import { nlmeFixedDf } from './nlme-df.js';
import { minimise } from './optimise.js';
import { quadraticForm } from './dense.js';
import { collectPatterns, evaluateReml, logCholeskyFactor, outerProduct, type Block, type RemlData, type RemlFit } from './reml.js';
import { inferenceFor, type DfMethod } from './small-sample-df.js';
import { varianceInformation } from './variance-information.js';
import { waldRow } from './student-t.js';
import type { FixedEffect } from './types.js';
import { modelErrors } from './errors.js';

/** A linear mixed model y = Xβ + Zb + ε with one grouping level, b ~ N(0, σ²Ψ), ε ~ N(0, σ²I). */
export interface MixedModelSpec {
  readonly ids: readonly string[];
  readonly y: Float64Array;
  readonly fixed: readonly Column[];
  /** Random-effects columns (an intercept column of ones, then slopes). */
  readonly random: readonly Column[];
  /** nlme's between/within df (lme's default) unless a small-sample method is asked for. */
  readonly df?: MixedModelDf;
}

export type MixedModelDf = 'nlme' | DfMethod;

export interface MixedModelFit {
  readonly fixed: readonly FixedEffect[];
  readonly beta: Float64Array;
  /** Covariance of β̂ (row-major p×p). */
  readonly covBeta: Float64Array;
  /** Covariance of the random effects, D = σ²Ψ (row-major q×q). */
  readonly randomCovariance: Float64Array;
  readonly residualSd: number;
  readonly logLik: number;
  readonly iterations: number;
  /**
   * SE and df of lᵀβ by the chosen method; with nlme's df a combination takes the smallest df of
   * the terms it involves (for terms estimated at the same level, as the ALS slopes, their shared df).
   */
  contrast(l: ArrayLike<number>): { readonly se: number; readonly df: number };
}

interface ZRows {
  readonly z: Float64Array;
  readonly n: number;
}

/** Fit by REML, as nlme::lme(method = "REML") with a general positive-definite Ψ (pdLogChol). */
export function fitMixedModel(spec: MixedModelSpec): MixedModelFit {
  assertFullRank(spec.fixed);
  const p = spec.fixed.length;
  const q = spec.random.length;
  const nObs = spec.y.length;
  const groupIndex = new Map<string, number>();
  const groupOf = spec.ids.map((id) => {
    let g = groupIndex.get(id);
    if (g === undefined) {
      g = groupIndex.size;
      groupIndex.set(id, g);
    }
    return g;
  });
  const x = toRowMajor(spec.fixed, nObs);
  const z = toRowMajor(spec.random, nObs);
  const rowsOf: number[][] = Array.from({ length: groupIndex.size }, () => []);
  groupOf.forEach((g, i) => rowsOf[g]!.push(i));
  const blocks: Block<ZRows>[] = rowsOf.map((rows) => {
    const zi = Float64Array.from(rows.flatMap((r) => Array.from(z.subarray(r * q, r * q + q))));
    return {
      key: Array.from(zi).join(','),
      payload: { z: zi, n: rows.length },
      x: Float64Array.from(rows.flatMap((r) => Array.from(x.subarray(r * p, r * p + p)))),
      y: Float64Array.from(rows, (r) => spec.y[r]!),
    };
  });
  const data = collectPatterns(blocks, p);
  const objective = (theta: Float64Array) => {
    const psi = outerProduct(logCholeskyFactor(theta, q), q);
    return evaluateReml(data, ({ z: zi, n }) => {
      // Λ_i = I + Z_i Ψ Z_iᵀ
      const lam = new Float64Array(n * n);
      for (let j = 0; j < n; j++) {
        for (let k = 0; k < n; k++) {
          let s = j === k ? 1 : 0;
          for (let a = 0; a < q; a++) for (let c = 0; c < q; c++) s += zi[j * q + a]! * psi[a * q + c]! * zi[k * q + c]!;
          lam[j * n + k] = s;
        }
      }
      return lam;
    });
  };
  // Start with each random effect contributing about one residual variance per observation.
  const start = Float64Array.from({ length: (q * (q + 1)) / 2 }, () => 0);
  let t = 0;
  for (let i = 0; i < q; i++) {
    t += i;
    let ss = 0;
    for (const v of spec.random[i]!.values) ss += v * v;
    start[t++] = -0.5 * Math.log(ss / nObs || 1);
  }
  const result = minimise((theta) => objective(theta)?.minus2LogLik ?? Infinity, start);
  const fit = objective(result.x);
  if (!result.converged || fit === undefined) {
    throw new AppError(modelErrors.NOT_CONVERGED, `The mixed model did not converge after ${result.iterations} iterations; the random effects may not be identifiable from these data.`);
  }
  const psi = outerProduct(logCholeskyFactor(result.x, q), q);
  const contrast = contrastInference(spec.df ?? 'nlme', fit, data, psi, q, () => nlmeFixedDf(spec.fixed, groupOf, groupIndex.size));
  const unit = (j: number) => Float64Array.from({ length: p }, (_, i) => (i === j ? 1 : 0));
  return {
    contrast,
    fixed: spec.fixed.map((c, j) => {
      const { se, df } = contrast(unit(j));
      return waldRow(c.name, fit.beta[j]!, se, df);
    }),
    beta: fit.beta,
    covBeta: fit.covBeta,
    randomCovariance: psi.map((v) => v * fit.sigma2),
    residualSd: Math.sqrt(fit.sigma2),
    logLik: -fit.minus2LogLik / 2,
    iterations: result.iterations,
  };
}

/**
 * Small-sample inference with the variance parameters of lme4/pbkrtest: the entries d_ab (a ≥ b)
 * of D = σ²Ψ and σ², so V_i = Z_i D Z_iᵀ + σ² I is linear in them.
 */
function contrastInference(method: MixedModelDf, fit: RemlFit, data: RemlData<ZRows>, psi: Float64Array, q: number, nlmeDf: () => number[]): MixedModelFit['contrast'] {
  const p = data.p;
  if (method === 'nlme') {
    const df = nlmeDf();
    return (l) => ({ se: Math.sqrt(quadraticForm(fit.covBeta, p, l)), df: Math.min(...df.filter((_, j) => l[j] !== 0)) });
  }
  const inference = inferenceFor(method, p, fit.covBeta, data.nObs - p, () =>
    varianceInformation(data, fit.beta, fit.covBeta, ({ z, n }) => {
      const first: Float64Array[] = [];
      for (let a = 0; a < q; a++) {
        for (let b = 0; b <= a; b++) {
          // ∂V/∂d_ab = Z (E_ab + E_ba) Zᵀ, or Z E_aa Zᵀ on the diagonal.
          const m = new Float64Array(n * n);
          for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) m[j * n + k] = z[j * q + a]! * z[k * q + b]! + (a === b ? 0 : z[j * q + b]! * z[k * q + a]!);
          first.push(m);
        }
      }
      const identity = Float64Array.from({ length: n * n }, (_, e) => (e % (n + 1) === 0 ? 1 : 0));
      first.push(identity);
      const v = identity.map((x) => fit.sigma2 * x);
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) v[j * n + k]! += fit.sigma2 * z[j * q + a]! * psi[a * q + b]! * z[k * q + b]!;
      return { v, first, second: () => undefined };
    }),
  );
  return (l) => ({ se: inference.se(l), df: inference.df(l) });
}
