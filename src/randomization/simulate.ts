import { AppError } from '../errors/app-error.js';
import { convergenceGuessCredit, ratioImbalance } from './balance.js';
import { describeDesign } from './describe.js';
import { deriveSeed, KeyedStream } from './keyed-stream.js';
import { minimizationStep, minimizationStream, type MarginCounts } from './minimization.js';
import { listSequence, type ListEntry } from './randomize.js';
import { buildDesign, ratioSum, type ArmShare, type RandomizationDesign, type RandomizationScheme, type RandomizationSchemeInput } from './scheme.js';
import { stratumKey, UNSTRATIFIED, type Covariates } from './stratum.js';
import { randomizationErrors } from './errors.js';

/**
 * Monte-Carlo comparison of allocation schemes for one protocol: final imbalance, imbalance within
 * strata, and predictability under the convergence strategy.
 */

export type SimulatedFactor = {
  readonly id: string;
  readonly levels: readonly string[];
  readonly probabilities: readonly number[];
  readonly source: string;
};

export type Quantiles = { readonly p50: number; readonly p90: number; readonly p95: number; readonly p99: number; readonly max: number };

export type SchemeSummary = {
  readonly id: string;
  readonly description: string;
  readonly scheme: RandomizationScheme;
  /** Ratio-adjusted range of the arm totals at the end of the trial (|n₁ − n₂| for 1:1). */
  readonly finalImbalance: {
    readonly mean: number;
    readonly quantiles: Quantiles;
    /** P(imbalance > k) for each threshold k. */
    readonly exceeds: Readonly<Record<string, number>>;
  };
  /** The same imbalance within each cell of the simulated factors (site × severity …). */
  readonly withinStrata: {
    /** Mean over runs of the mean over non-empty cells. */
    readonly meanCell: number;
    /** Mean over runs of the largest cell imbalance. */
    readonly meanMaxCell: number;
    /** P(some cell has imbalance > 2). */
    readonly anyCellExceeds2: number;
  };
  /** Share of assignments guessed right by the convergence strategy (0.5 = unpredictable, 1:1). */
  readonly predictability: number;
};

export type SimulationReport = {
  readonly protocolId: string;
  readonly participants: number;
  readonly runs: number;
  readonly arms: readonly ArmShare[];
  readonly covariates: readonly SimulatedFactor[];
  readonly guessing: string;
  readonly imbalance: string;
  readonly schemes: readonly SchemeSummary[];
};

export type SimulationInput = {
  readonly protocolId: string;
  readonly arms: readonly ArmShare[];
  readonly siteIds: readonly string[];
  /** The protocol's own scheme, compared with the alternatives when present. */
  readonly protocolScheme?: RandomizationDesign;
  readonly participants: number;
  readonly runs: number;
  readonly seed: Uint8Array;
  readonly onProgress?: (done: number, total: number) => void;
};

export const IMBALANCE_THRESHOLDS = [2, 4, 6, 10] as const;

// Assumption, stated in the output: a two-band baseline severity, equally likely, when the protocol
// declares none.
const DEFAULT_SEVERITY = ['moderate', 'high'] as const;

function simulatedFactors(input: SimulationInput): SimulatedFactor[] {
  const uniform = (levels: readonly string[]) => levels.map(() => 1 / levels.length);
  const declared = input.protocolScheme?.factors ?? [];
  const out: SimulatedFactor[] = [{ id: 'site', levels: input.siteIds, probabilities: uniform(input.siteIds), source: "the protocol's sites, equally likely" }];
  for (const f of declared) {
    if (f.id !== 'site') out.push({ id: f.id, levels: f.levels, probabilities: uniform(f.levels), source: "levels declared by the protocol's scheme, equally likely" });
  }
  if (!out.some((f) => f.id === 'severity')) {
    out.push({
      id: 'severity',
      levels: DEFAULT_SEVERITY,
      probabilities: uniform(DEFAULT_SEVERITY),
      source: 'assumed baseline severity band (moderate/high, equally likely): the protocol declares none',
    });
  }
  return out;
}

function alternatives(input: SimulationInput, factors: readonly SimulatedFactor[]): { id: string; scheme: RandomizationSchemeInput }[] {
  const r = ratioSum(input.arms);
  const severity = factors.find((f) => f.id === 'severity') as SimulatedFactor;
  return [
    { id: 'simple', scheme: { scheme: 'simple' } },
    {
      id: 'blocks-fixed',
      scheme: { scheme: 'permuted-blocks', blockSizes: [2 * r], strata: ['site'] },
    },
    {
      id: 'blocks-random',
      scheme: { scheme: 'permuted-blocks', blockSizes: [r, 2 * r], strata: ['site'] },
    },
    {
      id: 'minimization',
      scheme: { scheme: 'minimization', factors: ['site', 'severity'], measure: 'range', probability: 0.8, levels: { severity: [...severity.levels] } },
    },
  ];
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

type Allocator = (covariates: Covariates) => { armId: string; sequence: string };

/** One run's allocator for a design: list schemes read their stratum sequences lazily. */
function allocator(design: RandomizationDesign, seed: Uint8Array): Allocator {
  if (design.scheme.scheme === 'minimization') {
    const stream = minimizationStream(seed);
    let margins: MarginCounts = {};
    let index = 0;
    return (covariates) => {
      const step = minimizationStep(design, stream, margins, covariates, index++);
      margins = step.margins;
      return { armId: step.armId, sequence: UNSTRATIFIED };
    };
  }
  const sequences = new Map<string, Generator<ListEntry>>();
  return (covariates) => {
    const key = stratumKey(design.factors, covariates);
    let seq = sequences.get(key);
    if (!seq) sequences.set(key, (seq = listSequence(design, seed, key)));
    return { armId: (seq.next().value as ListEntry).armId, sequence: key };
  };
}

/** The running arm counts of `key`, created empty on first use (mutable: simulation only). */
function countsOf(map: Map<string, Record<string, number>>, key: string): Record<string, number> {
  let counts = map.get(key);
  if (!counts) map.set(key, (counts = {}));
  return counts;
}

function bump(counts: Record<string, number>, armId: string): void {
  counts[armId] = (counts[armId] ?? 0) + 1;
}

export function simulate(input: SimulationInput): SimulationReport {
  const { participants: n, runs } = input;
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new AppError(randomizationErrors.INVALID_SIMULATION, `The number of participants must be an integer from 1 to 100000, not ${n}.`);
  }
  if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) {
    throw new AppError(randomizationErrors.INVALID_SIMULATION, `The number of runs must be an integer from 1 to 1000000, not ${runs}.`);
  }
  const factors = simulatedFactors(input);
  const candidates = [
    ...(input.protocolScheme ? [{ id: 'protocol', design: input.protocolScheme }] : []),
    ...alternatives(input, factors).map((a) => ({ ...a, design: buildDesign(a.scheme, input.arms, input.siteIds, `alternative "${a.id}"`) })),
  ];
  // A scheme listed twice (the protocol's may equal an alternative) is simulated once: with the
  // same seeds it would give the same figures.
  const signature = (d: RandomizationDesign) => JSON.stringify([d.scheme, d.factors]);
  const computedAs = candidates.map((c) => candidates.findIndex((o) => signature(o.design) === signature(c.design)));
  const totals = candidates.map(() => ({ imbalance: [] as number[], meanCell: 0, maxCell: 0, anyCell: 0, guessed: 0 }));
  const cellCount = factors.reduce((c, f) => c * f.levels.length, 1);
  const progressEvery = Math.max(1, Math.floor(runs / 100));
  for (let run = 0; run < runs; run++) {
    const covStream = new KeyedStream(deriveSeed(input.seed, `covariates/${run}`), 'covariates');
    // One uniform per participant picks a cell of the factors' cross-classification; as every
    // factor is uniform over its levels, its mixed-radix digits are independent uniform levels.
    const cohort: Covariates[] = Array.from({ length: n }, (_, i) => {
      let cell = Math.floor(covStream.uniform(i) * cellCount);
      return Object.fromEntries(
        factors.map((f) => {
          const level = f.levels[cell % f.levels.length] as string;
          cell = Math.floor(cell / f.levels.length);
          return [f.id, level];
        }),
      );
    });
    const cells = cohort.map((c) => factors.map((f) => `${f.id}=${c[f.id]}`).join('|'));
    const runSeed = deriveSeed(input.seed, `allocation/${run}`);
    candidates.forEach((cand, s) => {
      if (computedAs[s] !== s) return;
      const allocate = allocator(cand.design, runSeed);
      const bySequence = new Map<string, Record<string, number>>();
      const byCell = new Map<string, Record<string, number>>();
      const overall: Record<string, number> = {};
      let guessed = 0;
      cohort.forEach((cov, i) => {
        const { armId, sequence } = allocate(cov);
        const inSequence = countsOf(bySequence, sequence);
        guessed += convergenceGuessCredit(input.arms, inSequence, armId);
        bump(inSequence, armId);
        bump(countsOf(byCell, cells[i] as string), armId);
        bump(overall, armId);
      });
      const cellImbalance = [...byCell.values()].map((c) => ratioImbalance(input.arms, c));
      const t = totals[s] as (typeof totals)[number];
      t.imbalance.push(ratioImbalance(input.arms, overall));
      t.meanCell += cellImbalance.reduce((a, b) => a + b, 0) / cellImbalance.length;
      const maxCell = Math.max(...cellImbalance);
      t.maxCell += maxCell;
      if (maxCell > 2) t.anyCell += 1;
      t.guessed += guessed / n;
    });
    if ((run + 1) % progressEvery === 0 || run + 1 === runs) input.onProgress?.(run + 1, runs);
  }
  return {
    protocolId: input.protocolId,
    participants: n,
    runs,
    arms: input.arms,
    covariates: factors,
    guessing:
      'convergence strategy (Blackwell & Hodges 1957): before each assignment, guess the arm with the fewest (ratio-adjusted) assignments so far in the same sequence — the stratum for stratified schemes, the whole trial otherwise — at random among ties; credited with its exact probability of being right',
    imbalance: 'max over arms of n/ratio minus min over arms of n/ratio (|n1 - n2| for 1:1)',
    schemes: candidates.map((cand, s) => {
      const t = totals[computedAs[s] as number] as (typeof totals)[number];
      const sorted = [...t.imbalance].sort((a, b) => a - b);
      return {
        id: cand.id,
        description: describeDesign(cand.design),
        scheme: cand.design.scheme,
        finalImbalance: {
          mean: sorted.reduce((a, b) => a + b, 0) / runs,
          quantiles: { p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted[runs - 1] as number },
          exceeds: Object.fromEntries(IMBALANCE_THRESHOLDS.map((k) => [String(k), sorted.filter((v) => v > k).length / runs])),
        },
        withinStrata: { meanCell: t.meanCell / runs, meanMaxCell: t.maxCell / runs, anyCellExceeds2: t.anyCell / runs },
        predictability: t.guessed / runs,
      };
    }),
  };
}
