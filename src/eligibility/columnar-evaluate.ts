import { AppError } from '../errors/app-error.js';
import { parseIsoDay } from '../dates/iso-date.js';
import { windowStart } from './window-start.js';
import { codeKey, columnSpecs, MISSING, NO_CODE, type ColumnChunk } from './column-chunk.js';
import type { ReferenceDates } from './compile.js';
import type { CompareOp, Criterion, Expr } from './expression.js';
import { attestationFactName, findFact } from './facts.js';
import { findConversion } from './units.js';
import { eligibilityErrors } from './errors.js';

/**
 * Criteria compiled once into a columnar evaluator: each expression node fills a truth array for a
 * whole chunk of patients in one loop over typed arrays, in Kleene's three-valued logic (0 no, 1 yes,
 * 2 unknown; the same truth tables as compile.ts). Every node keeps its array, so that the facts
 * behind an unknown can be named for one row afterwards. A run covers the rows it is given (all of
 * them, or those an earlier criterion has not yet decided); the others' truth is left as it was.
 * The rows always come as a selection, so that each loop is one shape, compiled once.
 */
export interface ColumnNode {
  readonly truth: Uint8Array;
  /** Fill `truth` for the chunk rows rows[0..m-1] (every row: rows holds 0..n-1). */
  run(chunk: ColumnChunk, rows: Int32Array, m: number): void;
  readonly children: readonly ColumnNode[];
  /** Facts a leaf reads whose cell is missing at `row` (empty when present, or for inner nodes). */
  missing(chunk: ColumnChunk, row: number): readonly string[];
}

export interface ColumnCriterion {
  readonly criterion: Criterion;
  readonly root: ColumnNode;
}

// Kleene AND / OR on 0, 1, 2 (index a * 3 + b).
const AND = Uint8Array.of(0, 0, 0, 0, 1, 2, 0, 2, 2);
const OR = Uint8Array.of(0, 1, 2, 1, 1, 1, 2, 1, 2);

const nothing: readonly string[] = [];

function numberLeaf(capacity: number, e: Extract<Expr, { kind: 'compare' }>): ColumnNode {
  const def = findFact(e.fact);
  if (!def || def.type !== 'number') throw new AppError(eligibilityErrors.UNKNOWN_FACT, `"${e.fact}" is not a number fact in the dictionary.`, e.fact);
  const conv = e.unit === (def.unit ?? '') ? { factor: 1, perKg: false } : findConversion(def.units ?? [], e.unit);
  if (!conv) throw new AppError(eligibilityErrors.UNKNOWN_UNIT, `Unit "${e.unit}" is not accepted for ${e.fact}.`, e.fact);
  const t = e.value * conv.factor;
  const truth = new Uint8Array(capacity);
  const op: CompareOp = e.op;
  const perKg = conv.perKg === true;
  // The truth of v op t when v is above, below or at t (NaN is none of them: MISSING).
  const whenAbove = op === '>' || op === '>=' ? 1 : 0;
  const whenBelow = 1 - whenAbove;
  const whenAt = op === '<=' || op === '>=' ? 1 : 0;
  return {
    truth,
    children: [],
    run(chunk, rows, m) {
      const v = chunk.numbers.get(e.fact)!;
      if (perKg) return compareRows(truth, v, chunk.numbers.get('weight')!, t, op, rows, m);
      compare(truth, v, t, whenAbove, whenBelow, whenAt, rows, m);
    },
    missing(chunk, row) {
      const out = Number.isNaN(chunk.numbers.get(e.fact)![row]) ? [e.fact] : [];
      if (perKg && Number.isNaN(chunk.numbers.get('weight')![row])) out.push('weight');
      return out;
    },
  };
}

/**
 * truth[i] for v[i] against t: one loop for every operator, without a call or a test of the
 * operator per patient, so that it warms up once for all the number leaves.
 */
function compare(truth: Uint8Array, v: Float64Array, t: number, whenAbove: number, whenBelow: number, whenAt: number, rows: Int32Array, m: number): void {
  for (let j = 0; j < m; j++) {
    const i = rows[j]!;
    const x = v[i]!;
    truth[i] = x > t ? whenAbove : x < t ? whenBelow : x === t ? whenAt : MISSING;
  }
}

/** A threshold per kg: v[i] op t × w[i]; MISSING when either is NaN. */
function compareRows(truth: Uint8Array, v: Float64Array, w: Float64Array, t: number, op: CompareOp, rows: Int32Array, m: number): void {
  for (let j = 0; j < m; j++) {
    const i = rows[j]!;
    const x = v[i]!;
    const lim = t * w[i]!;
    const hit = op === '<' ? x < lim : op === '<=' ? x <= lim : op === '>' ? x > lim : x >= lim;
    truth[i] = x !== x || lim !== lim ? MISSING : hit ? 1 : 0;
  }
}

function byteLeaf(capacity: number, column: string, fact: string, map: (b: number) => number): ColumnNode {
  const truth = new Uint8Array(capacity);
  const table = Uint8Array.from({ length: 256 }, (_, b) => map(b));
  return {
    truth,
    children: [],
    run(chunk, rows, m) {
      const v = chunk.bytes.get(column)!;
      for (let j = 0; j < m; j++) {
        const i = rows[j]!;
        truth[i] = table[v[i]!]!;
      }
    },
    missing: (chunk, row) => (table[chunk.bytes.get(column)![row]!] === MISSING ? [fact] : nothing),
  };
}

function withinLeaf(capacity: number, e: Extract<Expr, { kind: 'within' }>, ref: ReferenceDates): ColumnNode {
  const anchorText = e.before === 'screening' ? ref.screening : ref.firstDose;
  const anchor = anchorText === undefined ? undefined : parseIsoDay(anchorText);
  const start = anchor === undefined ? 0 : windowStart(anchor, e.amount, e.unit);
  const truth = new Uint8Array(capacity);
  return {
    truth,
    children: [],
    run(chunk, rows, m) {
      const v = chunk.numbers.get(e.fact)!;
      if (anchor === undefined) {
        for (let j = 0; j < m; j++) truth[rows[j]!] = MISSING;
        return;
      }
      for (let j = 0; j < m; j++) {
        const i = rows[j]!;
        const d = v[i]!;
        truth[i] = d !== d ? MISSING : d >= start && d <= anchor ? 1 : 0;
      }
    },
    // Without its anchor date the leaf is unknown whatever the facts: no fact is missing (as compile.ts).
    missing: (chunk, row) => (anchor !== undefined && Number.isNaN(chunk.numbers.get(e.fact)![row]) ? [e.fact] : nothing),
  };
}

function inner(capacity: number, kind: 'all' | 'any' | 'not', children: ColumnNode[]): ColumnNode {
  const truth = new Uint8Array(capacity);
  const table = kind === 'all' ? AND : OR;
  return {
    truth,
    children,
    run(chunk, rows, m) {
      for (const c of children) c.run(chunk, rows, m);
      const a = children[0]!.truth;
      if (kind === 'not') return mapRows(truth, a, NOT, rows, m);
      if (children.length === 1) return mapRows(truth, a, SAME, rows, m);
      combineRows(truth, a, children[1]!.truth, table, rows, m);
      for (let k = 2; k < children.length; k++) combineRows(truth, truth, children[k]!.truth, table, rows, m);
    },
    missing: () => nothing,
  };
}

// Kleene NOT, and the value itself, on 0, 1, 2.
const NOT = Uint8Array.of(1, 0, 2);
const SAME = Uint8Array.of(0, 1, 2);

// An inner node's loops, shared by every node (and called for each), so that they warm up once
// and hold no code after them that an optimised loop would first meet unseen.

/** truth[i] = table[a[i]] for the selected rows. */
function mapRows(truth: Uint8Array, a: Uint8Array, table: Uint8Array, rows: Int32Array, m: number): void {
  for (let j = 0; j < m; j++) {
    const i = rows[j]!;
    truth[i] = table[a[i]!]!;
  }
}

/** truth[i] = table[a[i] * 3 + b[i]] for the selected rows (a may be truth itself). */
function combineRows(truth: Uint8Array, a: Uint8Array, b: Uint8Array, table: Uint8Array, rows: Int32Array, m: number): void {
  for (let j = 0; j < m; j++) {
    const i = rows[j]!;
    truth[i] = table[a[i]! * 3 + b[i]!]!;
  }
}

/** Each code fact's values in index order, as the chunk holds them (column-chunk.ts). */
type CodeValues = ReadonlyMap<string, readonly string[]>;

function compileNode(e: Expr, criterionId: string, ref: ReferenceDates, capacity: number, values: CodeValues): ColumnNode {
  switch (e.kind) {
    case 'compare':
      return numberLeaf(capacity, e);
    case 'within':
      return withinLeaf(capacity, e, ref);
    case 'is':
      return byteLeaf(capacity, e.fact, e.fact, (b) => (b === MISSING ? MISSING : (b === 1) === e.value ? 1 : 0));
    case 'equals': {
      const k = (values.get(e.fact) ?? []).indexOf(e.value);
      return byteLeaf(capacity, e.fact, e.fact, (b) => (b === NO_CODE ? MISSING : b === k ? 1 : 0));
    }
    case 'has':
      return byteLeaf(capacity, codeKey(e.fact, e.code), e.fact, (b) => b);
    case 'attested': {
      const name = attestationFactName(criterionId);
      return byteLeaf(capacity, name, name, (b) => b);
    }
    case 'not':
      return inner(capacity, 'not', [compileNode(e.of, criterionId, ref, capacity, values)]);
    case 'all':
    case 'any':
      return inner(
        capacity,
        e.kind,
        e.of.map((x) => compileNode(x, criterionId, ref, capacity, values)),
      );
  }
}

/** Compile criteria for chunks of up to `capacity` rows. */
export function compileColumnar(criteria: readonly Criterion[], ref: ReferenceDates, capacity: number): ColumnCriterion[] {
  const values = new Map(columnSpecs(criteria).flatMap((s) => (s.kind === 'code' ? [[s.name, s.values] as const] : [])));
  return criteria.map((criterion) => ({ criterion, root: compileNode(criterion.expr, criterion.id, ref, capacity, values) }));
}

/**
 * The facts whose absence leaves a leaf under this node unknown at `row`, following the unknown
 * children only (as missingFacts in compile.ts, which also looks under a decided node).
 */
export function missingAt(node: ColumnNode, chunk: ColumnChunk, row: number, out: Set<string>): void {
  if (node.children.length === 0) {
    if (node.truth[row] === MISSING) for (const f of node.missing(chunk, row)) out.add(f);
    return;
  }
  for (const c of node.children) if (c.truth[row] === MISSING) missingAt(c, chunk, row, out);
}
