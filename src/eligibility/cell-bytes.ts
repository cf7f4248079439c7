/**
 * Cell values read straight from a CSV's bytes, without making a string: plain numbers, ISO dates,
 * yes/no words and fixed words in any case. Anything else is left to the slow path (readFact).
 */
export const valueBytes = (() => {
  const cache = new Map<string, Uint8Array>();
  return (v: string): Uint8Array => cache.get(v) ?? cache.set(v, new TextEncoder().encode(v.toLowerCase())).get(v)!;
})();
export const NEVER = valueBytes('never');
const YES_WORDS = ['1', 'y', 'yes', 'true'].map(valueBytes);
const NO_WORDS = ['0', 'n', 'no', 'false'].map(valueBytes);

/** Do the bytes b[s..e) spell `word` (lower case, ASCII), in any case? */
export function lowerIs(b: Uint8Array, s: number, e: number, word: Uint8Array): boolean {
  const n = word.length;
  if (e - s !== n) return false;
  for (let i = 0; i < n; i++) {
    // The same byte, or its capital (A-Z is the lower-case letter less 32).
    const c = b[s + i]!;
    const w = word[i]!;
    if (c !== w && (c < 65 || c > 90 || c + 32 !== w)) return false;
  }
  return true;
}

/** 1 for yes/y/true/1, 0 for no/n/false/0 (any case), -1 for anything else. */
export function yesNo(b: Uint8Array, s: number, e: number): number {
  // By length, letter by letter: c | 32 is a lower-case letter L exactly when c is L or its capital.
  switch (e - s) {
    case 1: {
      const c = b[s]!;
      return c === 49 || (c | 32) === 121 ? 1 : c === 48 || (c | 32) === 110 ? 0 : -1;
    }
    case 2:
      return (b[s]! | 32) === 110 && (b[s + 1]! | 32) === 111 ? 0 : -1;
    case 3:
      return (b[s]! | 32) === 121 && (b[s + 1]! | 32) === 101 && (b[s + 2]! | 32) === 115 ? 1 : -1;
    case 4:
      return lowerIs(b, s, e, YES_WORDS[3]!) ? 1 : -1;
    case 5:
      return lowerIs(b, s, e, NO_WORDS[3]!) ? 0 : -1;
    default:
      return -1;
  }
}

/** Are the bytes b[s..e) all ASCII (so that byte case-folding is the string's)? */
export function ascii(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i]! > 127) return false;
  return true;
}

/**
 * For each of `words` (lower case), whether it is one of the ";"-separated items of b[s..e), each
 * trimmed, in any case: 1 or 0 into `columns[w][r]`. The cell is split once for all the words.
 */
export function markItems(b: Uint8Array, s: number, e: number, words: readonly Uint8Array[], columns: readonly Uint8Array[], r: number): void {
  for (let w = 0; w < columns.length; w++) columns[w]![r] = 0;
  for (let i = s; i <= e; ) {
    let j = i;
    while (j < e && b[j] !== 59) j++;
    let is = i;
    let ie = j;
    while (is < ie && (b[is] === 32 || b[is] === 9)) is++;
    while (ie > is && (b[ie - 1] === 32 || b[ie - 1] === 9)) ie--;
    for (let w = 0; w < words.length; w++) if (lowerIs(b, is, ie, words[w]!)) columns[w]![r] = 1;
    i = j + 1;
  }
}
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day number of YYYY-MM-DD at b[s..s+10), or undefined when not that plain form of a real date. */
export function dayOf(b: Uint8Array, s: number, e: number): number | undefined {
  if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return undefined;
  let y = 0;
  for (let i = s; i < s + 4; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return undefined;
    y = y * 10 + d;
  }
  const m = (b[s + 5]! - 48) * 10 + (b[s + 6]! - 48);
  const d = (b[s + 8]! - 48) * 10 + (b[s + 9]! - 48);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= monthDays)) return undefined;
  return dayNumber(y, m, d);
}

/** Days from 1970-01-01 to the real date y-m-d (proleptic Gregorian): whole years, then months, then days. */
export function dayNumber(y: number, m: number, d: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const yy = y - 1;
  return 365 * (y - 1970) + (Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400)) - 477 + DAYS_BEFORE_MONTH[m - 1]! + (m > 2 && leap ? 1 : 0) + d - 1;
}

/** 10^k for k < 16: the divisors of a number read as one integer (plainNumber, plain-cells.ts). */
export const POWERS_OF_TEN = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A plain decimal number at b[s..e) ("-12.5"), or NaN when the cell is anything else. The digits
 * are read as one integer and divided once by a power of ten, both exact below 2^53, so the result
 * is the correctly rounded double, as Number() reads it; longer numbers are left to the slow path.
 */
export function plainNumber(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  if (b[i] === 45) {
    neg = true;
    i++;
  }
  let v = 0;
  let digits = 0;
  let c = 0;
  for (; i < e && (c = b[i]! - 48) >= 0 && c <= 9; i++, digits++) v = v * 10 + c;
  let decimals = 0;
  if (i < e && b[i] === 46) for (i++; i < e && (c = b[i]! - 48) >= 0 && c <= 9; i++, decimals++) v = v * 10 + c;
  if (i !== e || digits + decimals === 0 || digits + decimals > 15) return NaN;
  const x = decimals === 0 ? v : v / POWERS_OF_TEN[decimals]!;
  return neg ? -x : x;
}
