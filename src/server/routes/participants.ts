import { consentBody, doseBody, newParticipantBody, transitionBody } from '../../api/participants.js';
import type { FastifyRequest } from 'fastify';
import { can, sitesFor, type Action } from '../../access/index.js';
import { AppError } from '../../errors/app-error.js';
import type { Participant } from '../../enrolment/participant.js';
import type { Queryable } from '../../store/db.js';
import { findParticipantState, listParticipants } from '../../store/participants.js';
import { addParticipant } from '../../use-cases/add-participant.js';
import { participantCalendarOf } from '../../use-cases/participant-calendars.js';
import { recordDose } from '../../use-cases/record-dose.js';
import { participantSignatures } from '../../use-cases/sign-record.js';
import { transitionParticipant } from '../../use-cases/transition-participant.js';
import { recordReconsent } from '../../use-cases/record-consent.js';
import { needsReconsent, type Consent } from '../../enrolment/consent.js';
import { latestConsents, listConsents, requiredReconsentVersion } from '../../store/consents.js';
import { listSiteRecords } from '../../store/sites.js';
import type { Study } from '../../store/studies.js';
import { authorize, rememberStudy, rememberUnblinding, studyOf, visibleState } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { requestErrors } from '../../errors/request-errors.js';
import { storeErrors } from '../../store/errors.js';
import { siteErrors } from '../../use-cases/sites/errors.js';

/**
 * The arm is always included: the masking hook (src/server/masking.ts) removes it for a blinded user.
 * `reconsentNeeded` names the consent version still to be signed (null: none).
 */
function summary(p: Participant, consent: { latest: Consent | null; required: string | null } = { latest: null, required: null }) {
  const reconsentNeeded = needsReconsent(p.status, consent.latest, consent.required) ? consent.required : null;
  return {
    id: p.id,
    code: p.code,
    siteId: p.siteId,
    status: p.status,
    statusOn: p.statusOn,
    enrolledOn: p.enrolledOn,
    startDate: p.startDate,
    kitNumber: p.kitNumber,
    armId: p.armId,
    reconsentNeeded,
  };
}

/**
 * A participant of the user's studies and sites (a 404 otherwise), on whom the user may take the
 * action (the route's own by default; a 403 otherwise).
 */
export async function visibleParticipant(q: Queryable, req: FastifyRequest, id: string, action?: Action): Promise<{ participant: Participant; study: Study }> {
  const p = principalOf(req);
  // One query for the participant, its study's state and this user's unblinding of it.
  const found = await findParticipantState(q, id, p.userId);
  const participant = found?.participant;
  if (!found || !participant || !can(p, 'study.read', { studyId: participant.studyId, siteId: participant.siteId })) {
    throw new AppError(storeErrors.NOT_FOUND, `No participant "${id}" is visible to you.`, 'id');
  }
  const state = visibleState(p, found.state);
  // The route's own participant: the masking hook then reuses its study and, on a read, the unblinding (src/server/masking.ts).
  if ((req.params as { id?: string }).id === id) {
    rememberStudy(req, state);
    rememberUnblinding(req, id, found.unblindedBy);
  }
  const { study } = state;
  authorize(req, { studyId: study.id, siteId: participant.siteId }, action);
  return { participant, study };
}

export const participantRoutes: RouteModule = (app, { db, now }) => {
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/participants', { schema: { tags: ['participants'] }, config: { action: 'participant.read' } }, async (req) => {
    const study = studyOf(req);
    const list = await listParticipants(db, study.id, sitesFor(principalOf(req), 'participant.read', study.id));
    const [latest, required] = [
      await latestConsents(
        db,
        list.map((x) => x.id),
      ),
      await requiredReconsentVersion(db, study.id),
    ];
    return list.map((x) => summary(x, { latest: latest.get(x.id) ?? null, required }));
  });

  app.post<{ Params: { studyId: string } }>(
    '/api/studies/:studyId/participants',
    { schema: { tags: ['participants'], body: doc(newParticipantBody) }, config: { action: 'participant.enrol' } },
    async (req, reply) => {
      const study = studyOf(req);
      const body = parseInput(newParticipantBody, req.body);
      const site = (await listSiteRecords(db, study.id)).find((s) => s.id === body.siteId);
      if (!site) throw new AppError(requestErrors.INVALID_BODY, `Field "siteId" names no site of study ${study.id}.`, 'siteId');
      if (site.closedOn !== null) throw new AppError(siteErrors.CLOSED, `Site ${site.name} closed to recruitment on ${site.closedOn}.`, 'siteId');
      const p = authorize(req, { studyId: study.id, siteId: body.siteId });
      const created = await addParticipant(db, { actor: p.userId, at: now() }, { studyId: study.id, ...body });
      reply.status(201);
      return summary(created);
    },
  );

  app.get<{ Params: { id: string } }>('/api/participants/:id', { schema: { tags: ['participants'] }, config: { action: 'participant.read' } }, async (req) => {
    const { participant } = await visibleParticipant(db, req, req.params.id);
    const { armId: _arm, ...rest } = participant;
    const consents = await listConsents(db, participant.id);
    const required = await requiredReconsentVersion(db, participant.studyId);
    // Shown with the record: its electronic signatures, each valid or invalidated by a later change.
    return { ...rest, ...summary(participant, { latest: consents.at(-1) ?? null, required }), consents, signatures: await participantSignatures(db, participant) };
  });

  app.post<{ Params: { id: string } }>(
    '/api/participants/:id/consents',
    { schema: { tags: ['participants'], body: doc(consentBody) }, config: { action: 'participant.enrol' } },
    async (req, reply) => {
      const p = principalOf(req);
      const { participant } = await visibleParticipant(db, req, req.params.id);
      const body = parseInput(consentBody, req.body);
      const consent = await recordReconsent(db, { actor: p.userId, at: now() }, participant, body.signedOn);
      reply.status(201);
      return consent;
    },
  );

  app.post<{ Params: { id: string } }>('/api/participants/:id/transition', { schema: { tags: ['participants'], body: doc(transitionBody) }, config: { action: 'participant.enrol' } }, async (req) => {
    const p = principalOf(req);
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    const body = parseInput(transitionBody, req.body);
    const at = now();
    // Outside a screening, only an investigator's override decides eligibility (the policy says who).
    const eligibilityBy = can(p, 'eligibility.override', { studyId: study.id, siteId: participant.siteId }) ? 'override' : undefined;
    const moved = await transitionParticipant(db, { actor: p.userId, at }, participant, study.protocol, {
      to: body.to,
      reason: body.reason,
      date: body.date ?? isoDay(at),
      today: isoDay(at),
      eligibilityBy,
    });
    return summary(moved);
  });

  app.get<{ Params: { id: string } }>('/api/participants/:id/calendar', { schema: { tags: ['participants'] }, config: { action: 'dose.read' } }, async (req) => {
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    // The kit is what a blinded coordinator dispenses by: it names no arm (randomization/kits.ts).
    return { ...(await participantCalendarOf(db, participant, study.protocol)), kitNumber: participant.kitNumber };
  });

  app.post<{ Params: { id: string } }>('/api/participants/:id/doses', { schema: { tags: ['participants'], body: doc(doseBody) }, config: { action: 'dose.record' } }, async (req, reply) => {
    const p = principalOf(req);
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    const body = parseInput(doseBody, req.body);
    const dose = await recordDose(db, { actor: p.userId, at: now() }, participant, study.protocol, body, body.changeReason);
    reply.status(201);
    return dose;
  });
};
