import { AppError } from '../../errors/app-error.js';
import { instrumentsErrors } from '../errors.js';

/**
 * SLE Responder Index (SRI-4): Furie R et al. Lupus Sci Med 2014;1:e000031 (BLISS definition); see
 * shared/reference/scoring/sri4.md. Responder when, versus baseline, all three hold:
 *  1. SLEDAI(-2K) reduced by ≥ 4 points;
 *  2. no new BILAG A organ-domain score and at most one new BILAG B;
 *  3. no worsening of the physician's global assessment (PGA, 0–3 scale), worsening = increase ≥ 0.3.
 */
export const SRI4_SLEDAI_REDUCTION = 4;
export const SRI4_PGA_WORSENING = 0.3;
export const SRI4_MAX_NEW_BILAG_B = 1;

export type Sri4Input = {
  readonly baselineSledai: number;
  readonly followUpSledai: number;
  readonly baselinePga: number;
  readonly followUpPga: number;
  /** Organ domains newly scored BILAG A / B at follow-up (none at baseline). */
  readonly newBilagA: number;
  readonly newBilagB: number;
};

export type Sri4Result = {
  readonly responder: boolean;
  readonly sledaiReduction: number;
  readonly pgaChange: number;
  readonly criteria: { readonly sledai: boolean; readonly noNewFlare: boolean; readonly noPgaWorsening: boolean };
};

const scales: readonly (readonly [key: keyof Sri4Input, min: number, max: number, integer: boolean])[] = [
  ['baselineSledai', 0, 105, true],
  ['followUpSledai', 0, 105, true],
  ['baselinePga', 0, 3, false],
  ['followUpPga', 0, 3, false],
  ['newBilagA', 0, 9, true], // BILAG-2004 has 9 organ domains
  ['newBilagB', 0, 9, true],
];

/** PGA is recorded to 0.01 at most; rounding the difference keeps 2.3 − 2.0 from being 0.2999…. */
const roundHundredths = (x: number) => Math.round(x * 100) / 100;

export function sri4(input: Sri4Input): Sri4Result {
  for (const [key, min, max, integer] of scales) {
    const v = input[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      throw new AppError(instrumentsErrors.RESPONDER_INPUT_INVALID, `SRI-4 input "${key}" must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${String(v)}.`, key);
    }
  }
  const sledaiReduction = input.baselineSledai - input.followUpSledai;
  const pgaChange = roundHundredths(input.followUpPga - input.baselinePga);
  const criteria = {
    sledai: sledaiReduction >= SRI4_SLEDAI_REDUCTION,
    noNewFlare: input.newBilagA === 0 && input.newBilagB <= SRI4_MAX_NEW_BILAG_B,
    noPgaWorsening: pgaChange < SRI4_PGA_WORSENING,
  };
  return { responder: criteria.sledai && criteria.noNewFlare && criteria.noPgaWorsening, sledaiReduction, pgaChange, criteria };
}
