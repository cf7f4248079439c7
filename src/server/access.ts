import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actions, can, isAction, type Action, type Target } from '../access/index.js';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/app-error.js';
import type { Queryable } from '../store/db.js';
import type { Study } from '../store/studies.js';
import { findStudyState, type StudyState } from '../store/study-states.js';
import { principalOf } from './context.js';
import { isBlindedFor } from './masking.js';
import { authErrors } from '../auth/errors.js';
import { storeErrors } from '../store/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route does, as the access policy names it (src/access/actions.ts). Every /api route declares one. */
    action?: Action;
  }
  interface FastifyRequest {
    /** The study named by the route's :studyId (or of the route's participant), once the policy let the user see it. */
    study: Study | undefined;
    /** Whether `study` was locked, read with it (the masking hook reuses both, src/server/masking.ts). */
    studyLocked: boolean | undefined;
    /** On a read, whether the user had unblinded the route's participant, read with it (rememberUnblinding). */
    unblinding: { readonly participantId: string; readonly unblinded: boolean } | undefined;
  }
}

/** The action the route serving this request declares. */
export function actionOf(req: FastifyRequest): Action {
  const action = req.routeOptions.config.action;
  if (!isAction(action)) throw new Error(`Route ${req.routeOptions.url} declares no action.`);
  return action;
}

/** The study the route's :studyId names (resolved and checked before the handler runs). */
export function studyOf(req: FastifyRequest): Study {
  if (!req.study) throw new Error(`Route ${req.routeOptions.url} has no :studyId.`);
  return req.study;
}

const where = (t: Target) => `${t.studyId ? ` in study ${t.studyId}` : ''}${t.siteId ? ` at site ${t.siteId}` : ''}`;

/** Refuse (403) unless the user may take the action on the target; the action defaults to the route's own. */
export function authorize(req: FastifyRequest, target: Target, action: Action = actionOf(req)): Principal {
  const p = principalOf(req);
  if (!can(p, action, target)) {
    const rule = actions[action];
    const needs = typeof rule.who === 'string' ? '' : `: it needs one of ${rule.who.join(', ')}${rule.scope === 'site' ? '' : ` for the whole ${rule.scope === 'study' ? 'study' : 'platform'}`}`;
    throw new AppError(authErrors.FORBIDDEN, `Your roles${where(target)} do not allow you to ${rule.what}${needs}.`);
  }
  return p;
}

/** The study if the user holds any role in it (and at the site, when named); a 404 otherwise, so not even its existence shows. */
export async function visibleStudy(q: Queryable, p: Principal, studyId: string, siteId?: string): Promise<Study> {
  return (await visibleStudyState(q, p, studyId, siteId)).study;
}

/** `visibleStudy` with the study's lock state, read in the same query. */
export async function visibleStudyState(q: Queryable, p: Principal, studyId: string, siteId?: string): Promise<StudyState> {
  const state = can(p, 'study.read', { studyId }) ? await findStudyState(q, studyId) : undefined;
  if (!state) throw new AppError(storeErrors.NOT_FOUND, `No study "${studyId}" is visible to you.`, 'studyId');
  if (siteId !== undefined && !can(p, 'study.read', { studyId, siteId })) throw new AppError(storeErrors.NOT_FOUND, `No site "${siteId}" of study ${studyId} is visible to you.`, 'siteId');
  return state;
}

/** A study state already read (with a participant, say) if the user holds any role in its study; a 404 otherwise, as visibleStudyState. */
export function visibleState(p: Principal, state: StudyState): StudyState {
  if (!can(p, 'study.read', { studyId: state.study.id })) throw new AppError(storeErrors.NOT_FOUND, `No study "${state.study.id}" is visible to you.`, 'studyId');
  return state;
}

/** Keep the study a request's access check read on the request, so later hooks (masking) need not read it again. */
export function rememberStudy(req: FastifyRequest, state: StudyState): Study {
  req.study = state.study;
  req.studyLocked = state.locked;
  return state.study;
}

/**
 * Keep whether the user had unblinded the route's participant, read with it, for the masking hook.
 * Only a read uses it: a write (an unblinding itself) is answered as the database is after it.
 */
export function rememberUnblinding(req: FastifyRequest, participantId: string, unblinded: boolean): void {
  if (req.method === 'GET' || req.method === 'HEAD') req.unblinding = { participantId, unblinded };
}

/** Refuse (403) an action marked `unblinded` unless one of the grants allowing it is unblinded in the study. */
export function requireUnblinded(req: FastifyRequest, state: StudyState, target: Target, action: Action = actionOf(req)): void {
  if (isBlindedFor(principalOf(req), action, state.study, target, state.locked)) {
    throw new AppError(authErrors.FORBIDDEN, `To ${actions[action].what}${where(target)} needs a role the study's masking leaves unblinded.`);
  }
}

/**
 * Every /api route declares its action; a route without one is refused at start-up. Before the
 * handler: a signed-in user unless the action is open to anyone, and for a route under
 * /api/studies/:studyId the study visible (404), the action allowed there (403) and, for an action on
 * unblinded data, an unblinded role. Routes on one record (a participant, a query) authorize against
 * the record's study and site once they have read it (`authorize`).
 */
export function installAccess(app: FastifyInstance, q: Queryable): void {
  app.decorateRequest('study', undefined);
  app.decorateRequest('studyLocked', undefined);
  app.decorateRequest('unblinding', undefined);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const action = route.config?.action;
    if (!isAction(action)) throw new Error(`Route ${String(route.method)} ${route.url} declares no action of the access policy (src/access/actions.ts).`);
    route.schema = { ...route.schema, 'x-action': action } as typeof route.schema;
    const own = route.preHandler === undefined ? [] : [route.preHandler].flat();
    route.preHandler = [check, ...own];
  });

  async function check(req: FastifyRequest): Promise<void> {
    const action = actionOf(req);
    const rule = actions[action];
    if (rule.who === 'anyone') return;
    const p = principalOf(req);
    const { studyId, siteId } = req.params as { studyId?: string; siteId?: string };
    if (studyId === undefined) return;
    const state = await visibleStudyState(q, p, studyId, siteId);
    rememberStudy(req, state);
    authorize(req, { studyId, siteId }, action);
    if ('unblinded' in rule) requireUnblinded(req, state, { studyId, siteId }, action);
  }
}
