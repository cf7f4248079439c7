import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('reproduces a stream from its seed and gives standard normals', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect(Array.from({ length: 5 }, () => a.uniform())).toEqual(Array.from({ length: 5 }, () => b.uniform()));
    const r = seededRandom(3);
    const n = 100_000;
    const z = Array.from({ length: n }, () => r.standardNormal());
    const mean = z.reduce((s, v) => s + v, 0) / n;
    const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    const below = z.filter((v) => v < -1.959963984540054).length / n;
    // Sampling SDs: mean 1/√n ≈ 0.0032, variance √(2/n) ≈ 0.0045, a 2.5% tail √(.025·.975/n) ≈ 0.0005.
    expect(Math.abs(mean)).toBeLessThan(0.013);
    expect(Math.abs(variance - 1)).toBeLessThan(0.018);
    expect(Math.abs(below - 0.025)).toBeLessThan(0.002);
  });
});
