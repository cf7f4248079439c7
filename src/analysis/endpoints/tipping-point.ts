import { fisherTest } from '../stats/fisher.js';

/** Two-sided significance level of the seed trials ("P values below 0.05 are considered statistically significant"). */
export const TIPPING_ALPHA = 0.05;

export interface TippingCell {
  /** Of the other arm's missing participants, how many are supposed responders. */
  readonly otherResponders: number;
  readonly referenceResponders: number;
  readonly pValue: number;
}

export interface TippingPoint {
  readonly alpha: number;
  readonly otherMissing: number;
  readonly referenceMissing: number;
  /** Fisher's p for every way the missing participants could have responded (the primary analysis is 0, 0). */
  readonly grid: readonly TippingCell[];
  /** The assumption nearest the primary one (fewest missing participants turned responder) that reverses its conclusion at `alpha`; null when none does. */
  readonly tippingPoint: TippingCell | null;
}

interface ArmCount {
  readonly n: number;
  readonly responders: number;
  readonly missing: number;
}

/**
 * Tipping-point sensitivity analysis of a responder end point analysed with missing = non-responder
 * (Ratitch B et al. Pharm Stat 2013;12:337-347; EMA Guideline on missing data in confirmatory trials,
 * 2010, §6.3): each arm's missing participants are re-imputed as 0…m responders and Fisher's exact
 * test is repeated on every combination.
 */
export function tippingPoint(other: ArmCount, reference: ArmCount): TippingPoint {
  const grid: TippingCell[] = [];
  for (let i = 0; i <= other.missing; i++) {
    for (let j = 0; j <= reference.missing; j++) {
      const [a, c] = [other.responders + i, reference.responders + j];
      grid.push({
        otherResponders: i,
        referenceResponders: j,
        pValue: fisherTest([
          [a, other.n - a],
          [c, reference.n - c],
        ]).pValue,
      });
    }
  }
  const significant = (cell: TippingCell) => cell.pValue < TIPPING_ALPHA;
  const primary = significant(grid[0]!);
  const reversals = grid.filter((cell) => significant(cell) !== primary);
  const nearest = reversals.reduce<TippingCell | null>(
    (best, cell) => (best === null || cell.otherResponders + cell.referenceResponders < best.otherResponders + best.referenceResponders ? cell : best),
    null,
  );
  return { alpha: TIPPING_ALPHA, otherMissing: other.missing, referenceMissing: reference.missing, grid, tippingPoint: nearest };
}
