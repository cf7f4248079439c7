import { AppError } from '../errors/app-error.js';
import { createChunk, MISSING, NO_CODE, OTHER_CODE, type ColumnChunk, type ColumnSpec } from './column-chunk.js';
import { CODE, CODES, DATE, NUMBER, storePlain, targetOf, YES_NO, type Target } from './csv-cells.js';
import { readFact, type Attestation } from './patient-facts.js';
import { readPlainAt } from './plain-cells.js';
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
  /** The data row number of the first row after the header (1 unless the bytes are a later part of a file). */
  readonly firstRow?: number;
  /** Called with the header's cells; returns the column index of each spec (-1 absent) and of the patient id. */
  readonly onHeader: (header: string[]) => { readonly specAt: readonly (ColumnSpec | undefined)[]; readonly idIndex: number };
  readonly onChunk: (chunk: ColumnChunk, rows: ChunkRows) => void;
}

const decoder = new TextDecoder();

// A row's cell MAX_CELLS stays empty (a short row's absent cells).
const MAX_CELLS = 4096;

export function createCsvColumnReader(specs: readonly ColumnSpec[], options: CsvColumnOptions): CsvColumnReader {
  const { capacity } = options;
  let chunk = createChunk(specs, capacity);
  let dataRow = (options.firstRow ?? 1) - 1;
  let rows: ChunkRows = { firstRow: dataRow + 1, ids: [], errors: new Map() };
  let specAt: readonly (ColumnSpec | undefined)[] | undefined;
  let idIndex = -1;
  let order: number[] = [];
  let header: string[] | undefined;
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

  // The slow path of one cell (quoted, or not in the plain form): its text through readFact.
  const store = (b: Uint8Array, k: number, t: Target, r: number): void => {
    if (quoted[k] === 0 && storePlain(b, starts[k]!, ends[k]!, t, r)) return;
    const raw = text(b, k);
    switch (t.kind) {
      case NUMBER:
      case DATE:
        t.numbers[r] = (fallback(t.spec, raw) as number | undefined) ?? NaN;
        return;
      case YES_NO:
        t.bytes[r] = fallback(t.spec, raw) === true ? 1 : 0;
        return;
      case CODE: {
        // readFact's value (trimmed, lower case); one the criteria do not name (another study group) is no match, not missing.
        const v = fallback(t.spec, raw) as string | undefined;
        const i = v === undefined ? -1 : t.spec.values.indexOf(v);
        t.bytes[r] = v === undefined ? NO_CODE : i >= 0 ? i : OTHER_CODE;
        return;
      }
      case CODES: {
        const list = raw.toLowerCase().split(';');
        t.spec.values.forEach((code, j) => (t.codes[j]![r] = list.some((c) => c.trim() === code) ? 1 : 0));
        return;
      }
      default: {
        const a = fallback(t.spec, raw) as Attestation | undefined;
        t.bytes[r] = a === undefined ? MISSING : a.holds ? 1 : 0;
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
      targets = specAt.map((spec) => (spec ? targetOf(spec, chunk) : undefined)) as Target[];
      // A column the criteria read that the file lacks is missing in every row (its arrays are never written).
      for (const spec of specs.filter((sp) => !specAt!.includes(sp))) {
        const t = targetOf(spec, chunk);
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

  const cell = (s: number, e: number, q: number): void => {
    if (cells === MAX_CELLS) throw new AppError(eligibilityErrors.BAD_CSV, `Row ${dataRow + 1} of the CSV has more than ${MAX_CELLS} cells.`, `row ${dataRow + 1}`);
    starts[cells] = s;
    ends[cells] = e;
    quoted[cells] = q;
    cells += 1;
  };

  // One row by the general rules (quotes; the header): its cells, then row(). The position after
  // it, or -1 when the row does not end in b and b is not the last of the bytes.
  const slowRow = (b: Uint8Array, p: number, final: boolean): number => {
    const n = b.length;
    let i = p;
    cells = 0;
    for (;;) {
      while (i < n && (b[i] === 32 || b[i] === 9)) i++;
      if (i < n && b[i] === 34) {
        const s = ++i;
        for (;;) {
          while (i < n && b[i] !== 34) i++;
          if (i + 1 < n && b[i + 1] === 34) i += 2;
          else break;
        }
        if (i >= n && !final) return -1;
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
        if (!final) return -1;
        row(b);
        return n;
      }
      if (b[i] === 10) {
        row(b);
        return i + 1;
      }
      i++; // comma
    }
  };

  // Cells of the current row that need the slow path: their column (their bounds go in starts/ends).
  const deferredColumn = new Int32Array(MAX_CELLS + 1);

  // A data row without quotes whose newline is in b, in one pass: a cell the criteria read is stored
  // as met (plain-cells.ts, else trimmed by storePlain), others skipped; a cell in neither form waits
  // for the row's end (weight first, for a value per kg). Returns the position after the row; scan
  // hands over a full chunk.
  const fastRow = (b: Uint8Array, p: number): number => {
    const tg = targets;
    const nt = tg.length;
    const r = chunk.n;
    let deferred = 0;
    let k = 0;
    let i = p;
    let idStart = 0;
    let idEnd = -1;
    for (;;) {
      const cellStart = i;
      const t = k < nt ? tg[k] : undefined;
      const end = t === undefined ? -1 : readPlainAt(b, i, t, r);
      if (end >= 0) i = end;
      else while (b[i] !== 44 && b[i] !== 10) i++;
      if (end < 0 && (t !== undefined || k === idIndex)) {
        let s = cellStart;
        let e = i;
        while (s < e && (b[s] === 32 || b[s] === 9)) s++;
        while (e > s && (b[e - 1] === 32 || b[e - 1] === 9 || b[e - 1] === 13)) e--;
        if (t === undefined) {
          idStart = s;
          idEnd = e;
        } else if (!storePlain(b, s, e, t, r)) {
          starts[deferred] = s;
          ends[deferred] = e;
          quoted[deferred] = 0;
          deferredColumn[deferred++] = k;
        }
      }
      k += 1;
      if (b[i] === 10) break;
      if (k === MAX_CELLS) throw new AppError(eligibilityErrors.BAD_CSV, `Row ${dataRow + 1} of the CSV has more than ${MAX_CELLS} cells.`, `row ${dataRow + 1}`);
      i++; // comma
    }
    const next = i + 1;
    let j = p;
    if (k === 1) while (j < i && (b[j] === 32 || b[j] === 9 || b[j] === 13)) j++;
    if (j === i) return next; // a blank line
    for (let kk = k; kk < nt; kk++) if (tg[kk] !== undefined) storePlain(b, 0, 0, tg[kk]!, r);
    dataRow += 1;
    current.row = dataRow;
    current.r = r;
    current.problems = undefined;
    if (deferred > 0) {
      for (let j = 0; j < deferred; j++) if (tg[deferredColumn[j]!]!.spec.name === 'weight') store(b, j, tg[deferredColumn[j]!]!, r);
      for (let j = 0; j < deferred; j++) if (tg[deferredColumn[j]!]!.spec.name !== 'weight') store(b, j, tg[deferredColumn[j]!]!, r);
    }
    if (options.ids) rows.ids.push(idEnd >= 0 ? decoder.decode(b.subarray(idStart, idEnd)) : '');
    if (current.problems) rows.errors.set(r, current.problems);
    chunk.n += 1;
    return next;
  };

  const scan = (b: Uint8Array, final: boolean): number => {
    const n = b.length;
    let p = 0;
    // The next quote at or after p (n when none): a row that holds one takes the general path, as
    // does one after the last newline (cut, or the file's last).
    let q = -1;
    const lastNl = b.lastIndexOf(10);
    while (p < n) {
      if (q < p) {
        q = b.indexOf(34, p);
        if (q < 0) q = n;
      }
      let slow = !header;
      if (!slow && q < n) {
        const nl = b.indexOf(10, p);
        slow = nl < 0 || q < nl;
      }
      let next: number;
      if (slow || p > lastNl) next = slowRow(b, p, final);
      else {
        next = fastRow(b, p);
        // Here, not in fastRow: the first flush, a call fastRow had never made, would deoptimise it,
        // and V8 then no longer inlines the cell readers into it.
        if (chunk.n === capacity) flush();
      }
      if (next < 0) return p;
      p = next;
    }
    return n;
  };

  return {
    push(bytes) {
      let b = bytes;
      if (carry.length > 0) {
        // The row cut at the last push ends at the first newline here (unless a quoted cell holds
        // one): only it is joined, and the rest is read in place rather than copied.
        const nl = bytes.indexOf(10);
        const head = nl < 0 ? undefined : Buffer.concat([carry, bytes.subarray(0, nl + 1)]);
        if (head && scan(head, false) === head.length) b = bytes.subarray(nl + 1);
        else b = Buffer.concat([carry, bytes]);
      }
      const used = scan(b, false);
      carry = b.subarray(used);
    },
    end() {
      if (carry.length > 0) scan(carry, true);
      carry = new Uint8Array(0);
      flush();
      chunk = createChunk(specs, 0);
    },
  };
}
