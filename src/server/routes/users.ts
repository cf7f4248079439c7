import { listUsers, requireUser } from '../../store/users.js';
import { callerOf } from '../caller.js';
import { addUser } from '../../use-cases/accounts/add-user.js';
import { disableUser } from '../../use-cases/accounts/disable-user.js';
import { resetPassword } from '../../use-cases/accounts/reset-password.js';
import { grantRole, revokeRole } from '../../use-cases/accounts/role-changes.js';
import { requireAction } from '../../use-cases/use-case-context.js';
import { type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { newUserBody, roleBody, disableBody } from '../../api/users.js';

type UserParams = { Params: { username: string } };

/** Account administration: only the administrator of every study; no arm is read or shown here. */
export const userRoutes: RouteModule = (app, { db, now }) => {
  const ctx = (req: Parameters<typeof callerOf>[0]) => ({ db, by: callerOf(req), at: now() });

  app.get('/api/users', { schema: { tags: ['users'] }, config: { action: 'user.manage' } }, async (req) => {
    requireAction(callerOf(req), 'user.manage', null);
    return listUsers(db);
  });

  app.post('/api/users', { schema: { tags: ['users'], body: doc(newUserBody) }, config: { action: 'user.manage' } }, async (req, reply) => {
    const c = ctx(req);
    requireAction(c.by, 'user.manage', null);
    const created = await addUser(c, parseInput(newUserBody, req.body));
    reply.status(201);
    return created;
  });

  app.get<UserParams>('/api/users/:username', { schema: { tags: ['users'] }, config: { action: 'user.manage' } }, async (req) => {
    requireAction(callerOf(req), 'user.manage', null);
    return requireUser(db, req.params.username);
  });

  app.post<UserParams>('/api/users/:username/roles', { schema: { tags: ['users'], body: doc(roleBody) }, config: { action: 'user.manage' } }, async (req, reply) => {
    const c = ctx(req);
    requireAction(c.by, 'user.manage', null);
    const user = await grantRole(c, { ...parseInput(roleBody, req.body), username: req.params.username });
    reply.status(201);
    return user;
  });

  app.post<UserParams>('/api/users/:username/roles/revoke', { schema: { tags: ['users'], body: doc(roleBody) }, config: { action: 'user.manage' } }, async (req) => {
    const c = ctx(req);
    requireAction(c.by, 'user.manage', null);
    return revokeRole(c, { ...parseInput(roleBody, req.body), username: req.params.username });
  });

  app.post<UserParams>('/api/users/:username/disable', { schema: { tags: ['users'], body: doc(disableBody) }, config: { action: 'user.manage' } }, async (req) => {
    const c = ctx(req);
    requireAction(c.by, 'user.manage', null);
    return disableUser(c, { ...parseInput(disableBody, req.body), username: req.params.username });
  });

  app.post<UserParams>('/api/users/:username/reset-password', { schema: { tags: ['users'] }, config: { action: 'user.manage' } }, async (req) =>
    resetPassword(ctx(req), { username: req.params.username }),
  );
};
