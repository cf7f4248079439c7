import { AppError } from '../../errors/app-error.js';
import { checkConfLevel } from './arguments.js';
import { qnorm } from './distributions.js';
import { statsErrors } from './errors.js';

/** One right-censored observation: follow-up time and whether the event happened then. */
export interface SurvivalObservation {
  readonly time: number;
  readonly event: boolean;
}

/** One row of a Kaplan–Meier curve at a distinct observed time, as survival::survfit reports it. */
export interface KaplanMeierStep {
  readonly time: number;
  readonly nRisk: number;
  readonly nEvent: number;
  readonly nCensor: number;
  readonly surv: number;
  /** Greenwood standard error of log S (survfit's `std.err`); Infinity once S reaches 0. */
  readonly stdErrLog: number;
  /** Greenwood standard error of S itself (summary.survfit's `std.err`). */
  readonly stdErr: number;
  /** survfit's default "log" interval exp(log S ± z·se); NaN where S = 0. */
  readonly lower: number;
  readonly upper: number;
}

export interface KaplanMeierCurve {
  readonly method: 'Kaplan-Meier';
  readonly confLevel: number;
  readonly steps: readonly KaplanMeierStep[];
}

export function checkObservations(obs: readonly SurvivalObservation[]): void {
  if (obs.length === 0) throw new AppError(statsErrors.NOT_ENOUGH_OBSERVATIONS, 'A survival curve needs at least 1 observation.');
  obs.forEach((o, i) => {
    if (!(Number.isFinite(o.time) && o.time >= 0)) throw new AppError(statsErrors.INVALID_ARGUMENT, `Observation ${i + 1} has time ${o.time}; times must be finite and not negative.`);
  });
}

/**
 * Kaplan–Meier product-limit estimate with Greenwood's variance, Var(log S) = Σ d / (n (n − d)),
 * and survfit's default log-transformed interval.
 */
export function kaplanMeier(obs: readonly SurvivalObservation[], confLevel = 0.95): KaplanMeierCurve {
  checkObservations(obs);
  checkConfLevel(confLevel);
  const z = qnorm(1 - (1 - confLevel) / 2);
  const times = [...new Set(obs.map((o) => o.time))].sort((a, b) => a - b);
  let surv = 1;
  let varLog = 0;
  const steps = times.map((time) => {
    const nRisk = obs.filter((o) => o.time >= time).length;
    const nEvent = obs.filter((o) => o.time === time && o.event).length;
    const nCensor = obs.filter((o) => o.time === time && !o.event).length;
    surv *= 1 - nEvent / nRisk;
    varLog += nEvent / (nRisk * (nRisk - nEvent));
    const stdErrLog = Math.sqrt(varLog);
    const bound = (sign: number) => (surv === 0 ? NaN : Math.min(1, Math.exp(Math.log(surv) + sign * z * stdErrLog)));
    return { time, nRisk, nEvent, nCensor, surv, stdErrLog, stdErr: surv * stdErrLog, lower: bound(-1), upper: bound(1) };
  });
  return { method: 'Kaplan-Meier', confLevel, steps };
}
