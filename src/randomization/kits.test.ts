import { describe, expect, it } from 'vitest';
import { deriveSeed } from './keyed-stream.js';
import { kitFor, kitList } from './kits.js';

const arms = [
  { id: 'active', ratio: 2 },
  { id: 'placebo', ratio: 1 },
];
const seed = deriveSeed(new Uint8Array(32).fill(3), 'kits');

describe('kit numbers', () => {
  it('label every kit 1…pool once, in one format for every arm, with pools in the allocation ratio', () => {
    const { kits } = kitList(arms, seed, 90);
    expect(new Set(kits.map((k) => k.kit))).toEqual(new Set(Array.from({ length: 90 }, (_, i) => `K${String(i + 1).padStart(4, '0')}`)));
    expect(kits.filter((k) => k.armId === 'active')).toHaveLength(60);
    expect(kits.filter((k) => k.armId === 'placebo')).toHaveLength(30);
  });

  it('do not reveal the arm by number range or parity', () => {
    const active = kitList(arms, seed, 90)
      .kits.filter((k) => k.armId === 'active')
      .map((k) => Number(k.kit.slice(1)));
    // A contiguous or sorted pool would put all 60 active kits in 1–60 or 31–90; parity would split 45/15.
    expect(active.some((n) => n <= 30) && active.some((n) => n > 60)).toBe(true);
    const even = active.filter((n) => n % 2 === 0).length;
    expect(even).toBeGreaterThan(15);
    expect(even).toBeLessThan(45);
  });

  it("give an arm's kits in the list's order, reproducibly, and differ with another seed", () => {
    const pool = kitList(arms, seed, 90)
      .kits.filter((k) => k.armId === 'placebo')
      .map((k) => k.kit);
    expect(Array.from({ length: 30 }, (_, i) => kitFor(arms, seed, 90, 'placebo', i))).toEqual(pool);
    expect(kitList(arms, seed, 90)).toEqual(kitList(arms, seed, 90));
    expect(kitList(arms, deriveSeed(seed, 'other'), 90).kits).not.toEqual(kitList(arms, seed, 90).kits);
  });

  it('refuse an exhausted pool, an unknown arm and a pool that does not fit the ratio', () => {
    expect(() => kitFor(arms, seed, 90, 'placebo', 30)).toThrow(
      expect.objectContaining({ code: 'RANDOMIZATION_KITS_EXHAUSTED', message: 'Arm "placebo" has no kit left: all 30 of its kits are dispensed.' }),
    );
    expect(() => kitFor(arms, seed, 90, 'sham', 0)).toThrow(expect.objectContaining({ code: 'PROTOCOL_UNKNOWN_ARM' }));
    expect(() => kitList(arms, seed, 100)).toThrow(expect.objectContaining({ code: 'RANDOMIZATION_INVALID_KIT_POOL' }));
  });
});
