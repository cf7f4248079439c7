import { loginBody, tokenBody, tokenParams, passwordBody } from '../../api/auth.js';
import type { Principal } from '../../auth/principal.js';
import { signIn } from '../../auth/sign-in.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.js';
import { createSession, endSession, sessionHours } from '../../auth/sessions.js';
import { changeOwnPassword } from '../../use-cases/accounts/change-password.js';
import { listOwnSessions, revokeOwnSession } from '../../use-cases/accounts/own-sessions.js';
import { principalOf, type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';

export const sessionCookie = 'sid';

const me = (p: Principal) => ({
  user: { id: p.userId, username: p.username, displayName: p.displayName, mustChangePassword: p.mustChangePassword ?? false },
  roles: p.assignments.map((a) => ({ studyId: a.studyId, siteId: a.siteId, role: a.role })),
});

export const authRoutes: RouteModule = (app, { db, now, secureCookies }) => {
  app.post('/api/auth/login', { schema: { tags: ['auth'], body: doc(loginBody) }, config: { action: 'session.open' } }, async (req, reply) => {
    const body = parseInput(loginBody, req.body);
    const p = await signIn(db, { username: body.username, password: body.password, address: req.ip, now: now() });
    const sid = await createSession(db, p.userId, now());
    reply.setCookie(sessionCookie, sid, { httpOnly: true, sameSite: 'strict', secure: secureCookies ?? false, path: '/', maxAge: sessionHours * 3600 });
    return me(p);
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'] }, config: { action: 'session.open' } }, async (req, reply) => {
    const sid = req.cookies[sessionCookie];
    if (sid) await endSession(db, sid);
    reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'] }, config: { action: 'account.own' } }, async (req) => me(principalOf(req)));

  app.post('/api/auth/password', { schema: { tags: ['auth'], body: doc(passwordBody) }, config: { action: 'account.own' } }, async (req) => {
    const p = principalOf(req);
    await changeOwnPassword(db, p, now(), { ...parseInput(passwordBody, req.body), sessionSecret: req.cookies[sessionCookie] });
    return { ok: true };
  });

  app.get('/api/auth/sessions', { schema: { tags: ['auth'] }, config: { action: 'account.own' } }, async (req) => listOwnSessions(db, principalOf(req), now(), req.cookies[sessionCookie]));

  app.delete<{ Params: { sessionId: string } }>('/api/auth/sessions/:sessionId', { schema: { tags: ['auth'] }, config: { action: 'account.own' } }, async (req) => {
    await revokeOwnSession(db, principalOf(req), now(), req.params.sessionId);
    return { ok: true };
  });

  app.post('/api/auth/tokens', { schema: { tags: ['auth'], body: doc(tokenBody) }, config: { action: 'account.own' } }, async (req, reply) => {
    const p = principalOf(req);
    const body = parseInput(tokenBody, req.body);
    const created = await createApiToken(db, { actor: p.userId, at: now(), studyId: null }, p, body);
    reply.status(201);
    return created;
  });

  app.get('/api/auth/tokens', { schema: { tags: ['auth'] }, config: { action: 'account.own' } }, async (req) => listApiTokens(db, principalOf(req), now()));

  app.delete<{ Params: { id: string } }>('/api/auth/tokens/:id', { schema: { tags: ['auth'] }, config: { action: 'account.own' } }, async (req) => {
    const p = principalOf(req);
    const { id } = parseInput(tokenParams, req.params, 'params');
    await revokeApiToken(db, { actor: p.userId, at: now(), studyId: null }, p, id);
    return { ok: true };
  });
};
