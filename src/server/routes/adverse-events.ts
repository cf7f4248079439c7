import { newAeBody, patchAeBody } from '../../api/safety.js';
import { can, sitesFor } from '../../access/index.js';
import { AppError } from '../../errors/app-error.js';
import { findAdverseEvent, listAdverseEvents } from '../../store/adverse-events.js';
import { recordAdverseEvent } from '../../use-cases/record-adverse-event.js';
import { reviseAdverseEvent } from '../../use-cases/revise-adverse-event.js';
import { findParticipant, listParticipants } from '../../store/participants.js';
import { authorize, studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';
import { storeErrors } from '../../store/errors.js';

export const adverseEventRoutes: RouteModule = (app, { db, now }) => {
  app.get<{ Params: { id: string } }>('/api/participants/:id/adverse-events', { schema: { tags: ['adverse-events'] }, config: { action: 'visit.read' } }, async (req) => {
    const { participant } = await visibleParticipant(db, req, req.params.id);
    return listAdverseEvents(db, [participant.id]);
  });

  app.post<{ Params: { id: string } }>(
    '/api/participants/:id/adverse-events',
    { schema: { tags: ['adverse-events'], body: doc(newAeBody) }, config: { action: 'visit.enter' } },
    async (req, reply) => {
      const p = principalOf(req);
      const { participant } = await visibleParticipant(db, req, req.params.id);
      const body = parseInput(newAeBody, req.body);
      const ae = await recordAdverseEvent(db, { actor: p.userId, at: now() }, participant, body);
      reply.status(201);
      return ae;
    },
  );

  app.patch<{ Params: { id: string } }>('/api/adverse-events/:id', { schema: { tags: ['adverse-events'], body: doc(patchAeBody) }, config: { action: 'visit.enter' } }, async (req) => {
    const p = principalOf(req);
    const ae = await findAdverseEvent(db, req.params.id);
    const participant = ae && (await findParticipant(db, ae.participantId));
    if (!ae || !participant || !can(p, 'study.read', { studyId: participant.studyId, siteId: participant.siteId })) {
      throw new AppError(storeErrors.NOT_FOUND, `No adverse event "${req.params.id}" is visible to you.`, 'id');
    }
    const { reason, ...patch } = parseInput(patchAeBody, req.body);
    const decides = patch.status !== undefined && patch.status !== ae.status;
    // Confirming or dismissing a proposed event is the investigator's judgement, beyond entering it.
    authorize(req, { studyId: participant.studyId, siteId: participant.siteId }, decides ? 'adverse-event.decide' : undefined);
    return reviseAdverseEvent(db, { actor: p.userId, at: now() }, participant.studyId, ae.id, patch, reason);
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/adverse-events', { schema: { tags: ['adverse-events'] }, config: { action: 'visit.read' } }, async (req) => {
    const study = studyOf(req);
    const participants = await listParticipants(db, study.id, sitesFor(principalOf(req), 'visit.read', study.id));
    const codes = new Map(participants.map((x) => [x.id, { code: x.code, siteId: x.siteId }]));
    return (await listAdverseEvents(db, [...codes.keys()])).map((ae) => ({ ...ae, participantCode: codes.get(ae.participantId)?.code, siteId: codes.get(ae.participantId)?.siteId }));
  });
};
