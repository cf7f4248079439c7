import { z } from 'zod';
import { canSeeSite, visibleSites, type Principal } from '../../auth/principal.js';
import type { Role } from '../../auth/roles.js';
import { AppError } from '../../errors/app-error.js';
import { queryStatuses, type DataQuery } from '../../data-queries/data-query.js';
import type { Queryable } from '../../store/db.js';
import { findQuery, listQueries } from '../../store/queries.js';
import { answerQuery } from '../../use-cases/answer-query.js';
import { closeQuery } from '../../use-cases/close-query.js';
import { raiseQuery } from '../../use-cases/raise-query.js';
import { principalOf, type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';
import { visibleStudy } from './studies.js';
import { entryRoles, requireRole } from './visits.js';

/** Who raises queries: those who review the data, not those who enter it. */
const raiserRoles: readonly Role[] = ['monitor', 'data-manager', 'admin'];

const raiseBody = z.object({
  participantId: z.string().min(1),
  visitId: z.string().min(1).optional(),
  /** A visit-form field id: `<instrument>.<item>`, `labs.<analyte>`, `immune-panel.<subset>`. */
  field: z.string().trim().min(1).max(100),
  text: z.string().trim().min(1).max(2000),
});
const answerBody = z.object({ text: z.string().trim().min(1).max(2000), correction: z.number().optional() });
const listQuery = z.object({ status: z.enum(queryStatuses).optional(), siteId: z.string().min(1).optional() });

/** A query the user may see (its study and site); a 404 otherwise. */
async function visibleQuery(q: Queryable, p: Principal, id: string): Promise<DataQuery> {
  const query = await findQuery(q, id);
  if (!query || !canSeeSite(p, query.studyId, query.siteId)) throw new AppError('NotFound', `No query "${id}" is visible to you.`, 404, 'id');
  return query;
}

export const queryRoutes: RouteModule = (app, { db, now }) => {
  app.post('/api/queries', { schema: { tags: ['queries'], body: doc(raiseBody) } }, async (req, reply) => {
    const p = principalOf(req);
    const body = parseInput(raiseBody, req.body);
    const { participant, study } = await visibleParticipant(db, p, body.participantId);
    requireRole(p, raiserRoles, study.id, participant.siteId, 'raising data queries');
    const query = await raiseQuery(db, { actor: p.userId, at: now() }, participant, study.protocol, { visitId: body.visitId ?? null, field: body.field, text: body.text });
    reply.status(201);
    return query;
  });

  app.post<{ Params: { id: string } }>('/api/queries/:id/answer', { schema: { tags: ['queries'], body: doc(answerBody) } }, async (req) => {
    const p = principalOf(req);
    const query = await visibleQuery(db, p, req.params.id);
    const body = parseInput(answerBody, req.body);
    requireRole(p, entryRoles, query.studyId, query.siteId, 'answering data queries');
    const { participant, study } = await visibleParticipant(db, p, query.participantId);
    return answerQuery(db, { actor: p.userId, at: now() }, query, participant, study.protocol, { text: body.text, correction: body.correction });
  });

  app.post<{ Params: { id: string } }>('/api/queries/:id/close', { schema: { tags: ['queries'] } }, async (req) => {
    const p = principalOf(req);
    const query = await visibleQuery(db, p, req.params.id);
    return closeQuery(db, { actor: p.userId, at: now() }, query);
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/queries', { schema: { tags: ['queries'], querystring: doc(listQuery) } }, async (req) => {
    const p = principalOf(req);
    const study = await visibleStudy(db, p, req.params.studyId);
    const { status, siteId } = parseInput(listQuery, req.query, 'query');
    const visible = visibleSites(p, study.id);
    const sites = siteId === undefined ? visible : visible === 'all' || visible.includes(siteId) ? [siteId] : [];
    return listQueries(db, study.id, sites, status);
  });
};
