import { AppError } from '../errors/app-error.js';
import { assertSeed } from './keyed-stream.js';
import { minimizationStep, minimizationStream, type MarginCounts } from './minimization.js';
import { blockAt, firstCursor, nextInBlocks, type BlockCursor } from './permuted-blocks.js';
import type { RandomizationDesign } from './scheme.js';
import { simpleAt, simpleStream } from './simple.js';
import { stratumKey, UNSTRATIFIED, type Covariates } from './stratum.js';
import { randomizationErrors } from './errors.js';

/**
 * The allocation state a store persists between randomizations (plain JSON). It holds counts and
 * positions only — never upcoming allocations, which are recomputed from the secret seed.
 */
export type RandomizationState = {
  readonly randomized: number;
  readonly armCounts: Readonly<Record<string, number>>;
  /** Where each stratum's sequence stands (permuted blocks, simple). */
  readonly strata: Readonly<Record<string, BlockCursor>>;
  /** Factor-level counts per arm (minimization). */
  readonly margins: MarginCounts;
};

export const initialRandomizationState: RandomizationState = { randomized: 0, armCounts: {}, strata: {}, margins: {} };

export type Assignment = {
  readonly armId: string;
  readonly stratum: string;
  /** 0-based position in the stratum's sequence (in the whole trial for minimization). */
  readonly stratumIndex: number;
  /** 1-based order of randomization across the trial. */
  readonly sequence: number;
  /** 0-based count of earlier participants in the same arm: the position in the arm's kit pool. */
  readonly armOrdinal: number;
  /** Block number within the stratum, for permuted blocks. */
  readonly block?: number;
};

/** Allocate the next participant: the assignment and the state after it. */
export function nextAssignment(
  design: RandomizationDesign,
  seed: Uint8Array,
  state: RandomizationState,
  covariates: Covariates,
): { readonly assignment: Assignment; readonly state: RandomizationState } {
  assertSeed(seed);
  const scheme = design.scheme;
  let armId: string;
  let stratum: string;
  let stratumIndex: number;
  let block: number | undefined;
  let strata = state.strata;
  let margins = state.margins;
  if (scheme.scheme === 'minimization') {
    stratumKey(design.factors, covariates); // validates the covariates
    stratum = UNSTRATIFIED;
    stratumIndex = state.randomized;
    ({ armId, margins } = minimizationStep(design, minimizationStream(seed), margins, covariates, stratumIndex));
  } else {
    stratum = stratumKey(design.factors, covariates);
    const cursor = state.strata[stratum] ?? firstCursor;
    stratumIndex = cursor.next;
    if (scheme.scheme === 'permuted-blocks') {
      const step = nextInBlocks(design, seed, stratum, cursor);
      armId = step.armId;
      block = step.block;
      strata = { ...strata, [stratum]: step.cursor };
    } else {
      armId = simpleAt(design, simpleStream(seed, stratum), stratumIndex);
      strata = { ...strata, [stratum]: { ...cursor, next: cursor.next + 1 } };
    }
  }
  const armOrdinal = state.armCounts[armId] ?? 0;
  return {
    assignment: { armId, stratum, stratumIndex, sequence: state.randomized + 1, armOrdinal, ...(block === undefined ? {} : { block }) },
    state: { randomized: state.randomized + 1, armCounts: { ...state.armCounts, [armId]: armOrdinal + 1 }, strata, margins },
  };
}

export type ListEntry = { readonly index: number; readonly armId: string; readonly block?: number };

/** The allocation sequence of one stratum, lazily (each block computed once). */
export function* listSequence(design: RandomizationDesign, seed: Uint8Array, stratum: string): Generator<ListEntry> {
  assertSeed(seed);
  const scheme = design.scheme;
  if (scheme.scheme === 'minimization') {
    throw new AppError(randomizationErrors.NOT_A_LIST_SCHEME, 'Minimization allocates from the covariates of earlier participants, so it has no allocation list.');
  }
  if (scheme.scheme === 'simple') {
    const stream = simpleStream(seed, stratum);
    for (let index = 0; ; index++) yield { index, armId: simpleAt(design, stream, index) };
  }
  for (let block = 0, index = 0; ; block++) {
    for (const armId of blockAt(design, seed, stratum, block)) yield { index: index++, armId, block };
  }
}

/**
 * The first n allocations of a stratum, as an unblinded statistician would audit them. The stratum
 * is given by its factor values (`{}` when unstratified).
 */
export function generateList(design: RandomizationDesign, seed: Uint8Array, stratum: Covariates, n: number): readonly ListEntry[] {
  const out: ListEntry[] = [];
  if (n <= 0) return out;
  for (const entry of listSequence(design, seed, stratumKey(design.factors, stratum))) {
    out.push(entry);
    if (out.length === n) break;
  }
  return out;
}
