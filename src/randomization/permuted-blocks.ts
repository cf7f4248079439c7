import { KeyedStream, shuffle } from './keyed-stream.js';
import { ratioSum, type RandomizationDesign } from './scheme.js';

/**
 * Permuted blocks with randomly chosen sizes. Block b of a stratum is drawn from its own keyed
 * stream: position 0 picks the size (each listed size equally likely), positions 1… shuffle a block
 * holding ratio × size / ratio-sum slots of each arm. A block therefore balances the arms exactly
 * at its end, and any block can be recomputed alone from (seed, stratum, b).
 */
export function blockAt(design: RandomizationDesign, seed: Uint8Array, stratum: string, b: number): readonly string[] {
  if (design.scheme.scheme !== 'permuted-blocks') throw new TypeError('blockAt needs a permuted-blocks design');
  const sizes = design.scheme.blockSizes;
  const stream = new KeyedStream(seed, `permuted-blocks/${stratum}/${b}`);
  const size = sizes[Math.floor(stream.uniform(0) * sizes.length)] as number;
  const per = size / ratioSum(design.arms);
  const slots = design.arms.flatMap((a) => Array<string>(a.ratio * per).fill(a.id));
  return shuffle(slots, stream, 1);
}

/** Where the sequence of one stratum stands: the next index and the block it falls in. */
export type BlockCursor = { readonly next: number; readonly block: number; readonly blockStart: number };

export const firstCursor: BlockCursor = { next: 0, block: 0, blockStart: 0 };

/** The arm at the cursor, and the cursor after it. */
export function nextInBlocks(design: RandomizationDesign, seed: Uint8Array, stratum: string, cursor: BlockCursor): { readonly armId: string; readonly block: number; readonly cursor: BlockCursor } {
  let { block, blockStart } = cursor;
  let arms = blockAt(design, seed, stratum, block);
  while (cursor.next >= blockStart + arms.length) {
    blockStart += arms.length;
    block += 1;
    arms = blockAt(design, seed, stratum, block);
  }
  return { armId: arms[cursor.next - blockStart] as string, block, cursor: { next: cursor.next + 1, block, blockStart } };
}
