import { MISSING, NO_CODE } from './column-chunk.js';
import { dayNumber, lowerIs, NEVER, POWERS_OF_TEN } from './cell-bytes.js';
import { ATTESTATION, CODE, CODES, DATE, NUMBER, YES_NO, type Target } from './csv-cells.js';

/**
 * A cell in its usual form read and stored in the same pass that finds its end: no surrounding
 * space, tab or CR, no quotes. Each reader takes the cell at b[i], stores its value at row r and
 * returns the position of its end (the "," or newline after it), or -1, storing nothing, when the
 * cell is in any other form: the caller then reads it the general way (trimmed, csv-cells.ts'
 * storePlain, then readFact), so a value stored here is always the one storePlain would store.
 * The caller guarantees a newline at or after i in b: every loop here stops at one.
 */
const COMMA = 44;
const NL = 10;
const PIPE = 124;
const SEMI = 59;

const ends = (c: number | undefined): boolean => c === COMMA || c === NL;
/** Space, tab or CR: a cell with one at an edge is trimmed by the general path. */
const blank = (c: number | undefined): boolean => c === 32 || c === 9 || c === 13;

/** The end of the cell at i: the first "," or newline. */
function cellEnd(b: Uint8Array, i: number): number {
  let j = i;
  for (let c = b[j]; c !== COMMA && c !== NL; c = b[++j]);
  return j;
}

/** As cell-bytes' plainNumber (one integer of at most 15 digits, divided once), in the same pass. */
function numberAt(b: Uint8Array, i: number, t: Target, r: number): number {
  let j = i;
  const neg = b[j] === 45;
  if (neg) j++;
  const intAt = j;
  let v = 0;
  let c = 0;
  while ((c = b[j]! - 48) >= 0 && c <= 9) {
    v = v * 10 + c;
    j++;
  }
  let digits = j - intAt;
  let decimals = 0;
  if (b[j] === 46) {
    const point = ++j;
    while ((c = b[j]! - 48) >= 0 && c <= 9) {
      v = v * 10 + c;
      j++;
    }
    decimals = j - point;
    digits += decimals;
  }
  if (!ends(b[j])) return -1;
  if (j === i) {
    t.numbers[r] = NaN;
    return j;
  }
  if (digits === 0 || digits > 15) return -1;
  const x = decimals === 0 ? v : v / POWERS_OF_TEN[decimals]!;
  t.numbers[r] = neg ? -x : x;
  return j;
}

const digit = (c: number | undefined): number => ((c! - 48) >>> 0 <= 9 ? c! - 48 : 99);
const MONTH_DAYS = Uint8Array.of(0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31);

/**
 * b[s..s+10) as "YYYY-MM-DD" in digits, a real date: y * 10000 + m * 100 + d, or -1 for anything
 * else (dayOf also takes a few odd forms, which are left to the general path).
 */
function ymdAt(b: Uint8Array, s: number): number {
  const y = digit(b[s]) * 1000 + digit(b[s + 1]) * 100 + digit(b[s + 2]) * 10 + digit(b[s + 3]);
  if (y > 9999 || b[s + 4] !== 45) return -1;
  const m = digit(b[s + 5]) * 10 + digit(b[s + 6]);
  if (m < 1 || m > 12 || b[s + 7] !== 45) return -1;
  const d = digit(b[s + 8]) * 10 + digit(b[s + 9]);
  if (d < 1 || d > MONTH_DAYS[m]!) return -1;
  return m !== 2 || d < 29 || (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? y * 10000 + m * 100 + d : -1;
}

/** "YYYY-MM-DD" (digits and dashes, a real date), "never" in any case, or empty. */
function dateAt(b: Uint8Array, i: number, t: Target, r: number): number {
  const first = b[i];
  if (ends(first)) {
    t.numbers[r] = NaN;
    return i;
  }
  if (first === 110 || first === 78) {
    let j = i;
    for (let k = 0; k < 5; k++, j++) {
      const c = b[j]!;
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== NEVER[k]) return -1;
    }
    if (!ends(b[j])) return -1;
    t.numbers[r] = -Infinity;
    return j;
  }
  // Read once: the parts found valid give the day (as dayOf's), not a second parse.
  const ymd = ymdAt(b, i);
  if (ymd < 0 || !ends(b[i + 10])) return -1;
  t.numbers[r] = dayNumber((ymd / 10000) | 0, ((ymd / 100) | 0) % 100, ymd % 100);
  return i + 10;
}

/** A cell that the general path would not trim: b[i..e) is then its trimmed form. */
const untrimmed = (b: Uint8Array, i: number, e: number): boolean => e === i || (!blank(b[i]) && !blank(b[e - 1]));

/**
 * The end of the yes/no word at b[i] (cell-bytes' yesNo words: 1, 0, y, n, yes, no, true, false, in
 * any case), or -1 when none starts there; whether the cell ends after it is the caller's to check.
 * The word is read in one pass, not found first and compared after. No comparison matches a comma
 * or newline, so none reads past the cell.
 */
function yesNoEnd(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c === 49 || c === 48) return i + 1;
  // c | 32 is a lower-case letter L exactly when c is L or its capital.
  switch (c | 32) {
    case 121: // y, yes
      return (b[i + 1]! | 32) === 101 && (b[i + 2]! | 32) === 115 ? i + 3 : i + 1;
    case 110: // n, no
      return (b[i + 1]! | 32) === 111 ? i + 2 : i + 1;
    case 116: // true
      return (b[i + 1]! | 32) === 114 && (b[i + 2]! | 32) === 117 && (b[i + 3]! | 32) === 101 ? i + 4 : -1;
    case 102: // false
      return (b[i + 1]! | 32) === 97 && (b[i + 2]! | 32) === 108 && (b[i + 3]! | 32) === 115 && (b[i + 4]! | 32) === 101 ? i + 5 : -1;
    default:
      return -1;
  }
}

/** The value of the yes/no word that starts with c: 1 for 1, y, yes, true; 0 for 0, n, no, false. */
const yesWord = (c: number): number => (c === 49 || (c | 32) === 121 || (c | 32) === 116 ? 1 : 0);

function yesNoAt(b: Uint8Array, i: number, t: Target, r: number): number {
  const first = b[i]!;
  if (ends(first)) {
    t.bytes[r] = MISSING;
    return i;
  }
  const e = yesNoEnd(b, i);
  if (e < 0 || !ends(b[e])) return -1;
  t.bytes[r] = yesWord(first);
  return e;
}

function codeAt(b: Uint8Array, i: number, t: Target, r: number): number {
  const e = cellEnd(b, i);
  if (e === i) {
    t.bytes[r] = NO_CODE;
    return e;
  }
  if (!untrimmed(b, i, e)) return -1;
  const values = t.valueBytes;
  for (let j = 0; j < values.length; j++) {
    if (lowerIs(b, i, e, values[j]!)) {
      t.bytes[r] = j;
      return e;
    }
  }
  return -1;
}

// A byte in a codes cell: its lower case within an item (ASCII), -1 ending one (";", ",", newline),
// -2 refused (CR, non-ASCII).
const ITEM_BYTE = Int16Array.from({ length: 256 }, (_, c) => (c === SEMI || c === COMMA || c === NL ? -1 : c === 13 || c > 127 ? -2 : c >= 65 && c <= 90 ? c + 32 : c));

/** The codes (Target.codeEnds bits) that the item bytes b[s..e) spell, in any case. */
function itemCodes(b: Uint8Array, s: number, e: number, t: Target): number {
  const n = e - s;
  const w = n < t.codeByLength.length ? t.codeByLength[n]! : -1;
  if (w === -1) return 0;
  if (w >= 0) {
    // The one code of this length: a plain compare, whose loads do not wait on each other as a
    // trie walk's do.
    const word = t.codeBytes[w]!;
    for (let k = 0; k < n; k++) if (ITEM_BYTE[b[s + k]!] !== word[k]) return 0;
    return 1 << w;
  }
  const trie = t.codeTrie;
  let q = 0;
  for (let j = s; j < e; j++) q = trie[(q << 7) | ITEM_BYTE[b[j]!]!]!;
  return t.codeEnds[q]!;
}

/**
 * ";"-separated items, each trimmed of spaces and tabs, ASCII only (byte case-folding is then the
 * string's), no CR anywhere (the general path trims one at the cell's end but not at an item's),
 * not starting blank (a blank cell is missing, not an empty list).
 */
function codesAt(b: Uint8Array, i: number, t: Target, r: number): number {
  const codes = t.codes;
  const first = b[i];
  if (ends(first)) {
    for (let w = 0; w < codes.length; w++) codes[w]![r] = MISSING;
    return i;
  }
  if (first === 32 || first === 9 || codes.length > 30) return -1;
  let j = i;
  // Matches go in a bit mask first, so that nothing is stored when the cell turns out unusual.
  let found = 0;
  for (;;) {
    let s = j;
    let c = 0;
    while ((c = ITEM_BYTE[b[j]!]!) >= 0) j++;
    if (c === -2) return -1;
    // An item with a blank at an edge (rare) is matched trimmed.
    let e = j;
    while (s < e && (b[s] === 32 || b[s] === 9)) s++;
    while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
    found |= itemCodes(b, s, e, t);
    if (b[j] !== SEMI) break;
    j++;
  }
  for (let w = 0; w < codes.length; w++) codes[w]![r] = (found >>> w) & 1;
  return j;
}

// A byte in an attestation's name: 0 within it, 1 the "|" after it, 2 the cell's end (no name).
const NAME_BYTE = Uint8Array.from({ length: 256 }, (_, c) => (c === PIPE ? 1 : c === COMMA || c === NL ? 2 : 0));

/** "yes|who|YYYY-MM-DD": a yes/no word, a non-empty name without "|", a real date. */
function attestationAt(b: Uint8Array, i: number, t: Target, r: number): number {
  if (ends(b[i])) {
    t.bytes[r] = MISSING;
    return i;
  }
  const said = yesNoEnd(b, i);
  if (said < 0 || b[said] !== PIPE) return -1;
  const holds = yesWord(b[i]!);
  const who = said + 1;
  let j = who;
  // One table look-up per byte of the name, not three comparisons.
  while (NAME_BYTE[b[j]!] === 0) j++;
  if (b[j] !== PIPE || j === who) return -1;
  const day = j + 1;
  if (ymdAt(b, day) < 0 || !ends(b[day + 10])) return -1;
  t.bytes[r] = holds;
  return day + 10;
}

/** Read the cell at b[i] into its column at row r: its end, or -1 for the general path. */
export function readPlainAt(b: Uint8Array, i: number, t: Target, r: number): number {
  switch (t.kind) {
    case NUMBER:
      return numberAt(b, i, t, r);
    case DATE:
      return dateAt(b, i, t, r);
    case YES_NO:
      return yesNoAt(b, i, t, r);
    case CODE:
      return codeAt(b, i, t, r);
    case CODES:
      return codesAt(b, i, t, r);
    case ATTESTATION:
      return attestationAt(b, i, t, r);
    default:
      return -1;
  }
}
