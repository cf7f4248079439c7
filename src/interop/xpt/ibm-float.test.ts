import { describe, expect, it } from 'vitest';
import { ibmToIeee, ieeeToIbm } from './ibm-float.js';

const hex = (b: Buffer) => b.toString('hex').toUpperCase().match(/../g)!.join(' ');

describe('IEEE double to IBM System/370 double', () => {
  // Bytes found in the CDISC example .xpt files (xpt-v5-format.md §5.2).
  it.each([
    [1, '41 10 00 00 00 00 00 00'],
    [2, '41 20 00 00 00 00 00 00'],
    [84, '42 54 00 00 00 00 00 00'],
    [-7, 'C1 70 00 00 00 00 00 00'],
    [-16, 'C2 10 00 00 00 00 00 00'],
    [1.01, '41 10 28 F5 C2 8F 5C 29'],
    [5.01, '41 50 28 F5 C2 8F 5C 28'],
  ])('writes %d as %s, as SAS did in the examples', (x, bytes) => {
    expect(hex(ieeeToIbm(x))).toBe(bytes);
  });

  // Worked by hand: 0.1 = 0x1.999999999999Ap−4 → E = ceil(−3/4) = 0, F = m × 2^(−4+4−0) shifted 0 bits,
  // i.e. the 53-bit significand 1999999999999A placed in 56 bits with hex digit 1 first: 40 19 99 … 9A.
  // 1.5 = 0.09375 × 16 → 41 18; −0.5 = −(8/16) → C0 80; 100 = 0x64 = (0x64/256) × 16² → 42 64.
  it.each([
    [0.1, '40 19 99 99 99 99 99 9A'],
    [1.5, '41 18 00 00 00 00 00 00'],
    [-0.5, 'C0 80 00 00 00 00 00 00'],
    [100, '42 64 00 00 00 00 00 00'],
    [0, '00 00 00 00 00 00 00 00'],
    [-0, '00 00 00 00 00 00 00 00'],
  ])('writes %d as %s (hand-worked)', (x, bytes) => {
    expect(hex(ieeeToIbm(x))).toBe(bytes);
  });

  it('reads back every written value exactly, and the missing value . as null', () => {
    for (const x of [1, -7, 0.1, 1.01, 123456.789, 1e-70, 7e75, -3.25e-5, 2 ** 53 - 1]) expect(ibmToIeee(ieeeToIbm(x))).toBe(x);
    expect(ibmToIeee(Buffer.from([0x2e, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(ibmToIeee(Buffer.from([0x41, 0, 0, 0, 0, 0, 0, 0]))).toBeNull(); // .A
  });

  it('refuses what IBM doubles cannot hold: infinities, NaN, and magnitudes past 16^63', () => {
    expect(() => ieeeToIbm(Infinity)).toThrow(/no SAS transport form/);
    expect(() => ieeeToIbm(Number.NaN)).toThrow(/no SAS transport form/);
    expect(() => ieeeToIbm(1e80)).toThrow(/out of the range/);
  });
});
