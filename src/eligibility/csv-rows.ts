/**
 * Where a CSV's rows end, by the reader's own rules (csv-columns.ts): a row ends at a newline
 * outside a quoted cell; a cell is quoted when its first byte after spaces and tabs is a quote, and
 * a doubled quote inside it is a quote; a row of one unquoted cell of only spaces, tabs and CR is a
 * blank line and is not counted. Lines without a quote are found with indexOf alone, so that bytes
 * can be cut into blocks of whole rows (screen-parallel.ts) at a small share of the reading's cost.
 */
const NL = 10;
const QUOTE = 34;
const COMMA = 44;

export interface RowSpan {
  /** The position after the last whole row found (a row cut by the end of b is not counted). */
  readonly end: number;
  /** Rows that are not blank lines. */
  readonly rows: number;
}

const blankByte = (c: number): boolean => c === 32 || c === 9 || c === 13;

/** The end (after its newline) of the row at p that holds a quote, or -1 when b ends first. */
function quotedRowEnd(b: Uint8Array, p: number, final: boolean): number {
  const n = b.length;
  let i = p;
  for (;;) {
    while (i < n && (b[i] === 32 || b[i] === 9)) i++;
    if (i < n && b[i] === QUOTE) {
      i++;
      for (;;) {
        while (i < n && b[i] !== QUOTE) i++;
        if (i + 1 < n && b[i + 1] === QUOTE) i += 2;
        else break;
      }
      if (i >= n && !final) return -1;
      i++;
    }
    while (i < n && b[i] !== COMMA && b[i] !== NL) i++;
    if (i >= n) return final ? n : -1;
    if (b[i] === NL) return i + 1;
    i++;
  }
}

/** The whole rows of b from p on (at most `most`); with `final`, a last row without a newline counts too. */
export function rowSpan(b: Uint8Array, p: number, final: boolean, most = Infinity): RowSpan {
  const n = b.length;
  let rows = 0;
  let q = -1;
  while (p < n && rows < most) {
    if (q < p) {
      q = b.indexOf(QUOTE, p);
      if (q < 0) q = n;
    }
    let nl = b.indexOf(NL, p);
    if (q < (nl < 0 ? n : nl)) {
      // A quote in the row: a quoted cell may hold newlines. Such a row is never blank.
      const end = quotedRowEnd(b, p, final);
      if (end < 0) break;
      rows += 1;
      p = end;
      continue;
    }
    if (nl < 0) {
      if (!final) break;
      nl = n;
    }
    let j = p;
    while (j < nl && blankByte(b[j]!)) j++;
    if (j < nl) rows += 1;
    p = nl + 1;
  }
  return { end: Math.min(p, n), rows };
}

/** The position after the last whole row of b from p on: when b holds no quote, its last newline. */
export function lastRowEnd(b: Uint8Array, p: number, final: boolean): number {
  if (b.indexOf(QUOTE, p) >= 0) return rowSpan(b, p, final).end;
  return final ? b.length : Math.max(p, b.lastIndexOf(NL) + 1);
}
