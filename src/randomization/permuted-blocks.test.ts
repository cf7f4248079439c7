import { describe, expect, it } from 'vitest';
import { deriveSeed } from './keyed-stream.js';
import { generateList } from './randomize.js';
import { buildDesign, type ArmShare, type RandomizationDesign } from './scheme.js';

const master = new Uint8Array(32).fill(7);

/** Walk the list; at the end of every block the arm counts must be exactly in the ratio. */
function checkBalancedAtBlockEnds(design: RandomizationDesign, arms: readonly ArmShare[], sizes: readonly number[]) {
  const usedSizes = new Set<number>();
  for (let s = 0; s < 200; s++) {
    const list = generateList(design, deriveSeed(master, `seed ${s}`), {}, 60);
    const counts: Record<string, number> = {};
    let blockStart = 0;
    list.forEach((e, i) => {
      counts[e.armId] = (counts[e.armId] ?? 0) + 1;
      const endOfBlock = i + 1 === list.length ? false : list[i + 1]?.block !== e.block;
      if (endOfBlock) {
        usedSizes.add(i + 1 - blockStart);
        blockStart = i + 1;
        const perUnit = arms.map((a) => (counts[a.id] ?? 0) / a.ratio);
        expect(new Set(perUnit).size, `seed ${s}, block ending at ${i}`).toBe(1);
      }
    });
  }
  expect([...usedSizes].sort((a, b) => a - b)).toEqual(sizes);
}

describe('permuted blocks', () => {
  it('1:1 with block sizes 2 and 4 is balanced at every block end, over 200 seeds', () => {
    const arms = [
      { id: 'active', ratio: 1 },
      { id: 'placebo', ratio: 1 },
    ];
    checkBalancedAtBlockEnds(buildDesign({ scheme: 'permuted-blocks', blockSizes: [2, 4] }, arms, ['s1']), arms, [2, 4]);
  });

  it('2:1 with block sizes 3 and 6 holds 2 active per placebo at every block end, over 200 seeds', () => {
    const arms = [
      { id: 'active', ratio: 2 },
      { id: 'placebo', ratio: 1 },
    ];
    checkBalancedAtBlockEnds(buildDesign({ scheme: 'permuted-blocks', blockSizes: [3, 6] }, arms, ['s1']), arms, [3, 6]);
  });

  it('puts either arm first in a 1:1 block of 2 about equally often', () => {
    const arms = [
      { id: 'a', ratio: 1 },
      { id: 'b', ratio: 1 },
    ];
    const design = buildDesign({ scheme: 'permuted-blocks', blockSizes: [2] }, arms, ['s1']);
    let abFirst = 0;
    for (let s = 0; s < 400; s++) if (generateList(design, deriveSeed(master, `o ${s}`), {}, 1)[0]?.armId === 'a') abFirst++;
    // Binomial(400, 1/2): sd 10, so 150–250 is 5 sd either side.
    expect(abFirst).toBeGreaterThan(150);
    expect(abFirst).toBeLessThan(250);
  });
});
