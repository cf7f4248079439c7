import { AppError } from '../../errors/app-error.js';
import { fallbackOrder, structureModel, type CovarianceStructure } from './covariance-structures.js';
import { assertFullRank, constantColumn, dummyColumns, factorLevels, interactionColumns, toRowMajor, type Column } from './design.js';
import { lsMeans, type LsMean } from './ls-means.js';
import { fitCovariance, type CovarianceAttempt } from './mmrm-covariance.js';
import { collectPatterns, type Block } from './reml.js';
import { inferenceFor, type DfMethod } from './small-sample-df.js';
import { waldRow } from './student-t.js';
import type { ArmDifference, FixedEffect } from './types.js';
import { modelErrors } from './errors.js';

export interface MmrmObservation {
  readonly id: string;
  readonly arm: string;
  readonly visit: string;
  readonly value: number;
  readonly baseline?: number;
}

export interface MmrmOptions {
  readonly referenceArm?: string;
  /** The protocol's covariance structure; unstructured by default. */
  readonly covariance?: CovarianceStructure;
  /** Tried in turn when a fit does not converge; by default the structures after `covariance` in US → Toeplitz → AR(1) → CS. */
  readonly fallback?: readonly CovarianceStructure[];
  /** Kenward–Roger by default, as regulatory MMRM analyses use (SAS DDFM=KR). */
  readonly df?: DfMethod;
  readonly confidence?: number;
  /**
   * The visits in time order, which AR(1) and Toeplitz are over and the tables follow (the first is
   * the reference level). By default R's factor levels: numeric order when every visit is a number,
   * else alphabetical, which puts "week-12" before "week-4".
   */
  readonly visits?: readonly string[];
}

export interface MmrmResult {
  readonly method: 'mmrm';
  readonly formula: string;
  readonly df: DfMethod;
  /** Estimates with SEs and df by `df` (Kenward–Roger SEs come from the adjusted covariance). */
  readonly fixed: readonly FixedEffect[];
  /** Cov(β̂) behind those SEs, in the order of `fixed`: Kenward–Roger's adjusted Φ_A, else (XᵀV⁻¹X)⁻¹. */
  readonly covBeta: readonly (readonly number[])[];
  /** LS means by arm and visit (baseline at its mean over the rows fitted), with intervals. */
  readonly lsMeans: readonly LsMean[];
  /** Each arm minus the reference arm at each visit: the LS-mean differences, with intervals. */
  readonly contrasts: readonly ArmDifference[];
  /** The fitted covariance over visits, the structure used and every structure tried. */
  readonly variance: {
    readonly structure: CovarianceStructure;
    readonly requested: CovarianceStructure;
    readonly attempts: readonly CovarianceAttempt[];
    readonly visits: readonly string[];
    readonly sd: readonly number[];
    readonly correlation: readonly (readonly number[])[];
  };
  readonly logLik: number;
  readonly iterations: number;
}

/**
 * Mixed model for repeated measures: `value ~ arm * visit (+ baseline)` with a structured
 * covariance over visits, fitted by REML as nlme::gls — unstructured is
 * `correlation = corSymm(form = ~ visitIndex | id), weights = varIdent(form = ~ 1 | visit)`,
 * Toeplitz `corARMA(p = visits − 1)`, AR(1) `corAR1(form = ~ visitIndex | id)` (visits equally
 * spaced by index) and compound symmetry `corCompSymm`. Participants with missing visits
 * contribute the visits they have (missing at random).
 */
export function fitMmrm(observations: readonly MmrmObservation[], options: MmrmOptions = {}): MmrmResult {
  const n = observations.length;
  const rowsById = new Map<string, number[]>();
  observations.forEach((o, i) => {
    const rows = rowsById.get(o.id) ?? [];
    const clash = rows.find((r) => observations[r]!.visit === o.visit);
    if (clash !== undefined) {
      throw new AppError(modelErrors.DUPLICATE_VISIT, `Rows ${clash + 1} and ${i + 1} both give participant "${o.id}" at visit "${o.visit}".`, `observations.${i}.visit`);
    }
    rows.push(i);
    rowsById.set(o.id, rows);
  });
  const armLevels = factorLevels(
    observations.map((o) => o.arm),
    options.referenceArm,
  );
  if (armLevels.length < 2) throw new AppError(modelErrors.TOO_FEW_GROUPS, `The arm column holds only one arm ("${armLevels[0] ?? ''}").`, 'arm');
  const visitLevels = options.visits ? visitOrder(options.visits, observations) : factorLevels(observations.map((o) => o.visit));
  const withBaseline = observations.some((o) => o.baseline !== undefined);
  const baselines = withBaseline
    ? observations.map((o, i) => {
        if (o.baseline === undefined) throw new AppError(modelErrors.COLUMN_MISSING, `Observation ${i + 1} has no baseline while others do.`, `observations.${i}.baseline`);
        return o.baseline;
      })
    : undefined;
  const design = (arms: readonly string[], visits: readonly string[], baseline: readonly number[] | undefined) => mmrmColumns(armLevels, visitLevels, arms, visits, baseline);
  const columns = design(
    observations.map((o) => o.arm),
    observations.map((o) => o.visit),
    baselines,
  );
  assertFullRank(columns);

  const p = columns.length;
  const k = visitLevels.length;
  const x = toRowMajor(columns, n);
  const visitIndex = new Map(visitLevels.map((v, i) => [v, i]));
  const blocks: Block<readonly number[]>[] = [...rowsById.values()].map((rows) => {
    const sorted = [...rows].sort((a, b) => visitIndex.get(observations[a]!.visit)! - visitIndex.get(observations[b]!.visit)!);
    const idx = sorted.map((r) => visitIndex.get(observations[r]!.visit)!);
    return {
      key: idx.join(','),
      payload: idx,
      x: Float64Array.from(sorted.flatMap((r) => Array.from(x.subarray(r * p, r * p + p)))),
      y: Float64Array.from(sorted, (r) => observations[r]!.value),
    };
  });
  const data = collectPatterns(blocks, p);
  const requested = options.covariance ?? 'unstructured';
  const order = [requested, ...(options.fallback ?? fallbackOrder.slice(fallbackOrder.indexOf(requested) + 1)).filter((s) => s !== requested)];
  const fitted = fitCovariance(data, observations, x, visitIndex, k, order);
  const { fit, sigma } = fitted;

  const dfMethod = options.df ?? 'kenward-roger';
  const inference = inferenceFor(dfMethod, p, fit.covBeta, n - p, () => fitted.information(structureModel(fitted.structure, k).derivatives(sigma)));
  const unit = (j: number) => Float64Array.from({ length: p }, (_, i) => (i === j ? 1 : 0));
  const fixed = columns.map((c, j) => waldRow(c.name, fit.beta[j]!, inference.se(unit(j)), inference.df(unit(j))));
  const baselineMean = baselines === undefined ? undefined : baselines.reduce((s, v) => s + v, 0) / n;
  const grid = {
    arms: armLevels,
    visits: visitLevels,
    row: (arm: string, visit: string) => toRowMajor(design([arm], [visit], baselineMean === undefined ? undefined : [baselineMean]), 1),
  };
  const { means, differences } = lsMeans(grid, fit.beta, inference, options.confidence ?? 0.95);
  const sd = visitLevels.map((_, i) => Math.sqrt(sigma[i * k + i]!));
  return {
    method: 'mmrm',
    formula: `value ~ arm * visit${withBaseline ? ' + baseline' : ''}, ${fitted.structure} covariance over visits`,
    df: dfMethod,
    fixed,
    covBeta: columns.map((_, i) => Array.from(inference.covBeta.subarray(i * p, i * p + p))),
    lsMeans: means,
    contrasts: differences,
    variance: {
      structure: fitted.structure,
      requested,
      attempts: fitted.attempts,
      visits: visitLevels,
      sd,
      correlation: visitLevels.map((_, i) => visitLevels.map((__, j) => sigma[i * k + j]! / (sd[i]! * sd[j]!))),
    },
    logLik: -fit.minus2LogLik / 2,
    iterations: fitted.iterations,
  };
}

/** The visits given, in their order, less those no row has; a row at a visit not given is refused. */
function visitOrder(visits: readonly string[], observations: readonly MmrmObservation[]): string[] {
  const present = new Set(observations.map((o) => o.visit));
  const unknown = observations.findIndex((o) => !visits.includes(o.visit));
  if (unknown >= 0)
    throw new AppError(
      modelErrors.BAD_OPTION,
      `Observation ${unknown + 1} is at visit "${observations[unknown]!.visit}", which is not among the visits given (${visits.join(', ')}).`,
      `observations.${unknown}.visit`,
    );
  return [...new Set(visits)].filter((v) => present.has(v));
}

/** The design columns, named as R's model.matrix names them, for rows given by arm, visit and baseline. */
function mmrmColumns(armLevels: readonly string[], visitLevels: readonly string[], arms: readonly string[], visits: readonly string[], baseline: readonly number[] | undefined): Column[] {
  const armColumns = dummyColumns('arm', arms, armLevels);
  const visitColumns = dummyColumns('visit', visits, visitLevels);
  return [
    constantColumn('(Intercept)', arms.length),
    ...armColumns,
    ...visitColumns,
    ...(baseline === undefined ? [] : [{ name: 'baseline', values: Float64Array.from(baseline) }]),
    ...interactionColumns(armColumns, visitColumns),
  ];
}
