import { AppError } from '../errors/app-error.js';
import { codeKey, createChunk, MISSING, NO_CODE, type ColumnChunk, type ColumnSpec } from './column-chunk.js';
import { ascii, dayOf, hasItem, lowerIs, NEVER, plainNumber, valueBytes, yesNo } from './cell-bytes.js';
import { readFact, type Attestation } from './patient-facts.js';
import { eligibilityErrors } from './errors.js';

/**
 * A CSV read straight into column chunks: bytes are scanned once (RFC 4180 quotes, CRLF, blank
 * lines skipped, cells trimmed), only the columns the criteria read are decoded, a plain number or
 * date is read from its bytes without a string, and rows go into fixed typed arrays of `capacity`
 * rows that are handed over and reused, so memory stays flat whatever the file's size. Anything
 * that is not the plain form (a unit, a bad value) goes through readFact, which converts it or
 * names the row and column.
 */
export interface ChunkRows {
  /** 1-based data row number of chunk row 0. */
  readonly firstRow: number;
  /** Patient ids, when asked for. */
  readonly ids: string[];
  /** Rows with bad cells (chunk row → one message per bad cell); they are not screened. */
  readonly errors: Map<number, string[]>;
}

export interface CsvColumnReader {
  push(bytes: Uint8Array): void;
  /** The last rows; then `onChunk` has seen every row. */
  end(): void;
}

export interface CsvColumnOptions {
  readonly capacity: number;
  readonly ids: boolean;
  /** Called with the header's cells; returns the column index of each spec (-1 absent) and of the patient id. */
  readonly onHeader: (header: string[]) => { readonly specAt: readonly (ColumnSpec | undefined)[]; readonly idIndex: number };
  readonly onChunk: (chunk: ColumnChunk, rows: ChunkRows) => void;
}

const decoder = new TextDecoder();

// Cell kinds as small integers, for the per-cell switch; a row's cell MAX_CELLS stays empty (a short row's absent cells).
const NUMBER = 0;
const DATE = 1;
const YES_NO = 2;
const CODE = 3;
const CODES = 4;
const KINDS = { number: NUMBER, date: DATE, 'yes-no': YES_NO, code: CODE, codes: CODES, attestation: 5 } as const;
const MAX_CELLS = 4096;

interface Target {
  readonly spec: ColumnSpec;
  readonly kind: number;
  readonly numbers: Float64Array | undefined;
  readonly bytes: Uint8Array | undefined;
  readonly codes: Uint8Array[] | undefined;
  readonly codeBytes: Uint8Array[] | undefined;
}

export function createCsvColumnReader(specs: readonly ColumnSpec[], options: CsvColumnOptions): CsvColumnReader {
  const { capacity } = options;
  let chunk = createChunk(specs, capacity);
  let rows: ChunkRows = { firstRow: 1, ids: [], errors: new Map() };
  let specAt: readonly (ColumnSpec | undefined)[] | undefined;
  let idIndex = -1;
  let order: number[] = [];
  let header: string[] | undefined;
  let dataRow = 0;
  let carry: Uint8Array = new Uint8Array(0);
  // Cells of the current row: start, end and quoted per field, over the working buffer (a row of
  // more cells than MAX_CELLS is refused).
  const starts = new Int32Array(MAX_CELLS + 1);
  const ends = new Int32Array(MAX_CELLS + 1);
  const quoted = new Uint8Array(MAX_CELLS + 1);
  let cells = 0;
  // Where each column's values go, fixed when the header is read (the chunk's arrays are reused).
  let targets: Target[] = [];

  const text = (b: Uint8Array, k: number): string => {
    const s = decoder.decode(b.subarray(starts[k]!, ends[k]!));
    return quoted[k] === 1 ? s.replace(/""/g, '"') : s;
  };

  const flush = () => {
    if (chunk.n > 0) options.onChunk(chunk, rows);
    chunk.n = 0;
    rows = { firstRow: dataRow + 1, ids: [], errors: new Map() };
  };

  // The row being read, for the slow path's messages and per-kg values.
  const current = { row: 0, r: 0, problems: undefined as string[] | undefined };
  const fallback = (spec: ColumnSpec, raw: string): unknown => {
    try {
      const w = chunk.numbers.get('weight')?.[current.r];
      return readFact(spec.name, raw, `row ${current.row}, column "${spec.name}"`, w === undefined || Number.isNaN(w) ? undefined : w);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      (current.problems ??= []).push(err.message);
      return undefined;
    }
  };

  const store = (b: Uint8Array, k: number, t: Target, r: number): void => {
    const s = starts[k]!;
    const e = ends[k]!;
    const empty = s === e;
    const spec = t.spec;
    switch (t.kind) {
      case NUMBER: {
        const v = empty ? NaN : quoted[k] === 1 ? NaN : plainNumber(b, s, e);
        t.numbers![r] = v === v || empty ? v : ((fallback(spec, text(b, k)) as number | undefined) ?? NaN);
        return;
      }
      case DATE: {
        const d = empty ? NaN : lowerIs(b, s, e, NEVER) ? -Infinity : dayOf(b, s, e);
        t.numbers![r] = d ?? (fallback(spec, text(b, k)) as number | undefined) ?? NaN;
        return;
      }
      case YES_NO: {
        const v = empty ? MISSING : yesNo(b, s, e);
        t.bytes![r] = v >= 0 ? v : fallback(spec, text(b, k)) === true ? 1 : 0;
        return;
      }
      case CODE: {
        let i = -1;
        if (!empty) for (let j = 0; j < spec.values.length && i < 0; j++) if (lowerIs(b, s, e, valueBytes(spec.values[j]!))) i = j;
        t.bytes![r] = empty ? NO_CODE : i >= 0 ? i : (fallback(spec, text(b, k)), NO_CODE);
        return;
      }
      case CODES: {
        if (empty) for (let j = 0; j < t.codes!.length; j++) t.codes![j]![r] = MISSING;
        else if (quoted[k] === 1 || !ascii(b, s, e)) {
          const list = text(b, k).toLowerCase().split(';');
          spec.values.forEach((code, j) => (t.codes![j]![r] = list.some((c) => c.trim() === code) ? 1 : 0));
        } else for (let j = 0; j < t.codes!.length; j++) t.codes![j]![r] = hasItem(b, s, e, t.codeBytes![j]!) ? 1 : 0;
        return;
      }
      default: {
        // An attestation in the plain form "yes|who|YYYY-MM-DD", from its bytes; anything else through readFact.
        const p1 = empty ? -1 : b.indexOf(124, s);
        const p2 = p1 < 0 || p1 >= e ? -1 : b.indexOf(124, p1 + 1);
        const holds = p2 > p1 + 1 && p2 < e && dayOf(b, p2 + 1, e) !== undefined ? yesNo(b, s, p1) : -1;
        if (empty) t.bytes![r] = MISSING;
        else if (holds === 0 || holds === 1) t.bytes![r] = holds;
        else {
          const a = fallback(spec, text(b, k)) as Attestation | undefined;
          t.bytes![r] = a === undefined ? MISSING : a.holds ? 1 : 0;
        }
      }
    }
  };

  const row = (b: Uint8Array): void => {
    if (cells === 1 && starts[0] === ends[0] && quoted[0] === 0) return; // a blank line
    if (!header) {
      header = Array.from({ length: cells }, (_, k) => text(b, k));
      ({ specAt, idIndex } = options.onHeader(header));
      // Weight first: a value per kg in another column needs it.
      order = specAt.flatMap((spec, k) => (spec ? [k] : [])).sort((a, b2) => Number(specAt![b2]!.name === 'weight') - Number(specAt![a]!.name === 'weight'));
      targets = specAt.map((spec) => (spec ? target(spec) : undefined)) as Target[];
      // A column the criteria read that the file lacks is missing in every row (its arrays are never written).
      for (const spec of specs.filter((sp) => !specAt!.includes(sp))) {
        const t = target(spec);
        t.numbers?.fill(NaN);
        t.bytes?.fill(spec.kind === 'code' ? NO_CODE : MISSING);
        t.codes?.forEach((c) => c.fill(MISSING));
      }
      return;
    }
    dataRow += 1;
    const r = chunk.n;
    current.row = dataRow;
    current.r = r;
    current.problems = undefined;
    for (const k of order) store(b, k < cells ? k : MAX_CELLS, targets[k]!, r);
    if (options.ids) rows.ids.push(idIndex >= 0 && idIndex < cells ? text(b, idIndex) : '');
    if (current.problems) rows.errors.set(r, current.problems);
    chunk.n += 1;
    if (chunk.n === capacity) flush();
  };

  const target = (spec: ColumnSpec): Target => ({
    spec,
    kind: KINDS[spec.kind],
    numbers: chunk.numbers.get(spec.name),
    bytes: chunk.bytes.get(spec.name),
    codes: spec.kind === 'codes' ? spec.values.map((c) => chunk.bytes.get(codeKey(spec.name, c))!) : undefined,
    codeBytes: spec.kind === 'codes' ? spec.values.map(valueBytes) : undefined,
  });

  const cell = (s: number, e: number, q: number): void => {
    if (cells === MAX_CELLS) throw new AppError(eligibilityErrors.BAD_CSV, `Row ${dataRow + 1} of the CSV has more than ${MAX_CELLS} cells.`, `row ${dataRow + 1}`);
    starts[cells] = s;
    ends[cells] = e;
    quoted[cells] = q;
    cells += 1;
  };

  const scan = (b: Uint8Array, final: boolean): number => {
    let i = 0;
    let rowStart = 0;
    const n = b.length;
    while (i < n || (final && rowStart < n)) {
      cells = 0;
      rowStart = i;
      let done = false;
      for (;;) {
        while (i < n && (b[i] === 32 || b[i] === 9)) i++;
        if (i < n && b[i] === 34) {
          const s = ++i;
          for (;;) {
            while (i < n && b[i] !== 34) i++;
            if (i + 1 < n && b[i + 1] === 34) i += 2;
            else break;
          }
          if (i >= n && !final) return rowStart;
          cell(s, Math.min(i, n), 1);
          i++;
          while (i < n && b[i] !== 44 && b[i] !== 10) i++;
        } else {
          const s = i;
          while (i < n && b[i] !== 44 && b[i] !== 10) i++;
          let e = i;
          while (e > s && (b[e - 1] === 32 || b[e - 1] === 9 || b[e - 1] === 13)) e--;
          cell(s, e, 0);
        }
        if (i >= n) {
          if (!final) return rowStart;
          done = true;
          break;
        }
        if (b[i] === 10) {
          i++;
          done = true;
          break;
        }
        i++; // comma
      }
      if (done) row(b);
      if (i >= n) return n;
    }
    return n;
  };

  return {
    push(bytes) {
      const b = carry.length === 0 ? bytes : Buffer.concat([carry, bytes]);
      const used = scan(b, false);
      carry = b.slice(used);
    },
    end() {
      if (carry.length > 0) scan(carry, true);
      carry = new Uint8Array(0);
      flush();
      chunk = createChunk(specs, 0);
    },
  };
}
