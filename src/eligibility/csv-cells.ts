import { codeKey, type ColumnChunk, MISSING, NO_CODE, type ColumnSpec } from './column-chunk.js';
import { ascii, dayOf, lowerIs, markItems, NEVER, plainNumber, valueBytes, yesNo } from './cell-bytes.js';

/**
 * Where one CSV column's values go in a chunk, and the fast read of a cell in its plain form
 * straight from the bytes (csv-columns.ts). A cell that is not in the plain form is left to the
 * caller's slow path (readFact), which converts it or names the row and column.
 */
export const NUMBER = 0;
export const DATE = 1;
export const YES_NO = 2;
export const CODE = 3;
export const CODES = 4;
export const ATTESTATION = 5;
const KINDS = { number: NUMBER, date: DATE, 'yes-no': YES_NO, code: CODE, codes: CODES, attestation: ATTESTATION } as const;

export interface Target {
  readonly spec: ColumnSpec;
  readonly kind: number;
  readonly numbers: Float64Array;
  readonly bytes: Uint8Array;
  readonly codes: Uint8Array[];
  readonly codeBytes: Uint8Array[];
  /**
   * For `codes`: codeBytes as a trie, so that an item is matched in the pass that finds its end.
   * From state q, byte c (lower case, ASCII) leads to codeTrie[q * 128 + c]; state 0 is the start,
   * state 1 matches nothing more. codeEnds[q]: the bit of each code that ends at q.
   */
  readonly codeTrie: Int32Array;
  readonly codeEnds: Int32Array;
  /**
   * For `codes`, by an item's length: the index of the one code in the trie of that length, which
   * a plain compare then matches; -2 when several are (the trie tells which); -1 when none is.
   * Lengths past its end have no code.
   */
  readonly codeByLength: Int8Array;
  /** For `code`: each value's bytes, in index order. */
  readonly valueBytes: Uint8Array[];
}

const NONE_NUMBERS = new Float64Array(0);
const NONE_BYTES = new Uint8Array(0);

export function targetOf(spec: ColumnSpec, chunk: ColumnChunk): Target {
  const codeBytes = spec.kind === 'codes' ? spec.values.map(valueBytes) : [];
  const { trie: codeTrie, ends: codeEnds, byLength: codeByLength } = codeTrieOf(codeBytes);
  return {
    spec,
    kind: KINDS[spec.kind],
    numbers: chunk.numbers.get(spec.name) ?? NONE_NUMBERS,
    bytes: chunk.bytes.get(spec.name) ?? NONE_BYTES,
    codes: spec.kind === 'codes' ? spec.values.map((c) => chunk.bytes.get(codeKey(spec.name, c))!) : [],
    codeBytes,
    codeTrie,
    codeEnds,
    codeByLength,
    valueBytes: spec.kind === 'code' ? spec.values.map(valueBytes) : [],
  };
}

/**
 * The trie of `words` (lower case): see Target.codeTrie. Only the first 30 words are in it (a
 * cell's matches are bits of one int: plain-cells' codesAt leaves a longer list to the general
 * path), and no word with a non-ASCII byte (codesAt leaves a cell with one to it too).
 */
function codeTrieOf(words: readonly Uint8Array[]): { trie: Int32Array; ends: Int32Array; byLength: Int8Array } {
  const listed = words
    .slice(0, 30)
    .map((word, w) => ({ word, w }))
    .filter(({ word }) => word.every((c) => c < 128));
  const states = 2 + listed.reduce((n, { word }) => n + word.length, 0);
  // Every transition not set below leads to state 1, which leads only to itself.
  const trie = new Int32Array(states * 128).fill(1);
  const ends = new Int32Array(states);
  let used = 2;
  for (const { word, w } of listed) {
    let q = 0;
    for (const c of word) {
      if (trie[q * 128 + c] === 1) trie[q * 128 + c] = used++;
      q = trie[q * 128 + c]!;
    }
    ends[q] = ends[q]! | (1 << w);
  }
  const byLength = new Int8Array(1 + listed.reduce((n, { word }) => Math.max(n, word.length), 0)).fill(-1);
  for (const { word, w } of listed) byLength[word.length] = byLength[word.length] === -1 ? w : -2;
  return { trie, ends, byLength };
}

/** The first "|" in b[s..e), or -1. */
function pipeAt(b: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) if (b[i] === 124) return i;
  return -1;
}

/**
 * Store the unquoted, trimmed cell b[s..e) at row r when it is empty or in its plain form; false
 * (nothing stored) when it needs the slow path.
 */
export function storePlain(b: Uint8Array, s: number, e: number, t: Target, r: number): boolean {
  const empty = s === e;
  switch (t.kind) {
    case NUMBER: {
      const v = empty ? NaN : plainNumber(b, s, e);
      if (v !== v && !empty) return false;
      t.numbers[r] = v;
      return true;
    }
    case DATE: {
      const d = empty ? NaN : lowerIs(b, s, e, NEVER) ? -Infinity : dayOf(b, s, e);
      if (d === undefined) return false;
      t.numbers[r] = d;
      return true;
    }
    case YES_NO: {
      const v = empty ? MISSING : yesNo(b, s, e);
      if (v < 0) return false;
      t.bytes[r] = v;
      return true;
    }
    case CODE: {
      if (empty) {
        t.bytes[r] = NO_CODE;
        return true;
      }
      const values = t.valueBytes;
      for (let j = 0; j < values.length; j++) {
        if (lowerIs(b, s, e, values[j]!)) {
          t.bytes[r] = j;
          return true;
        }
      }
      return false;
    }
    case CODES: {
      const codes = t.codes;
      if (empty) {
        for (let j = 0; j < codes.length; j++) codes[j]![r] = MISSING;
        return true;
      }
      if (!ascii(b, s, e)) return false;
      markItems(b, s, e, t.codeBytes, codes, r);
      return true;
    }
    default: {
      // An attestation in the plain form "yes|who|YYYY-MM-DD".
      if (empty) {
        t.bytes[r] = MISSING;
        return true;
      }
      const p1 = pipeAt(b, s, e);
      const p2 = p1 < 0 ? -1 : pipeAt(b, p1 + 1, e);
      const holds = p2 > p1 + 1 && dayOf(b, p2 + 1, e) !== undefined ? yesNo(b, s, p1) : -1;
      if (holds < 0) return false;
      t.bytes[r] = holds;
      return true;
    }
  }
}
