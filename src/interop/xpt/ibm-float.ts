import { AppError } from '../../errors/app-error.js';
import { interopErrors } from '../errors.js';

/**
 * IEEE 754 double → IBM System/370 double (8 bytes, big-endian), as SAS transport v5 stores numbers.
 * Layout (SAS TS-140, "Numeric Data Fields"): sign bit, 7-bit base-16 exponent biased by 64, 56-bit
 * fraction with no hidden bit, value = F/2^56 × 16^(E−64).
 *
 * With |x| = m × 2^(p−52) (m the 53-bit significand), E = ceil((p+1)/4) and F = m × 2^(p+4−4E): a left
 * shift of 0–3 bits, so the conversion is exact for every normal double.
 */
export function ieeeToIbm(x: number, into: Buffer = Buffer.alloc(8), at = 0): Buffer {
  if (!Number.isFinite(x)) throw new AppError(interopErrors.XPT_VALUE_INVALID, `The number ${x} has no SAS transport form; write it as missing.`);
  into.fill(0, at, at + 8);
  if (x === 0) return into; // +0 and −0 are both eight zero bytes.
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const sign = hi >>> 31;
  const biased = (hi >>> 20) & 0x7ff;
  // Subnormal doubles (below 2.2e−308) are far below IBM's smallest value (5.4e−79): not representable.
  if (biased === 0) throw new AppError(interopErrors.XPT_VALUE_INVALID, `The number ${x} is too small for a SAS transport number.`);
  let m = (BigInt((hi & 0xfffff) | 0x100000) << 32n) | BigInt(lo);
  const p = biased - 1023;
  const e = Math.ceil((p + 1) / 4);
  if (e + 64 > 127 || e + 64 < 0) throw new AppError(interopErrors.XPT_VALUE_INVALID, `The number ${x} is out of the range of a SAS transport number.`);
  m <<= BigInt(p + 4 - 4 * e);
  into[at] = (sign << 7) | (e + 64);
  for (let i = 7; i >= 1; i--) {
    into[at + i] = Number(m & 0xffn);
    m >>= 8n;
  }
  return into;
}

/** IBM System/370 double → IEEE double; null for a SAS missing value (`.`, `.A`–`.Z`, `._`: that byte, then zeros). */
export function ibmToIeee(bytes: Uint8Array, at = 0): number | null {
  const first = bytes[at]!;
  let restZero = true;
  for (let i = 1; i < 8; i++) if (bytes[at + i] !== 0) restZero = false;
  if (restZero && (first === 0x2e || first === 0x5f || (first >= 0x41 && first <= 0x5a))) return null;
  let f = 0n;
  for (let i = 1; i < 8; i++) f = (f << 8n) | BigInt(bytes[at + i]!);
  if (f === 0n) return 0;
  const value = (Number(f) / 2 ** 56) * 16 ** ((first & 0x7f) - 64);
  return first & 0x80 ? -value : value;
}

/** The ordinary SAS missing value `.`: 0x2E then seven zero bytes (TS-140, "Missing Values"). */
export function writeMissing(into: Buffer, at: number): void {
  into.fill(0, at, at + 8);
  into[at] = 0x2e;
}
