import { AppError } from '../errors/app-error.js';
import { KeyedStream, shuffle } from './keyed-stream.js';
import { ratioSum, type ArmShare } from './scheme.js';
import { protocolErrors } from '../protocol/errors.js';
import { randomizationErrors } from './errors.js';

/**
 * Kit numbers. A study has a pool of `poolSize` kits, labelled 1…poolSize in one format for every
 * arm. A keyed shuffle of the labels decides which kit holds which arm: the first
 * poolSize·r₁/Σr shuffled labels belong to arm 1, the next to arm 2, … and each arm dispenses its
 * kits in that shuffled order. So a kit number reveals nothing about its arm (no prefix, no parity,
 * no ranges), and the next kit of an arm cannot be guessed from the kits already seen.
 */
export type KitList = { readonly kits: readonly { readonly kit: string; readonly armId: string }[] };

function kitLabel(n: number, poolSize: number): string {
  return `K${String(n).padStart(Math.max(4, String(poolSize).length), '0')}`;
}

/** The whole kit list (label → arm) in dispensing order, for the unblinded pharmacist or an audit. */
export function kitList(arms: readonly ArmShare[], seed: Uint8Array, poolSize: number): KitList {
  const sum = ratioSum(arms);
  if (!Number.isInteger(poolSize) || poolSize <= 0 || poolSize % sum !== 0) {
    throw new AppError(randomizationErrors.INVALID_KIT_POOL, `The kit pool size ${poolSize} is not a positive multiple of the allocation ratio sum ${sum}.`);
  }
  const labels = shuffle(
    Array.from({ length: poolSize }, (_, i) => kitLabel(i + 1, poolSize)),
    new KeyedStream(seed, 'kits'),
  );
  const owners = arms.flatMap((a) => Array<string>((a.ratio * poolSize) / sum).fill(a.id));
  return { kits: labels.map((kit, i) => ({ kit, armId: owners[i] as string })) };
}

/** The kit for the `armOrdinal`-th (0-based) participant allocated to `armId`. */
export function kitFor(arms: readonly ArmShare[], seed: Uint8Array, poolSize: number, armId: string, armOrdinal: number): string {
  if (!arms.some((a) => a.id === armId)) {
    throw new AppError(protocolErrors.UNKNOWN_ARM, `Arm "${armId}" is not one of the protocol's arms (${arms.map((a) => a.id).join(', ')}).`);
  }
  const pool = kitList(arms, seed, poolSize).kits.filter((k) => k.armId === armId);
  const entry = pool[armOrdinal];
  if (entry === undefined) {
    throw new AppError(randomizationErrors.KITS_EXHAUSTED, `Arm "${armId}" has no kit left: all ${pool.length} of its kits are dispensed.`);
  }
  return entry.kit;
}

/**
 * Kits per study: every arm gets at least `enrolment target` kits, so no arm runs out whatever the
 * allocation does: ceil(target / min ratio) · Σratio labels, arm i holding ceil(target / min r)·rᵢ.
 */
export function kitPoolSize(protocol: { readonly enrolment: { readonly target: number } }, arms: readonly ArmShare[]): number {
  const min = Math.min(...arms.map((a) => a.ratio));
  return Math.ceil(protocol.enrolment.target / min) * arms.reduce((s, a) => s + a.ratio, 0);
}
