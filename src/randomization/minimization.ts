import { KeyedStream, pickWeighted } from './keyed-stream.js';
import type { RandomizationDesign } from './scheme.js';
import type { Covariates } from './stratum.js';

/**
 * Pocock–Simon minimization (Pocock & Simon 1975, Biometrics 31:103–115) for k arms.
 * For a new participant and each factor i, take the counts x_ik of earlier participants in arm k
 * who share the participant's level of i. For each candidate arm j, add the participant to arm j,
 * divide each count by the arm's ratio (the ratio-adjusted form for unequal allocation discussed
 * by Han, Enas & McEntegart 2009, Stat Med 28:3329–3346), and take the imbalance d_ij = range or
 * population variance of those adjusted counts. The score is G_j = Σ_i w_i · d_ij.
 */

/** Per factor, per level, the number of participants in each arm. */
export type MarginCounts = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>>;

const EPSILON = 1e-9; // scores are sums of ratio-adjusted counts: compare with a tolerance

function imbalance(values: readonly number[], measure: 'range' | 'variance'): number {
  if (measure === 'range') return Math.max(...values) - Math.min(...values);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}

/** G_j for each arm j, in arm order. */
export function minimizationScores(design: RandomizationDesign, margins: MarginCounts, covariates: Covariates): number[] {
  if (design.scheme.scheme !== 'minimization') throw new TypeError('minimizationScores needs a minimization design');
  const measure = design.scheme.measure;
  return design.arms.map((_, j) =>
    design.factors.reduce((g, f) => {
      const counts = margins[f.id]?.[covariates[f.id] as string] ?? {};
      const adjusted = design.arms.map((a, k) => ((counts[a.id] ?? 0) + (k === j ? 1 : 0)) / a.ratio);
      return g + f.weight * imbalance(adjusted, measure);
    }, 0),
  );
}

/**
 * The arm chosen from the scores with two uniforms. The preferred arms are those with the lowest
 * score. If every arm is preferred (a complete tie), the arm is drawn by ratio with u2. Otherwise,
 * when u1 < p, one preferred arm is drawn by ratio with u2 (a random tie-break among several), and
 * when u1 ≥ p, one of the other arms is drawn by ratio with u2.
 */
export function minimizationChoice(design: RandomizationDesign, scores: readonly number[], u1: number, u2: number): { readonly armId: string; readonly preferred: readonly string[] } {
  if (design.scheme.scheme !== 'minimization') throw new TypeError('minimizationChoice needs a minimization design');
  const best = Math.min(...scores);
  const isPreferred = scores.map((s) => s <= best + EPSILON);
  const preferred = design.arms.filter((_, k) => isPreferred[k]);
  const others = design.arms.filter((_, k) => !isPreferred[k]);
  const pool = others.length === 0 || u1 < design.scheme.probability ? preferred : others;
  const arm = pool[
    pickWeighted(
      pool.map((a) => a.ratio),
      u2,
    )
  ] as { id: string };
  return { armId: arm.id, preferred: preferred.map((a) => a.id) };
}

/** Margins after a participant with these covariates joined `armId`. */
export function addToMargins(design: RandomizationDesign, margins: MarginCounts, covariates: Covariates, armId: string): MarginCounts {
  // Copy only the path that changes; the rest is shared (margins are never mutated).
  const next: Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>> = { ...margins };
  for (const f of design.factors) {
    const level = covariates[f.id] as string;
    const byLevel = next[f.id] ?? {};
    const byArm = byLevel[level] ?? {};
    next[f.id] = { ...byLevel, [level]: { ...byArm, [armId]: (byArm[armId] ?? 0) + 1 } };
  }
  return next;
}

/** The keyed stream of a minimization trial: participant i uses positions 2i and 2i + 1. */
export function minimizationStream(seed: Uint8Array): KeyedStream {
  return new KeyedStream(seed, 'minimization');
}

/** Allocate the `index`-th participant (0-based) of a minimization trial. */
export function minimizationStep(
  design: RandomizationDesign,
  stream: KeyedStream,
  margins: MarginCounts,
  covariates: Covariates,
  index: number,
): { readonly armId: string; readonly margins: MarginCounts } {
  const scores = minimizationScores(design, margins, covariates);
  const { armId } = minimizationChoice(design, scores, stream.uniform(2 * index), stream.uniform(2 * index + 1));
  return { armId, margins: addToMargins(design, margins, covariates, armId) };
}
