import { isAppError } from '../../errors/app-error.js';
import type { Protocol } from '../../protocol/schema.js';
import type { CovarianceStructure } from '../models/covariance-structures.js';
import type { LsMean } from '../models/ls-means.js';
import type { DfMethod } from '../models/small-sample-df.js';
import type { ArmDifference, Contrast } from '../models/types.js';
import type { TestResult } from '../stats/result.js';

/** One inferential test of an endpoint, or why it could not be estimated. */
export type EndpointTest =
  | { readonly kind: 'welch'; readonly contrast: string; readonly result: TestResult }
  | { readonly kind: 'ancova'; readonly contrasts: readonly ArmDifference[] }
  | {
      readonly kind: 'mmrm';
      readonly df: DfMethod;
      /** The structure the protocol asked for and the one fitted (the next in the fallback order when it did not converge). */
      readonly covariance: { readonly requested: CovarianceStructure; readonly used: CovarianceStructure };
      readonly lsMeans: readonly LsMean[];
      readonly contrasts: readonly ArmDifference[];
    }
  | { readonly kind: 'paired-t'; readonly result: TestResult }
  | { readonly kind: 'signed-rank'; readonly result: TestResult }
  | {
      readonly kind: 'piecewise';
      readonly knotWeek: number;
      readonly unit: string;
      /** The month the slopes are per: 365.25 / 12 days. */
      readonly daysPerMonth: number;
      /** How the contrast's SE and df were computed. */
      readonly df: 'kenward-roger';
      readonly slopes: { readonly administration: number; readonly followUp: number };
      readonly contrasts: readonly Contrast[];
    }
  | { readonly kind: 'per-patient-slopes'; readonly unit: string; readonly n: number; readonly excluded: number; readonly result: TestResult }
  | { readonly kind: 'shift'; readonly n: number; readonly missing: number; readonly table: readonly { readonly from: number; readonly to: number; readonly n: number }[] }
  | { readonly kind: 'proportion-improved'; readonly improved: number; readonly n: number; readonly missing: number; readonly result: TestResult }
  | { readonly kind: 'fisher'; readonly contrast: string; readonly result: TestResult }
  | { readonly kind: 'chi-square'; readonly contrast: string; readonly result: TestResult }
  | { readonly kind: 'risk-difference'; readonly contrast: string; readonly result: TestResult }
  | { readonly kind: 'not-estimable'; readonly method: string; readonly reason: string };

/** A model or test that cannot be estimated on these data is reported as such, not as a failure of the whole analysis. */
export function attempt(method: string, fit: () => EndpointTest): EndpointTest {
  try {
    return fit();
  } catch (e) {
    if (isAppError(e)) return { kind: 'not-estimable', method, reason: e.message };
    throw e;
  }
}

/** The reference arm of a comparison: the placebo arm when there is one, else the last arm. */
export function referenceArm(protocol: Protocol, arms: readonly string[]): string {
  const placebo = protocol.arms.find((a) => a.type === 'placebo-comparator' && arms.includes(a.id));
  return placebo?.id ?? arms[arms.length - 1]!;
}
