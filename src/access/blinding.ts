import type { Masking, MaskedRole } from '../protocol/schema.js';
import { roles, type Role, type RoleAssignment } from './roles.js';

/**
 * The user roles each masked role of the registry covers. Coordinators and study nurses give the
 * injections and look after participants, so they are the care providers; the participant is masked
 * but is no user of the platform.
 */
const coveredBy: Readonly<Record<MaskedRole, readonly Role[]>> = {
  participant: [],
  'care-provider': ['coordinator'],
  investigator: ['investigator'],
  'outcomes-assessor': ['outcomes-assessor'],
};

/**
 * A double (or triple, quadruple) blind trial masks the participant and every site role that treats
 * or evaluates them: "neither the subject nor any of the investigator or sponsor staff who are involved
 * in the treatment or clinical evaluation of the subjects are aware of the treatment received"
 * (ICH E9, 2.3.1). So at those levels the whole site clinical staff is blind, whatever the registry's
 * list of masked roles leaves out (SLE's record says double-blind and names no one).
 */
const siteClinicalStaff: readonly Role[] = ['investigator', 'coordinator', 'outcomes-assessor'];
const doubleOrMore: ReadonlySet<Masking['level']> = new Set(['double', 'triple', 'quadruple']);

/**
 * Roles blinded whenever the study masks anyone: monitors and data managers talk to blinded site
 * staff and decide what is queried and locked, and a blind data review before lock needs them blind
 * (the blind review of ICH E9); the administrator needs no allocation to do their work. The
 * statistician is blind until database lock, unblinded after. Never blinded: the pharmacist, who
 * dispenses by arm (and so is refused every clinical record, see actions.ts).
 */
const blindWhenAnyMasked: readonly Role[] = ['monitor', 'data-manager', 'admin'];

export interface MaskingContext {
  readonly locked: boolean;
}

/** The roles that must not see allocations, for a protocol's masking, in the policy's role order. */
export function blindedRoles(masking: Masking, context: MaskingContext): readonly Role[] {
  if (masking.level === 'none') return [];
  const blinded = new Set<Role>([...masking.masked.flatMap((m) => coveredBy[m]), ...blindWhenAnyMasked]);
  if (doubleOrMore.has(masking.level)) for (const r of siteClinicalStaff) blinded.add(r);
  if (!context.locked) blinded.add('statistician');
  return roles.filter((r) => blinded.has(r));
}

/** Whether grants leave their holder blind: they hold some role, and every one is blinded (one unblinded role unblinds). */
export function isBlinded(grants: readonly RoleAssignment[], masking: Masking, context: MaskingContext): boolean {
  const blinded = blindedRoles(masking, context);
  return grants.length > 0 && grants.every((g) => blinded.includes(g.role));
}
