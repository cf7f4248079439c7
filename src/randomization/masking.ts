/** Who reads: a blinded viewer sees no allocation (who is blinded is the access policy's rule, src/access/blinding.ts). */
export type Viewer = { readonly blinded: boolean };

/**
 * Field names that reveal an allocation, compared after lower-casing and removing `_` and `-`, so
 * `armId`, `arm_id` and `ARM-ID` all match. `kit` numbers stay: they reveal nothing (see kits.ts).
 */
const revealing = new Set(
  ['arm', 'armId', 'armLabel', 'armCode', 'armIndex', 'armType', 'treatment', 'treatmentArm', 'treatmentGroup', 'treatmentLabel', 'allocation', 'allocatedArm', 'assignedArm', 'kitArm'].map(
    (k) => k.toLowerCase(),
  ),
);

export function isArmRevealingField(name: string): boolean {
  return revealing.has(name.toLowerCase().replace(/[_-]/g, ''));
}

/**
 * A copy of a JSON value without any arm-revealing field, at any depth, for a blinded viewer (the
 * field is absent, not emptied); the value itself for an unblinded one. The input is not changed.
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
      if (!isArmRevealingField(k)) out[k] = strip(v);
    }
    return out;
  }
  return value;
}
