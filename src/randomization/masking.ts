import type { Masking, MaskedRole } from '../protocol/schema.js';

/** The system's user roles. */
export const userRoles = [
  'admin',
  'investigator',
  'coordinator',
  'outcomes-assessor',
  'participant',
  'pharmacist',
  'monitor',
  'data-manager',
  'statistician',
  'safety-board',
  'designer',
] as const;
export type UserRole = (typeof userRoles)[number];

/**
 * Which user roles each masked role of the registry covers. Coordinators and study nurses give the
 * injections and look after participants, so they are the care providers.
 */
const coveredBy: Readonly<Record<MaskedRole, readonly UserRole[]>> = {
  participant: ['participant'],
  'care-provider': ['coordinator'],
  investigator: ['investigator'],
  'outcomes-assessor': ['outcomes-assessor'],
};

/**
 * Roles blinded whenever the study masks anyone: monitors and data managers talk to blinded site
 * staff and decide what is queried and locked, and a blind data review before lock needs them blind
 * (the blind review of ICH E9); admins and designers need no allocation to do their work. The statistician
 * is blind until database lock (ICH E9 blind review), unblinded after.
 * Never blinded: the pharmacist, who dispenses by arm, and the safety board, which reviews
 * unblinded data in closed session (ICH E9's independent data monitoring committee).
 */
const blindWhenAnyMasked: readonly UserRole[] = ['monitor', 'data-manager', 'admin', 'designer'];

export type MaskingContext = { readonly locked: boolean };

/** The user roles that must not see allocations, for a protocol's masking. */
export function blindedRoles(protocol: { readonly design: { readonly masking: Masking } }, context: MaskingContext): readonly UserRole[] {
  const { masking } = protocol.design;
  if (masking.level === 'none' || masking.masked.length === 0) return [];
  const blinded = new Set<UserRole>(masking.masked.flatMap((m) => coveredBy[m]));
  for (const r of blindWhenAnyMasked) blinded.add(r);
  if (!context.locked) blinded.add('statistician');
  return userRoles.filter((r) => blinded.has(r));
}

export type Viewer = { readonly blinded: boolean };

/** The viewer a role is for this protocol. */
export function viewerFor(protocol: { readonly design: { readonly masking: Masking } }, role: UserRole, context: MaskingContext): Viewer {
  return { blinded: blindedRoles(protocol, context).includes(role) };
}

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
