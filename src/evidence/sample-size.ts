import { AppError } from '../errors/app-error.js';
import { qnorm } from '../analysis/stats/distributions.js';
import { matchesDisease } from './query.js';
import { reportedEffects, type ReportedEffect } from './reported-effects.js';
import { evidenceErrors } from './errors.js';

export interface SampleSizeOptions {
  /** Two-sided significance level. */
  readonly alpha?: number;
  readonly power?: number;
  /** Treated per control participant (2 means 2:1). */
  readonly ratio?: number;
}

export interface SampleSize {
  readonly effect: ReportedEffect;
  readonly pTreated: number;
  readonly pControl: number;
  readonly alpha: number;
  readonly power: number;
  readonly ratio: number;
  /** Participants needed, rounded up per arm. */
  readonly nTreated: number;
  readonly nControl: number;
  readonly total: number;
  readonly method: string;
}

function probability(field: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0 && v < 1)) throw new AppError(evidenceErrors.INVALID_SAMPLE_SIZE_ARGUMENT, `${field} must be strictly between 0 and 1, got ${v}.`, field);
  return v;
}

/**
 * Per-arm n for comparing two proportions, normal approximation with the pooled variance under H0
 * (Fleiss, Statistical Methods for Rates and Proportions, 3rd ed., eq. 4.19 without continuity correction):
 *   nC = [z(1-α/2)·√(p̄q̄(1+1/k)) + z(1-β)·√(pTqT/k + pCqC)]² / (pT-pC)²,  nT = k·nC,  p̄ = (k·pT + pC)/(k+1).
 * With k = 1 it is the equation R's power.prop.test(strict = FALSE) solves.
 */
export function sampleSizeFromEffect(effect: ReportedEffect, options: SampleSizeOptions = {}): SampleSize {
  const alpha = probability('alpha', options.alpha ?? 0.05);
  const power = probability('power', options.power ?? 0.8);
  const k = options.ratio ?? 1;
  if (!(Number.isFinite(k) && k > 0)) throw new AppError(evidenceErrors.INVALID_SAMPLE_SIZE_ARGUMENT, `ratio must be a positive number (treated per control), got ${k}.`, 'ratio');
  const pT = effect.treated.responders / effect.treated.n;
  const pC = effect.control.responders / effect.control.n;
  if (pT === pC) throw new AppError(evidenceErrors.INVALID_SAMPLE_SIZE_ARGUMENT, `Row ${effect.id} reports equal proportions, so no sample size detects a difference.`, 'effect');
  const pBar = (k * pT + pC) / (k + 1);
  const za = qnorm(1 - alpha / 2);
  const zb = qnorm(power);
  const nC = (za * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / k)) + zb * Math.sqrt((pT * (1 - pT)) / k + pC * (1 - pC))) ** 2 / (pT - pC) ** 2;
  // Rounded up after the product, so 1:1 gives equal arms; 1e-9 keeps an exact integer from rounding up.
  const nControl = Math.ceil(nC - 1e-9);
  const nTreated = Math.ceil(k * nC - 1e-9);
  return { effect, pTreated: pT, pControl: pC, alpha, power, ratio: k, nTreated, nControl, total: nTreated + nControl, method: 'Two proportions, normal approximation, two-sided' };
}

/** The reported effect chosen by id, or the only one for a disease (by the evidence query's synonyms). */
export function findReportedEffect(choice: { readonly id?: string; readonly disease?: string }): ReportedEffect {
  const found = choice.id !== undefined ? reportedEffects.filter((e) => e.id === choice.id) : choice.disease !== undefined ? reportedEffects.filter((e) => matchesDisease(e, choice.disease!)) : [];
  const asked = choice.id !== undefined ? `id ${choice.id}` : `disease ${choice.disease ?? '(none given)'}`;
  if (found.length === 0)
    throw new AppError(evidenceErrors.NO_REPORTED_EFFECT, `No reported effect matches ${asked}; known: ${reportedEffects.map((e) => e.id).join(', ')}.`, choice.id !== undefined ? 'id' : 'disease');
  if (found.length > 1) throw new AppError(evidenceErrors.AMBIGUOUS_REPORTED_EFFECT, `Several reported effects match ${asked}; choose one by id: ${found.map((e) => e.id).join(', ')}.`, 'id');
  return found[0]!;
}
