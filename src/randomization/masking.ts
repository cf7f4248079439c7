/** Who reads: a blinded viewer sees no allocation (who is blinded is the access policy's rule, src/access/blinding.ts). */
export type Viewer = { readonly blinded: boolean };

const normal = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/**
 * Field names that reveal an allocation, compared after lower-casing and removing `_` and `-`, so
 * `armId`, `arm_id` and `ARM-ID` all match. `kit` numbers stay: they reveal nothing (see kits.ts).
 */
const revealing = new Set(
  ['arm', 'armId', 'armLabel', 'byArm', 'armCode', 'armIndex', 'armType', 'treatment', 'treatmentArm', 'treatmentGroup', 'treatmentLabel', 'allocation', 'allocatedArm', 'assignedArm', 'kitArm'].map(
    normal,
  ),
);

/**
 * Field names of the allocation sequence's structure. Knowing the block length and where a
 * participant sits in a block lets one guess the next allocations (blocks of 2: neighbours are in
 * opposite arms), so ICH E9 (2.3.2) keeps block length from the investigators; stratum indices and
 * sequence numbers place a participant in a block just as well.
 */
const blockStructure = new Set(['block', 'blocks', 'blockSize', 'blockSizes', 'blockNumber', 'blockIndex', 'stratumIndex', 'sequence', 'sequenceNumber'].map(normal));

export function isArmRevealingField(name: string): boolean {
  return revealing.has(normal(name));
}

export function isBlockStructureField(name: string): boolean {
  return blockStructure.has(normal(name));
}

/**
 * The answer for field names already seen (a response repeats its few names thousands of times); a
 * bounded number, since some names come from the data (form items, analytes), so memory stays flat.
 */
const decided = new Map<string, boolean>();
const decidedAtMost = 10_000;

/** Whether a blinded viewer must not see the field: it names the arm or places the participant in the sequence. */
export function isMaskedField(name: string): boolean {
  let masked = decided.get(name);
  if (masked === undefined) {
    masked = isArmRevealingField(name) || isBlockStructureField(name);
    if (decided.size < decidedAtMost) decided.set(name, masked);
  }
  return masked;
}

/**
 * A JSON value without any arm-revealing or block-structure field, at any depth, for a blinded
 * viewer (the field is absent, not emptied); the value itself for an unblinded one. Values are never
 * looked at, so no unrelated string can be changed. The input is not changed: a part that holds no
 * such field is returned as it is, not copied (answers are mostly free of them), and the rest is new.
 */
export function maskRecord(value: unknown, viewer: Viewer): unknown {
  if (!viewer.blinded) return value;
  return strip(value);
}

/**
 * What deeply frozen values (shared between answers: cached dashboards, protocols) were stripped to,
 * so each is walked once; a weak map, so entries go with their values.
 */
const stripped = new WeakMap<object, unknown>();
/** Set by `strip`: whether every object in the value it just stripped was frozen. */
let allFrozen = true;

function strip(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const frozen = Object.isFrozen(value);
  if (frozen && stripped.has(value)) return stripped.get(value);
  const outer = allFrozen;
  allFrozen = true;
  const out = Array.isArray(value) ? stripArray(value) : stripObject(value as Record<string, unknown>);
  const deep = frozen && allFrozen;
  if (deep) stripped.set(value, Object.freeze(out));
  allFrozen = outer && deep;
  return out;
}

function stripArray(value: readonly unknown[]): unknown {
  let out: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    const s = strip(v);
    if (out) out.push(s);
    else if (s !== v) (out = value.slice(0, i)).push(s);
  }
  return out ?? value;
}

function stripObject(value: Record<string, unknown>): unknown {
  const proto = Object.getPrototypeOf(value) as unknown;
  // Not a plain object (a Date, a class instance): copied as before, own fields only.
  const plain = proto === Object.prototype || proto === null;
  const keys = Object.keys(value);
  const values: unknown[] = new Array(keys.length);
  let changed = !plain;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (isMaskedField(k)) {
      changed = true;
      continue;
    }
    const v = value[k];
    const s = strip(v);
    values[i] = s;
    if (s !== v) changed = true;
  }
  if (!changed) return value;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (!isMaskedField(keys[i]!)) out[keys[i]!] = values[i];
  return out;
}
