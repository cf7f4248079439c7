import { AppError } from '../../errors/app-error.js';
import { statsErrors } from './errors.js';

export interface UnirootOptions {
  /** f(lower) and f(upper) when the caller already has them (R's `f.lower`, `f.upper`). */
  readonly fLower?: number;
  readonly fUpper?: number;
  /** R's default is .Machine$double.eps^0.25. */
  readonly tol?: number;
  readonly maxiter?: number;
}

/** R's default `uniroot` tolerance, .Machine$double.eps^0.25. */
export const DEFAULT_ROOT_TOL = Number.EPSILON ** 0.25;

/**
 * R's `uniroot` (without interval extension): Brent's zero finder as in R's C `R_zeroin2`,
 * ported step for step so that roots found with a loose tolerance (R uses 1e-4 in places)
 * land on the same number R returns.
 */
export function uniroot(f: (x: number) => number, lower: number, upper: number, options: UnirootOptions = {}): number {
  const tol = options.tol ?? DEFAULT_ROOT_TOL;
  let fa = options.fLower ?? f(lower);
  let fb = options.fUpper ?? f(upper);
  if (!(lower < upper)) throw new AppError(statsErrors.INVALID_ARGUMENT, `Root search needs lower < upper, got [${lower}, ${upper}].`);
  if (Number.isNaN(fa) || Number.isNaN(fb) || !(Math.sign(fa) * Math.sign(fb) <= 0)) {
    throw new AppError(statsErrors.ROOT_NOT_BRACKETED, `Function values at ${lower} and ${upper} are not of opposite sign.`);
  }
  let a = lower;
  let b = upper;
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let maxit = (options.maxiter ?? 1000) + 1;
  while (maxit--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b; // R warns "_NOT_ converged" and returns the last approximation
}
