import { AppError } from '../../errors/app-error.js';
import { pnorm, qnorm } from '../stats/distributions.js';
import { checkProbability, type Sided } from './arguments.js';
import { solveN } from './power-means.js';
import { statsErrors } from '../stats/errors.js';

export interface PowerProportionsInput {
  readonly p1: number;
  readonly p2: number;
  readonly sigLevel?: number;
  readonly alternative?: Sided;
}

export interface PowerProportionsResult {
  readonly method: 'Two-sample comparison of proportions power calculation';
  /** Participants per group, not rounded. */
  readonly n: number;
  readonly p1: number;
  readonly p2: number;
  readonly sigLevel: number;
  readonly power: number;
  readonly alternative: Sided;
}

function setup(input: PowerProportionsInput) {
  const p1 = checkProbability('p1', input.p1);
  const p2 = checkProbability('p2', input.p2);
  const sigLevel = checkProbability('sig.level', input.sigLevel ?? 0.05);
  const alternative = input.alternative ?? 'two.sided';
  const tside = alternative === 'two.sided' ? 2 : 1;
  // R's power.prop.test (strict = FALSE), normal approximation with the pooled variance under H0
  const power = (n: number) => pnorm((Math.sqrt(n) * Math.abs(p1 - p2) - qnorm(sigLevel / tside, false) * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2))) / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
  return { p1, p2, sigLevel, alternative, power };
}

const method = 'Two-sample comparison of proportions power calculation' as const;

/** Power of comparing two proportions with n per group, as R's power.prop.test(n = , p1 = , p2 = ). */
export function powerProportions(input: PowerProportionsInput & { readonly n: number }): PowerProportionsResult {
  const s = setup(input);
  if (!(Number.isFinite(input.n) && input.n > 0)) throw new AppError(statsErrors.INVALID_ARGUMENT, `n must be a positive number, got ${input.n}.`);
  return { method, n: input.n, p1: s.p1, p2: s.p2, sigLevel: s.sigLevel, power: s.power(input.n), alternative: s.alternative };
}

/** Participants per group for a target power, as R's power.prop.test(power = , p1 = , p2 = ). */
export function sampleSizeProportions(input: PowerProportionsInput & { readonly power: number }): PowerProportionsResult {
  const s = setup(input);
  const target = checkProbability('power', input.power);
  if (s.p1 === s.p2) throw new AppError(statsErrors.INVALID_ARGUMENT, 'p1 and p2 are equal, so no sample size reaches a power above the significance level.');
  const n = solveN((n) => s.power(n) - target, 1);
  return { method, n, p1: s.p1, p2: s.p2, sigLevel: s.sigLevel, power: target, alternative: s.alternative };
}
