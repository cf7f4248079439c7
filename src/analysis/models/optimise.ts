/**
 * Quasi-Newton (BFGS) minimisation with a backtracking Armijo line search and central-difference
 * gradients. The REML criteria here have a handful of parameters and cheap evaluations, so
 * numeric gradients cost little; an infinite value (a non-positive-definite covariance) makes
 * the line search step back.
 */
export interface OptimiseResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface OptimiseOptions {
  readonly maxIterations?: number;
  /**
   * Stop when every gradient component is below this times max(1, |f|): REML criteria grow with
   * the number of observations, and so do their curvature and the rounding noise of a numeric gradient.
   */
  readonly gradientTolerance?: number;
}

export function numericGradient(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const g = new Float64Array(x.length);
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    // Step ~ cube root of machine epsilon balances truncation and rounding error of a central difference.
    const h = 6e-6 * Math.max(1, Math.abs(x[i]!));
    probe[i] = x[i]! + h;
    const up = f(probe);
    probe[i] = x[i]! - h;
    const down = f(probe);
    probe[i] = x[i]!;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

export function minimise(f: (x: Float64Array) => number, start: Float64Array, options: OptimiseOptions = {}): OptimiseResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 500;
  const relativeTolerance = options.gradientTolerance ?? 1e-8;
  let x = Float64Array.from(start);
  let fx = f(x);
  if (!Number.isFinite(fx)) return { x, value: fx, iterations: 0, converged: false };
  const gtol = relativeTolerance * Math.max(1, Math.abs(fx));
  let g = numericGradient(f, x);
  // Inverse Hessian approximation, starting from the identity.
  let h = identity(n);
  for (let iter = 1; iter <= maxIterations; iter++) {
    if (maxAbs(g) < gtol) return { x, value: fx, iterations: iter - 1, converged: true };
    let dir = matVec(h, g, n).map((v) => -v);
    let slope = dot(dir, g);
    if (!(slope < 0)) {
      h = identity(n);
      dir = g.map((v) => -v);
      slope = dot(dir, g);
    }
    let step = 1;
    let xNew = x;
    let fNew = fx;
    let accepted = false;
    for (let k = 0; k < 60; k++) {
      xNew = x.map((v, i) => v + step * dir[i]!);
      fNew = f(xNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) {
      // No decrease along the direction: at the optimum to working precision if the gradient is small.
      return { x, value: fx, iterations: iter, converged: maxAbs(g) < 1e3 * gtol };
    }
    const gNew = numericGradient(f, xNew);
    const s = xNew.map((v, i) => v - x[i]!);
    const y = gNew.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) h = bfgsUpdate(h, s, y, sy, n);
    const change = fx - fNew;
    x = xNew;
    fx = fNew;
    g = gNew;
    if (change < 1e-14 * (1 + Math.abs(fx)) && maxAbs(g) < 1e2 * gtol) return { x, value: fx, iterations: iter, converged: true };
  }
  return { x, value: fx, iterations: maxIterations, converged: maxAbs(g) < gtol };
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function matVec(m: Float64Array, v: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += m[i * n + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀ s). */
function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): Float64Array {
  const rho = 1 / sy;
  const hy = matVec(h, y, n);
  const yhy = dot(y, hy);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i * n + j] = h[i * n + j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!;
    }
  }
  return out;
}
