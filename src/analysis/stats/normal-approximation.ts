import { pnorm } from './distributions.js';
import type { Alternative } from './result.js';

/** R's continuity correction for a centred rank statistic z: towards zero by 1/2 in the tested direction. */
export function continuityCorrection(z: number, alternative: Alternative, correct: boolean): number {
  if (!correct) return 0;
  if (alternative === 'two.sided') return Math.sign(z) * 0.5;
  return alternative === 'greater' ? 0.5 : -0.5;
}

/** p-value of a standard normal statistic. */
export function normalPValue(z: number, alternative: Alternative): number {
  if (alternative === 'less') return pnorm(z);
  if (alternative === 'greater') return pnorm(z, false);
  return 2 * Math.min(pnorm(z), pnorm(z, false));
}
