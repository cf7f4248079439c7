import { listProtocolVersions } from '../../store/protocol-versions.js';
import { studyOf } from '../access.js';
import { activateStudy } from '../../use-cases/studies/activate-study.js';
import { amendStudy } from '../../use-cases/studies/amend-study.js';
import { createStudyFromProtocol } from '../../use-cases/studies/create-study.js';
import { requireAction } from '../../use-cases/use-case-context.js';
import { callerOf } from '../caller.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { amendmentBody } from '../../api/studies.js';

/** What a study's setup answers: the study without its protocol (GET /api/studies/:id has it). */
const setupView = (s: { id: string; title: string; status: string; protocolVersion: string }) => ({ id: s.id, title: s.title, status: s.status, protocolVersion: s.protocolVersion });

/** Studies from a protocol: created as a design, activated by the administrator. */
export const studySetupRoutes: RouteModule = (app, { db, now }) => {
  // The body is the protocol file's JSON, validated by the use case (every problem with its path).
  app.post(
    '/api/studies',
    { schema: { tags: ['studies'], body: { type: 'object', description: 'a protocol (see `il2trials protocol schema`)' } }, config: { action: 'study.create' } },
    async (req, reply) => {
      const c = { db, by: callerOf(req), at: now() };
      requireAction(c.by, 'study.create', null);
      const study = await createStudyFromProtocol(c, req.body);
      reply.status(201);
      return setupView(study);
    },
  );

  app.post<{ Params: { studyId: string } }>('/api/studies/:studyId/activate', { schema: { tags: ['studies'] }, config: { action: 'study.activate' } }, async (req) => {
    const c = { db, by: callerOf(req), at: now() };
    const study = await activateStudy(c, req.params.studyId);
    return { ...setupView(study), allocationEntries: study.allocationEntries };
  });

  app.post<{ Params: { studyId: string } }>('/api/studies/:studyId/amendments', { schema: { tags: ['studies'], body: doc(amendmentBody) }, config: { action: 'study.amend' } }, async (req, reply) => {
    const c = { db, by: callerOf(req), at: now() };
    requireAction(c.by, 'study.amend', req.params.studyId);
    const amendment = await amendStudy(c, req.params.studyId, parseInput(amendmentBody, req.body));
    reply.status(201);
    return amendment;
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/versions', { schema: { tags: ['studies'] }, config: { action: 'study.read' } }, async (req) => {
    const study = studyOf(req);
    return { current: study.protocolVersion, amendments: await listProtocolVersions(db, study.id) };
  });
};
