/** The access policy: roles, actions, scopes and masking. Server, CLI and web import it from here. */
export { administrator, roles, type Role, type RoleAssignment, type RoleHolder } from './roles.js';
export { actions, actionNames, isAction, type Action, type ActionRule, type Scope } from './actions.js';
export { can, grantsFor, grantsIn, sitesFor, sitesOf, unblindedGrantsFor, type Target } from './can.js';
export { blindedRoles, isBlinded, type MaskingContext } from './blinding.js';
