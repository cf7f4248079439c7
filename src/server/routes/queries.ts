import { raiseBody, answerBody, listQuery } from '../../api/queries.js';
import type { FastifyRequest } from 'fastify';
import { can, sitesFor } from '../../access/index.js';
import { AppError } from '../../errors/app-error.js';
import type { DataQuery } from '../../data-queries/data-query.js';
import type { Queryable } from '../../store/db.js';
import { findQuery, listQueries } from '../../store/queries.js';
import { answerQuery } from '../../use-cases/answer-query.js';
import { closeQuery } from '../../use-cases/close-query.js';
import { raiseQuery } from '../../use-cases/raise-query.js';
import { authorize, studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';
import { storeErrors } from '../../store/errors.js';

/** A query of the user's studies and sites (a 404 otherwise) on which they may take the route's action (a 403 otherwise). */
async function visibleQuery(q: Queryable, req: FastifyRequest, id: string): Promise<DataQuery> {
  const query = await findQuery(q, id);
  if (!query || !can(principalOf(req), 'study.read', { studyId: query.studyId, siteId: query.siteId })) throw new AppError(storeErrors.NOT_FOUND, `No query "${id}" is visible to you.`, 'id');
  authorize(req, { studyId: query.studyId, siteId: query.siteId });
  return query;
}

export const queryRoutes: RouteModule = (app, { db, now }) => {
  app.post('/api/queries', { schema: { tags: ['queries'], body: doc(raiseBody) }, config: { action: 'query.raise' } }, async (req, reply) => {
    const p = principalOf(req);
    const body = parseInput(raiseBody, req.body);
    const { participant, study } = await visibleParticipant(db, req, body.participantId);
    const query = await raiseQuery(db, { actor: p.userId, at: now() }, participant, study.protocol, { visitId: body.visitId ?? null, field: body.field, text: body.text });
    reply.status(201);
    return query;
  });

  app.post<{ Params: { id: string } }>('/api/queries/:id/answer', { schema: { tags: ['queries'], body: doc(answerBody) }, config: { action: 'query.answer' } }, async (req) => {
    const p = principalOf(req);
    const query = await visibleQuery(db, req, req.params.id);
    const body = parseInput(answerBody, req.body);
    const { participant, study } = await visibleParticipant(db, req, query.participantId);
    return answerQuery(db, { actor: p.userId, at: now() }, query, participant, study.protocol, { text: body.text, correction: body.correction });
  });

  app.post<{ Params: { id: string } }>('/api/queries/:id/close', { schema: { tags: ['queries'] }, config: { action: 'query.close' } }, async (req) => {
    const p = principalOf(req);
    const query = await visibleQuery(db, req, req.params.id);
    return closeQuery(db, { actor: p.userId, at: now() }, query);
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/queries', { schema: { tags: ['queries'], querystring: doc(listQuery) }, config: { action: 'query.read' } }, async (req) => {
    const study = studyOf(req);
    const { status, siteId } = parseInput(listQuery, req.query, 'query');
    const visible = sitesFor(principalOf(req), 'query.read', study.id);
    const sites = siteId === undefined ? visible : visible === 'all' || visible.includes(siteId) ? [siteId] : [];
    return listQueries(db, study.id, sites, status);
  });
};
