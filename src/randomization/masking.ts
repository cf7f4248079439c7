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
 * A copy of a JSON value without any arm-revealing or block-structure field, at any depth, for a
 * blinded viewer (the field is absent, not emptied); the value itself for an unblinded one. Values are
 * never looked at, so no unrelated string can be changed. The input is not changed.
 */
export function maskRecord(value: unknown, viewer: Viewer): unknown {
  if (!viewer.blinded) return value;
  return strip(value);
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!isMaskedField(k)) out[k] = strip(v);
    }
    return out;
  }
  return value;
}
