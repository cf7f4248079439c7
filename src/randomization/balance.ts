import type { ArmShare } from './scheme.js';

/**
 * Imbalance of arm counts relative to the allocation ratio: max_k(n_k/r_k) − min_k(n_k/r_k).
 * For two arms at 1:1 it is |n₁ − n₂|.
 */
export function ratioImbalance(arms: readonly ArmShare[], counts: Readonly<Record<string, number>>): number {
  const adjusted = arms.map((a) => (counts[a.id] ?? 0) / a.ratio);
  return Math.max(...adjusted) - Math.min(...adjusted);
}

/**
 * The probability that the convergence strategy of Blackwell & Hodges (1957, Ann Math Stat
 * 28:449–460) guesses `actual` correctly: guess the arm with the fewest assignments so far
 * (ratio-adjusted), at random among ties. Returns the exact expectation (1/ties or 0), so that no
 * guessing noise is added to the simulation.
 */
export function convergenceGuessCredit(arms: readonly ArmShare[], counts: Readonly<Record<string, number>>, actual: string): number {
  const adjusted = arms.map((a) => (counts[a.id] ?? 0) / a.ratio);
  const least = Math.min(...adjusted);
  const guesses = arms.filter((_, k) => (adjusted[k] as number) <= least + 1e-9);
  return guesses.some((a) => a.id === actual) ? 1 / guesses.length : 0;
}
