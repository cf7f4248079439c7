import { AppError } from '../../errors/app-error.js';
import { cholesky } from './dense.js';
import { modelErrors } from './errors.js';

/** One column of a fixed-effects design matrix, named as R's model.matrix names it. */
export interface Column {
  readonly name: string;
  readonly values: Float64Array;
}

/**
 * The levels of a factor in R's default order: numeric order when every label is a number
 * (R sorts numeric visit weeks that way), otherwise code-point order; `reference` moves first.
 */
export function factorLevels(values: readonly string[], reference?: string): string[] {
  const distinct = [...new Set(values)];
  const numeric = distinct.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (reference === undefined) return distinct;
  if (!distinct.includes(reference)) {
    throw new AppError(modelErrors.BAD_OPTION, `The reference arm "${reference}" does not occur in the data.`, 'reference');
  }
  return [reference, ...distinct.filter((v) => v !== reference)];
}

export function constantColumn(name: string, n: number, value = 1): Column {
  return { name, values: new Float64Array(n).fill(value) };
}

/** Treatment-contrast dummies: one 0/1 column per level after the first (the reference). */
export function dummyColumns(prefix: string, values: readonly string[], levels: readonly string[]): Column[] {
  return levels.slice(1).map((level) => ({
    name: `${prefix}${level}`,
    values: Float64Array.from(values, (v) => (v === level ? 1 : 0)),
  }));
}

/** Element-wise products of every pair, R's `a:b` columns (a varies slowest within each b, as R orders them). */
export function interactionColumns(left: readonly Column[], right: readonly Column[]): Column[] {
  return right.flatMap((b) => left.map((a) => ({ name: `${a.name}:${b.name}`, values: a.values.map((v, i) => v * b.values[i]!) })));
}

/** Row-major n×p matrix of the columns. */
export function toRowMajor(columns: readonly Column[], n: number): Float64Array {
  const p = columns.length;
  const x = new Float64Array(n * p);
  columns.forEach((c, j) => {
    for (let i = 0; i < n; i++) x[i * p + j] = c.values[i]!;
  });
  return x;
}

/**
 * Refuse a rank-deficient design: a term that cannot be estimated would otherwise surface as a
 * meaningless number. The pivot test is relative to each column's own scale.
 */
export function assertFullRank(columns: readonly Column[]): void {
  const p = columns.length;
  const n = columns[0]?.values.length ?? 0;
  if (n <= p) {
    throw new AppError(modelErrors.TOO_FEW_OBSERVATIONS, `The model has ${p} fixed-effect terms but only ${n} observations.`);
  }
  // Gram matrix of the unit-length columns, so the pivot test does not depend on units.
  const scaled = columns.map((c) => {
    let ss = 0;
    for (const v of c.values) ss += v * v;
    const norm = Math.sqrt(ss) || 1;
    return c.values.map((v) => v / norm);
  });
  const g = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += scaled[a]![i]! * scaled[b]![i]!;
      g[a * p + b] = s;
      g[b * p + a] = s;
    }
  }
  // The first k columns are independent iff the leading k×k block is positive definite.
  for (let k = 1; k <= p; k++) {
    const lead = new Float64Array(k * k);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) lead[a * k + b] = g[a * p + b]!;
    const l = cholesky(lead, k);
    if (l === undefined || l[(k - 1) * k + k - 1]! ** 2 < 1e-10) {
      throw new AppError(modelErrors.SINGULAR_DESIGN, `The term "${columns[k - 1]!.name}" cannot be estimated from these data (it is constant or a combination of earlier terms).`);
    }
  }
}
