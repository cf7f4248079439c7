import { AppError } from '../../errors/app-error.js';
import { pnt, qt } from '../stats/distributions.js';
import { uniroot } from '../stats/uniroot.js';
import { checkProbability, type Sided } from './arguments.js';
import { statsErrors } from '../stats/errors.js';

export type TTestType = 'two.sample' | 'one.sample' | 'paired';

export interface PowerMeansInput {
  /** True difference in means. */
  readonly delta: number;
  readonly sd?: number;
  readonly sigLevel?: number;
  readonly type?: TTestType;
  readonly alternative?: Sided;
}

export interface PowerMeansResult {
  readonly method: string;
  /** Participants per group (pairs for a paired design), not rounded. */
  readonly n: number;
  readonly delta: number;
  readonly sd: number;
  readonly sigLevel: number;
  readonly power: number;
  readonly alternative: Sided;
}

function setup(input: PowerMeansInput) {
  const sd = input.sd ?? 1;
  const sigLevel = checkProbability('sig.level', input.sigLevel ?? 0.05);
  const type = input.type ?? 'two.sample';
  const alternative = input.alternative ?? 'two.sided';
  if (!(Number.isFinite(sd) && sd > 0)) throw new AppError(statsErrors.INVALID_ARGUMENT, `sd must be a positive number, got ${sd}.`);
  if (!Number.isFinite(input.delta)) throw new AppError(statsErrors.INVALID_ARGUMENT, `delta must be a finite number, got ${input.delta}.`);
  const tsample = type === 'two.sample' ? 2 : 1;
  const tside = alternative === 'two.sided' ? 2 : 1;
  const delta = tside === 2 ? Math.abs(input.delta) : input.delta;
  // R's power.t.test (strict = FALSE): probability of exceeding the upper critical value
  const power = (n: number) => {
    const nu = Math.max(1e-7, n - 1) * tsample;
    return pnt(qt(sigLevel / tside, nu, false), nu, (Math.sqrt(n / tsample) * delta) / sd, false);
  };
  const method = `${type === 'one.sample' ? 'One-sample' : type === 'paired' ? 'Paired' : 'Two-sample'} t test power calculation`;
  return { sd, sigLevel, alternative, delta, power, method };
}

/** Power of a t-test with n per group, as R's power.t.test(n = , delta = ). */
export function powerMeans(input: PowerMeansInput & { readonly n: number }): PowerMeansResult {
  const s = setup(input);
  if (!(Number.isFinite(input.n) && input.n > 1)) throw new AppError(statsErrors.INVALID_ARGUMENT, `n must be a number greater than 1, got ${input.n}.`);
  return { method: s.method, n: input.n, delta: s.delta, sd: s.sd, sigLevel: s.sigLevel, power: s.power(input.n), alternative: s.alternative };
}

/** Sample size per group for a target power, as R's power.t.test(power = , delta = ). */
export function sampleSizeMeans(input: PowerMeansInput & { readonly power: number }): PowerMeansResult {
  const s = setup(input);
  const target = checkProbability('power', input.power);
  if (s.delta <= 0) throw new AppError(statsErrors.INVALID_ARGUMENT, `delta must be positive to reach a power, got ${input.delta}.`);
  const n = solveN((n) => s.power(n) - target, 2);
  return { method: s.method, n, delta: s.delta, sd: s.sd, sigLevel: s.sigLevel, power: target, alternative: s.alternative };
}

/**
 * R solves uniroot(f, c(lower, 1e7), extendInt = "upX") (lower is 2 in power.t.test, 1 in
 * power.prop.test): f increases in n, so the interval is extended downwards by R's steps only
 * when the target is met already at `lower`.
 */
export function solveN(f: (n: number) => number, start: number): number {
  let lower = start;
  const upper = 1e7;
  let fLower = f(lower);
  const fUpper = f(upper);
  if (fUpper < 0) throw new AppError(statsErrors.INVALID_ARGUMENT, 'The requested power is not reached with up to 10 million per group.');
  let delta = 0.01 * Math.max(1e-4, Math.abs(lower));
  while (fLower > 0) {
    lower -= delta;
    fLower = f(lower);
    delta *= 2;
  }
  return uniroot(f, lower, upper, { fLower, fUpper });
}
