import { actions, type Action, type Scope } from './actions.js';
import { blindedRoles, type MaskingContext } from './blinding.js';
import type { Masking } from '../protocol/schema.js';
import type { RoleAssignment, RoleHolder } from './roles.js';

/** What an action is taken on: a study, and a site of it when the record belongs to one. */
export interface Target {
  readonly studyId?: string | undefined;
  readonly siteId?: string | undefined;
}

const coversStudy = (g: RoleAssignment, studyId: string | undefined) => studyId === undefined || g.studyId === null || g.studyId === studyId;

/**
 * The one grant-matching rule. A site-scoped action with no site named (a list over the study) is
 * covered by any grant in the study: the rows are then filtered by `sitesFor`.
 */
function covers(g: RoleAssignment, scope: Scope, target: Target): boolean {
  if (scope === 'global') return g.studyId === null;
  if (!coversStudy(g, target.studyId)) return false;
  if (scope === 'study') return g.siteId === null;
  return g.siteId === null || target.siteId === undefined || g.siteId === target.siteId;
}

/** The grants through which the holder may take the action on the target (empty: refused). */
export function grantsFor(holder: RoleHolder, action: Action, target: Target): readonly RoleAssignment[] {
  const rule = actions[action];
  if (rule.who === 'anyone' || rule.who === 'signed-in') return holder.assignments;
  const allowed: readonly string[] = rule.who;
  return holder.assignments.filter((g) => allowed.includes(g.role) && covers(g, rule.scope, target));
}

/** Those of `grantsFor` whose role the study's masking leaves unblinded: what an action marked `unblinded` needs. */
export function unblindedGrantsFor(holder: RoleHolder, action: Action, target: Target, masking: Masking, context: MaskingContext): readonly RoleAssignment[] {
  const blinded = blindedRoles(masking, context);
  return grantsFor(holder, action, target).filter((g) => !blinded.includes(g.role));
}

/** Whether the holder may take the action on the target. Signing in is the caller's check: any holder is signed in. */
export function can(holder: RoleHolder, action: Action, target: Target = {}): boolean {
  const rule = actions[action];
  return rule.who === 'anyone' || rule.who === 'signed-in' || grantsFor(holder, action, target).length > 0;
}

/** The sites some grants reach: 'all' when one covers every site, else the sites they name. */
export function sitesOf(grants: readonly RoleAssignment[]): 'all' | readonly string[] {
  if (grants.some((g) => g.siteId === null)) return 'all';
  return [...new Set(grants.map((g) => g.siteId as string))];
}

/** The sites of a study where the holder may take the action. */
export function sitesFor(holder: RoleHolder, action: Action, studyId: string): 'all' | readonly string[] {
  return sitesOf(grantsFor(holder, action, { studyId }));
}

/** Every role the holder has in the study, whatever the site: what decides their masking there. */
export function grantsIn(holder: RoleHolder, studyId: string): readonly RoleAssignment[] {
  return holder.assignments.filter((g) => coversStudy(g, studyId));
}
