import { createHmac } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { randomizationErrors } from './errors.js';

/** Bytes of a concealment seed (256 bits, the HMAC-SHA256 key size). */
export const SEED_BYTES = 32;

export function assertSeed(seed: Uint8Array): void {
  if (seed.length !== SEED_BYTES) {
    throw new AppError(randomizationErrors.INVALID_SEED, `The concealment seed must be ${SEED_BYTES} bytes, not ${seed.length}.`);
  }
}

/**
 * A deterministic stream of uniforms in [0, 1) keyed by a secret seed and a label (scheme, stratum,
 * block). HMAC-SHA256 in counter mode (the construction of NIST SP 800-108's counter-mode KDF): block
 * c is HMAC(seed, label ‖ 0x00 ‖ c as 32-bit big-endian). Why HMAC rather than a seeded xoshiro or
 * ChaCha: HMAC is a PRF under the seed, so without the seed the sequence cannot be predicted from
 * the assignments already seen (xoshiro's state can be recovered from its output), and counter mode
 * gives random access — position i of any stream is computable alone, so the store needs to persist
 * no generator state and an auditor can recompute any single assignment. node:crypto's HMAC is
 * deterministic, so this stays a pure function of (seed, label, position).
 *
 * Each 32-byte block gives four 53-bit uniforms. Mapping a uniform u to one of m outcomes by
 * floor(u·m) has a bias below m/2^53, negligible for the m ≤ a few hundred used here.
 */
export class KeyedStream {
  private cachedCounter = -1;
  private cached: Buffer = Buffer.alloc(0);
  private readonly prefix: Buffer;

  constructor(
    private readonly seed: Uint8Array,
    label: string,
  ) {
    assertSeed(seed);
    this.prefix = Buffer.concat([Buffer.from(label, 'utf8'), Buffer.from([0])]);
  }

  /** The uniform at `position` (0-based) of this stream. */
  uniform(position: number): number {
    const counter = Math.floor(position / 4);
    if (counter !== this.cachedCounter) {
      const c = Buffer.alloc(4);
      c.writeUInt32BE(counter);
      this.cached = createHmac('sha256', this.seed).update(this.prefix).update(c).digest();
      this.cachedCounter = counter;
    }
    const offset = (position % 4) * 8;
    const hi = this.cached.readUInt32BE(offset) >>> 5; // 27 bits
    const lo = this.cached.readUInt32BE(offset + 4) >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}

/** A child seed (32 bytes) derived from a seed and a label, e.g. one per simulation run. */
export function deriveSeed(seed: Uint8Array, label: string): Uint8Array {
  assertSeed(seed);
  return new Uint8Array(createHmac('sha256', seed).update(`derive/${label}`).digest());
}

/** Index chosen with probability proportional to `weights`, from one uniform u in [0, 1). */
export function pickWeighted(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let target = u * total;
  for (const [i, w] of weights.entries()) {
    if (target < w) return i;
    target -= w;
  }
  return weights.length - 1; // only reachable through floating-point rounding at u → 1
}

/** Fisher–Yates shuffle of `items` driven by stream positions start, start+1, … */
export function shuffle<T>(items: readonly T[], stream: KeyedStream, start = 0): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(stream.uniform(start + (out.length - 1 - i)) * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
