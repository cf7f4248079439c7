import { KeyedStream, pickWeighted } from './keyed-stream.js';
import type { RandomizationDesign } from './scheme.js';

/** Stream of simple (unrestricted) randomization for one stratum: each draw independent, by ratio. */
export function simpleStream(seed: Uint8Array, stratum: string): KeyedStream {
  return new KeyedStream(seed, `simple/${stratum}`);
}

/** The arm at `index` of a simple-randomization stream. */
export function simpleAt(design: RandomizationDesign, stream: KeyedStream, index: number): string {
  const arm =
    design.arms[
      pickWeighted(
        design.arms.map((a) => a.ratio),
        stream.uniform(index),
      )
    ];
  return (arm as { id: string }).id;
}
