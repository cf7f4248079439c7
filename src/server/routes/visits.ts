import { observationsBody, rangesBody, dateQuery } from '../../api/visits.js';
import { participantSignatures } from '../../use-cases/sign-record.js';
import { AppError } from '../../errors/app-error.js';
import { checkVisitDate, comparePanels, computePanel, visitForms } from '../../instruments/index.js';
import { participantVisitData } from '../../store/observations.js';
import { listSiteReferenceRanges } from '../../store/reference-ranges.js';
import { saveVisitObservations } from '../../use-cases/save-visit-observations.js';
import { setReferenceRanges } from '../../use-cases/set-reference-ranges.js';
import type { VisitData } from '../../visits/visit-data.js';
import { protocolVisit, visitScores } from '../../visits/visit-entries.js';
import type { Protocol } from '../../protocol/schema.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';
import { storeErrors } from '../../store/errors.js';

/** Saved visits in the protocol's visit order (baseline first). */
function inVisitOrder(protocol: Protocol, data: readonly VisitData[]): VisitData[] {
  const day = (v: VisitData) => protocol.visits.find((x) => x.id === v.visitId)?.day ?? Number.POSITIVE_INFINITY;
  return [...data].sort((a, b) => day(a) - day(b));
}

export const visitRoutes: RouteModule = (app, { db, now }) => {
  app.get<{ Params: { id: string } }>('/api/participants/:id/visits', { schema: { tags: ['visits'], querystring: doc(dateQuery) }, config: { action: 'visit.read' } }, async (req) => {
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    const { date } = parseInput(dateQuery, req.query, 'query');
    const today = date ?? isoDay(now());
    const saved = new Map((await participantVisitData(db, participant.id)).map((v) => [v.visitId, v]));
    const signatures = await participantSignatures(db, participant);
    return visitForms(study.protocol).map((form) => {
      const v = saved.get(form.visitId) ?? null;
      const window = participant.startDate === null ? null : checkVisitDate(protocolVisit(study.protocol, form.visitId), participant.startDate, v?.date ?? null, today);
      const signature = signatures.filter((x) => x.visitId === form.visitId).at(-1) ?? null;
      return { ...form, window, saved: v, scores: v ? visitScores(v) : [], signature };
    });
  });

  app.get<{ Params: { id: string; visitId: string } }>('/api/participants/:id/visits/:visitId/observations', { schema: { tags: ['visits'] }, config: { action: 'visit.read' } }, async (req) => {
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    protocolVisit(study.protocol, req.params.visitId);
    const v = (await participantVisitData(db, participant.id)).find((x) => x.visitId === req.params.visitId);
    if (!v) throw new AppError(storeErrors.NOT_FOUND, `Visit ${req.params.visitId} of participant ${participant.code} has no saved data.`, 'visitId');
    const signature = (await participantSignatures(db, participant)).filter((x) => x.visitId === v.visitId).at(-1) ?? null;
    return { ...v, scores: visitScores(v), signature };
  });

  app.post<{ Params: { id: string; visitId: string } }>(
    '/api/participants/:id/visits/:visitId/observations',
    { schema: { tags: ['visits'], body: doc(observationsBody) }, config: { action: 'visit.enter' } },
    async (req, reply) => {
      const p = principalOf(req);
      const { participant, study } = await visibleParticipant(db, req, req.params.id);
      const body = parseInput(observationsBody, req.body);
      const values = body.instrument !== undefined && body.items !== undefined ? { ...body.values, [body.instrument]: body.items } : body.values;
      const saved = await saveVisitObservations(
        db,
        { actor: p.userId, at: now() },
        participant,
        study.protocol,
        req.params.visitId,
        { date: body.date, values, labs: body.labs, panel: body.panel },
        body.reason,
      );
      reply.status(201);
      return saved;
    },
  );

  app.get<{ Params: { studyId: string; siteId: string } }>('/api/studies/:studyId/sites/:siteId/reference-ranges', { schema: { tags: ['visits'] }, config: { action: 'visit.read' } }, async (req) => {
    const study = studyOf(req);
    return listSiteReferenceRanges(db, study.id, req.params.siteId);
  });

  app.put<{ Params: { studyId: string; siteId: string } }>(
    '/api/studies/:studyId/sites/:siteId/reference-ranges',
    { schema: { tags: ['visits'], body: doc(rangesBody) }, config: { action: 'reference-range.manage' } },
    async (req) => {
      const p = principalOf(req);
      const study = studyOf(req);
      const { siteId } = req.params;
      if (!study.protocol.sites.some((s) => s.id === siteId)) throw new AppError(storeErrors.NOT_FOUND, `No site "${siteId}" of study ${study.id} is visible to you.`, 'siteId');
      const body = parseInput(rangesBody, req.body);
      return setReferenceRanges(db, { actor: p.userId, at: now() }, study.id, siteId, body.ranges, body.reason);
    },
  );

  /** Every saved instrument of every visit, one row each (the web client's list of observations). */
  app.get<{ Params: { id: string } }>('/api/participants/:id/observations', { schema: { tags: ['visits'] }, config: { action: 'visit.read' } }, async (req) => {
    const { participant } = await visibleParticipant(db, req, req.params.id);
    return (await participantVisitData(db, participant.id)).flatMap((v) =>
      visitScores(v).map((s) => ({ visitId: v.visitId, date: v.date, instrument: s.instrument, items: v.values[s.instrument], total: s.total })),
    );
  });

  app.get<{ Params: { id: string } }>('/api/participants/:id/immune-panels', { schema: { tags: ['visits'] }, config: { action: 'visit.read' } }, async (req) => {
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    const panels = inVisitOrder(study.protocol, await participantVisitData(db, participant.id)).flatMap((v) => (v.panel ? [{ visitId: v.visitId, date: v.date, panel: computePanel(v.panel) }] : []));
    const [baseline] = panels;
    return panels.map((x) => ({
      ...x,
      tregTh17Ratio: x.panel.tregTh17Ratio,
      baselineVisitId: baseline?.visitId ?? null,
      changeFromBaseline: baseline ? comparePanels(baseline.panel, x.panel) : null,
    }));
  });
};
