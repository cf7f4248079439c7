import { z } from 'zod';
import { canSeeSite, visibleSites } from '../../auth/principal.js';
import type { Role } from '../../auth/roles.js';
import { AppError } from '../../errors/app-error.js';
import { actionsTaken, aeOutcomes, aeStatuses, relatednessLevels, seriousCriteria } from '../../safety/adverse-event.js';
import { findAdverseEvent, listAdverseEvents } from '../../store/adverse-events.js';
import { recordAdverseEvent } from '../../use-cases/record-adverse-event.js';
import { reviseAdverseEvent } from '../../use-cases/revise-adverse-event.js';
import { findParticipant, listParticipants } from '../../store/participants.js';
import { principalOf, type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';
import { visibleStudy } from './studies.js';
import { entryRoles, requireRole } from './visits.js';

/** Confirming or dismissing a proposed event is the investigator's judgement. */
const investigatorRoles: readonly Role[] = ['investigator', 'admin'];

const fields = {
  term: z.string().trim().min(1).max(200),
  onsetDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  grade: z.number().int().min(1).max(5),
  serious: z.boolean(),
  seriousCriteria: z.array(z.enum(seriousCriteria)),
  relatedness: z.enum(relatednessLevels),
  actionTaken: z.enum(actionsTaken),
  outcome: z.enum(aeOutcomes),
};

const newAeBody = z.object({ ...fields, endDate: fields.endDate.optional(), serious: fields.serious.default(false), seriousCriteria: fields.seriousCriteria.default([]), actionTaken: fields.actionTaken.optional(), outcome: fields.outcome.optional() });

const patchAeBody = z.object({
  ...Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])),
  status: z.enum(aeStatuses).optional(),
  reason: z.string().trim().min(1),
}) as z.ZodType<Partial<z.output<z.ZodObject<typeof fields>>> & { status?: (typeof aeStatuses)[number]; reason: string }>;

export const adverseEventRoutes: RouteModule = (app, { db, now }) => {
  app.get<{ Params: { id: string } }>('/api/participants/:id/adverse-events', { schema: { tags: ['adverse-events'] } }, async (req) => {
    const { participant } = await visibleParticipant(db, principalOf(req), req.params.id);
    return listAdverseEvents(db, [participant.id]);
  });

  app.post<{ Params: { id: string } }>('/api/participants/:id/adverse-events', { schema: { tags: ['adverse-events'], body: doc(newAeBody) } }, async (req, reply) => {
    const p = principalOf(req);
    const { participant, study } = await visibleParticipant(db, p, req.params.id);
    const body = parseInput(newAeBody, req.body);
    requireRole(p, entryRoles, study.id, participant.siteId, 'entering adverse events');
    const ae = await recordAdverseEvent(db, { actor: p.userId, at: now() }, participant, body);
    reply.status(201);
    return ae;
  });

  app.patch<{ Params: { id: string } }>('/api/adverse-events/:id', { schema: { tags: ['adverse-events'], body: doc(patchAeBody) } }, async (req) => {
    const p = principalOf(req);
    const ae = await findAdverseEvent(db, req.params.id);
    const participant = ae && (await findParticipant(db, ae.participantId));
    if (!ae || !participant || !canSeeSite(p, participant.studyId, participant.siteId)) {
      throw new AppError('NotFound', `No adverse event "${req.params.id}" is visible to you.`, 404, 'id');
    }
    const { reason, ...patch } = parseInput(patchAeBody, req.body);
    const decides = patch.status !== undefined && patch.status !== ae.status;
    requireRole(p, decides ? investigatorRoles : entryRoles, participant.studyId, participant.siteId, decides ? 'confirming or dismissing adverse events' : 'changing adverse events');
    return reviseAdverseEvent(db, { actor: p.userId, at: now() }, participant.studyId, ae.id, patch, reason);
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/adverse-events', { schema: { tags: ['adverse-events'] } }, async (req) => {
    const p = principalOf(req);
    const study = await visibleStudy(db, p, req.params.studyId);
    const participants = await listParticipants(db, study.id, visibleSites(p, study.id));
    const codes = new Map(participants.map((x) => [x.id, { code: x.code, siteId: x.siteId }]));
    return (await listAdverseEvents(db, [...codes.keys()])).map((ae) => ({ ...ae, participantCode: codes.get(ae.participantId)?.code, siteId: codes.get(ae.participantId)?.siteId }));
  });
};
