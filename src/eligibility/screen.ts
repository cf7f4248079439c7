import { AppError } from '../errors/app-error.js';
import type { ReferenceDates } from './compile.js';
import { columnSpecs, type ColumnChunk } from './column-chunk.js';
import { compileColumnar, missingAt } from './columnar-evaluate.js';
import { ID_COLUMN } from './columns.js';
import { createCsvColumnReader, type ChunkRows } from './csv-columns.js';
import type { EligibilityStatus } from './evaluate.js';
import type { Criterion } from './expression.js';
import { type Funnel, FunnelCounter } from './funnel.js';

export type { Funnel, FunnelStep } from './funnel.js';
import { findFact, isAttestationFact } from './facts.js';
import { eligibilityErrors } from './errors.js';

/**
 * Bulk pre-screening of a CSV of candidates: the criteria are compiled once into a columnar
 * evaluator, the CSV is read in chunks straight into typed arrays (csv-columns.ts), and each chunk
 * is screened at once. A sequential funnel is kept: each patient is counted against the first
 * criterion (in protocol order) that excludes them. The caller passes the file's bytes in.
 */
export interface ScreenResult {
  readonly kind: 'result';
  /** 1-based data row (the header is not counted). */
  readonly row: number;
  readonly patientId: string;
  readonly status: EligibilityStatus;
  /** Criteria that exclude the patient, in order. */
  readonly failed: readonly string[];
  /** For an incomplete patient: the facts whose absence leaves a criterion unknown. */
  readonly missing: readonly string[];
}

export interface ScreenRowError {
  readonly kind: 'error';
  readonly row: number;
  readonly patientId: string;
  /** One message per bad cell, each naming the row and column. */
  readonly problems: readonly string[];
}

export interface CsvScreen {
  push(bytes: Uint8Array): void;
  /** After the last bytes: the funnel. */
  end(): Funnel;
}

export interface CsvScreenOptions {
  /** Rows per chunk (memory is about 9 bytes per row per column read, times two). */
  readonly capacity?: number;
  /** Each patient's result (and each bad row), in file order; without it only the funnel is kept. */
  readonly onResult?: (r: ScreenResult | ScreenRowError) => void;
  /** The data row number of the first row after the header, when the bytes are a later part of a file. */
  readonly firstRow?: number;
}

/** The header must name the patient id and only known facts or attestations. */
export function checkHeader(header: readonly string[]): number {
  const idIndex = header.indexOf(ID_COLUMN);
  if (idIndex < 0) throw new AppError(eligibilityErrors.MISSING_COLUMN, `The CSV header has no "${ID_COLUMN}" column.`, ID_COLUMN);
  const unknown = header.filter((h, i) => i !== idIndex && !findFact(h) && !isAttestationFact(h));
  if (unknown.length > 0) {
    throw new AppError(
      eligibilityErrors.UNKNOWN_COLUMN,
      `The CSV header names column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} that no fact has (see --columns).`,
      unknown[0],
    );
  }
  return idIndex;
}

const STATUS_CODES: readonly EligibilityStatus[] = ['eligible', 'incomplete', 'ineligible'];

/**
 * Criterion k's verdict (its truth, `failing` the value that excludes) on the rows sel[0..m-1]: a
 * row it excludes becomes ineligible (2), counted against k when no earlier criterion excluded it;
 * an unknown one becomes incomplete (1) unless already ineligible. The rows it does not exclude are
 * written to `kept` (which may be sel itself), and their count returned. A function of its own,
 * called for each criterion, so that its loop warms up once.
 */
function judge(truth: Uint8Array, failing: number, k: number, sel: Int32Array, m: number, status: Uint8Array, firstFail: Int32Array, kept: Int32Array): number {
  let n = 0;
  for (let j = 0; j < m; j++) {
    const i = sel[j]!;
    const v = truth[i]!;
    if (v === failing) {
      if (firstFail[i] === -1) firstFail[i] = k;
      status[i] = 2;
    } else {
      if (v === 2 && status[i] === 0) status[i] = 1;
      kept[n++] = i;
    }
  }
  return n;
}

export function screenCsv(criteria: readonly Criterion[], ref: ReferenceDates, options: CsvScreenOptions = {}): CsvScreen {
  const capacity = options.capacity ?? 16_384;
  const specs = columnSpecs(criteria);
  const compiled = compileColumnar(criteria, ref, capacity);
  const counter = new FunnelCounter(criteria);
  // Per row: 0 eligible, 1 incomplete, 2 ineligible; and the first criterion that excludes it.
  const status = new Uint8Array(capacity);
  const firstFail = new Int32Array(capacity);
  const onResult = options.onResult;
  // Without per-patient results only the first criterion that excludes a patient counts (the
  // funnel), so each criterion runs on the rows no earlier one excluded; with them, on every row.
  const notExcluded = new Int32Array(capacity);
  // The first criterion's selection (every criterion's, with results): the evaluator's loops then
  // always read a selection, and are compiled once, for it, not again when one first comes.
  const everyRow = Int32Array.from({ length: capacity }, (_, i) => i);
  let sawHeader = false;

  const screenChunk = (chunk: ColumnChunk, rows: ChunkRows): void => {
    const n = chunk.n;
    status.fill(0, 0, n);
    firstFail.fill(-1, 0, n);
    let sel = everyRow;
    let m = n;
    for (let k = 0; k < compiled.length; k++) {
      const { root, criterion } = compiled[k]!;
      root.run(chunk, sel, m);
      const kept = judge(root.truth, criterion.side === 'inclusion' ? 0 : 1, k, sel, m, status, firstFail, notExcluded);
      if (onResult === undefined) {
        sel = notExcluded;
        m = kept;
      }
    }
    if (onResult === undefined) return tally(n, rows);
    for (let i = 0; i < n; i++) {
      const problems = rows.errors.size > 0 ? rows.errors.get(i) : undefined;
      if (problems) {
        counter.badRow();
        onResult?.({ kind: 'error', row: rows.firstRow + i, patientId: rows.ids[i] ?? '', problems });
        continue;
      }
      const s = STATUS_CODES[status[i]!]!;
      counter.add(s, firstFail[i]!);
      if (onResult) onResult(detail(chunk, rows, i, s));
    }
  };

  // The funnel alone: patients counted by status and first excluding criterion, then added at once.
  const tallies = new Int32Array(3 * (compiled.length + 1));
  const tally = (n: number, rows: ChunkRows): void => {
    tallies.fill(0);
    for (let i = 0; i < n; i++) {
      if (rows.errors.size > 0 && rows.errors.has(i)) counter.badRow();
      else tallies[status[i]! * (compiled.length + 1) + firstFail[i]! + 1]! += 1;
    }
    tallies.forEach((times, k) => {
      if (times > 0) counter.addMany(STATUS_CODES[Math.floor(k / (compiled.length + 1))]!, (k % (compiled.length + 1)) - 1, times);
    });
  };

  const detail = (chunk: ColumnChunk, rows: ChunkRows, i: number, s: EligibilityStatus): ScreenResult => {
    const failed: string[] = [];
    for (const { root, criterion } of compiled) if (root.truth[i] === (criterion.side === 'inclusion' ? 0 : 1)) failed.push(criterion.id);
    const missing = new Set<string>();
    // Only criteria left unknown count (as evaluate.ts): a decided one needs nothing more.
    if (s === 'incomplete') for (const { root } of compiled) if (root.truth[i] === 2) missingAt(root, chunk, i, missing);
    return { kind: 'result', row: rows.firstRow + i, patientId: rows.ids[i] ?? '', status: s, failed, missing: [...missing] };
  };

  const reader = createCsvColumnReader(specs, {
    capacity,
    ids: onResult !== undefined,
    ...(options.firstRow === undefined ? {} : { firstRow: options.firstRow }),
    onHeader: (header) => {
      sawHeader = true;
      const idIndex = checkHeader(header);
      // Only the columns the criteria read are parsed; other known facts are allowed and ignored.
      return { specAt: header.map((h, i) => (i === idIndex ? undefined : specs.find((s) => s.name === h))), idIndex };
    },
    onChunk: screenChunk,
  });

  return {
    push: (bytes) => reader.push(bytes),
    end: () => {
      reader.end();
      if (!sawHeader) throw new AppError(eligibilityErrors.MISSING_COLUMN, 'The CSV is empty: it needs a header with a "patient_id" column.', ID_COLUMN);
      return counter.funnel();
    },
  };
}
