import { z } from 'zod';
import { participantSignatures, signRecord } from '../../use-cases/sign-record.js';
import { protocolVisit } from '../../visits/visit-entries.js';
import { principalOf, type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';

const signBody = z.object({
  /** The visit signed; absent or null: the participant's whole casebook. */
  visitId: z.string().trim().min(1).max(100).nullable().default(null),
  password: z.string().min(1, 're-enter your password to sign'),
});

export const signatureRoutes: RouteModule = (app, { db, now }) => {
  app.post<{ Params: { id: string } }>('/api/participants/:id/signatures', { schema: { tags: ['signatures'], body: doc(signBody) }, config: { action: 'record.sign' } }, async (req, reply) => {
    const p = principalOf(req);
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    const body = parseInput(signBody, req.body);
    if (body.visitId !== null) protocolVisit(study.protocol, body.visitId);
    const signature = await signRecord(db, { actor: p.userId, at: now(), username: p.username, displayName: p.displayName }, participant, body.visitId, body.password);
    reply.status(201);
    return signature;
  });

  app.get<{ Params: { id: string } }>('/api/participants/:id/signatures', { schema: { tags: ['signatures'] }, config: { action: 'visit.read' } }, async (req) => {
    const { participant } = await visibleParticipant(db, req, req.params.id);
    return participantSignatures(db, participant);
  });
};
