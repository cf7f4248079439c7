import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveSeed, KeyedStream, pickWeighted, shuffle } from './keyed-stream.js';

const seed = new Uint8Array(32).map((_, i) => i);

/** The documented construction, computed with BigInt: 27 + 26 high bits of two big-endian words. */
function reference(label: string, position: number): number {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(Math.floor(position / 4));
  const block = createHmac('sha256', seed)
    .update(Buffer.concat([Buffer.from(label), Buffer.from([0]), counter]))
    .digest();
  const word = (o: number) => BigInt(block.readUInt32BE(o));
  const o = (position % 4) * 8;
  const bits = ((word(o) >> 5n) << 26n) | (word(o + 4) >> 6n);
  return Number(bits) / 2 ** 53;
}

describe('KeyedStream', () => {
  it('is HMAC-SHA256 in counter mode, four 53-bit uniforms per block, with random access', () => {
    const stream = new KeyedStream(seed, 'simple/all');
    for (const p of [9, 0, 1, 2, 3, 4, 7, 100, 3]) expect(stream.uniform(p)).toBe(reference('simple/all', p));
  });

  it('differs between labels and between seeds', () => {
    const a = new KeyedStream(seed, 'x').uniform(0);
    expect(new KeyedStream(seed, 'y').uniform(0)).not.toBe(a);
    expect(new KeyedStream(deriveSeed(seed, 'other'), 'x').uniform(0)).not.toBe(a);
  });

  it('refuses a seed that is not 32 bytes', () => {
    expect(() => new KeyedStream(new Uint8Array(16), 'x')).toThrow(expect.objectContaining({ code: 'RANDOMIZATION_INVALID_SEED' }));
  });

  it('picks by weight: with weights 1 and 2, u < 1/3 gives the first, otherwise the second', () => {
    expect(pickWeighted([1, 2], 0)).toBe(0);
    expect(pickWeighted([1, 2], 0.333)).toBe(0);
    expect(pickWeighted([1, 2], 0.334)).toBe(1);
    expect(pickWeighted([1, 2], 0.999)).toBe(1);
  });

  it('shuffles to a permutation, each order of three items about equally often', () => {
    const seen = new Map<string, number>();
    for (let s = 0; s < 600; s++) {
      const key = shuffle(['a', 'b', 'c'], new KeyedStream(deriveSeed(seed, String(s)), 'perm')).join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    // 6 orders, 100 expected each; binomial sd ≈ 9.1, so 60–140 is beyond 4 sd.
    expect([...seen.keys()].sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    for (const n of seen.values()) expect(n).toBeGreaterThan(60), expect(n).toBeLessThan(140);
  });
});
