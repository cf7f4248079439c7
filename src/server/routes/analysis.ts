import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unblindedGrantsFor } from '../../access/index.js';
import { authenticate } from '../../auth/accounts.js';
import type { Principal } from '../../auth/principal.js';
import { analyseStudy } from '../../analysis/endpoints/analyse-study.js';
import type { AnalysisView } from '../../analysis/endpoints/types.js';
import { buildReport } from '../../analysis/report/build-report.js';
import { renderReportHtml } from '../../analysis/report/render-html.js';
import { loadAnalysisData } from '../../use-cases/analysis-data.js';
import type { Queryable } from '../../store/db.js';
import { studyLock, type StudyLock } from '../../store/lock.js';
import { lockStudy } from '../../use-cases/lock-study.js';
import type { Study } from '../../store/studies.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { parseInput } from '../validate.js';

const lockBody = z.object({ reason: z.string().trim().min(1, 'give the reason for the lock'), password: z.string().min(1, 'confirm the lock with your password') });

/**
 * What the caller may see of the analysis. Pooled before lock, for everyone (the blind review of ICH E9);
 * by arm after lock, for a caller whose grant to read the analysis is a role the protocol's masking
 * leaves unblinded after lock (src/access/blinding.ts: the statistician; every role in an open
 * study). Monitors, data managers and administrators stay blinded in a masked study.
 */
export function analysisView(p: Principal, study: Study, lock: StudyLock): AnalysisView {
  if (!lock.locked) return { kind: 'pooled' };
  const unblinded = unblindedGrantsFor(p, 'analysis.read', { studyId: study.id }, study.protocol.design.masking, { locked: true });
  return unblinded.length > 0 ? { kind: 'by-arm' } : { kind: 'pooled' };
}

/** The route's study (the policy let the caller read its analysis), its lock and the caller's view of it. */
async function analysableStudy(q: Queryable, p: Principal, study: Study): Promise<{ study: Study; lock: StudyLock; view: AnalysisView }> {
  const lock = (await studyLock(q, study.id))!;
  return { study, lock, view: analysisView(p, study, lock) };
}

/** The view above decides pooled or by arm; the global masking hook (src/server/masking.ts) still applies to the JSON. */
const own = { tags: ['analysis'] };

export const analysisRoutes: RouteModule = (app, { db, now }) => {
  app.post<{ Params: { studyId: string } }>('/api/studies/:studyId/lock', { schema: own, config: { action: 'lock' } }, async (req) => {
    const p = principalOf(req);
    const study = studyOf(req);
    const body = parseInput(lockBody, req.body);
    await authenticate(db, p.username, body.password);
    return lockStudy(db, { actor: p.userId, at: now() }, study.id, body.reason);
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/analysis', { schema: own, config: { action: 'analysis.read' } }, async (req) => {
    const { study, lock, view } = await analysableStudy(db, principalOf(req), studyOf(req));
    return { locked: lock.locked, lockedAt: lock.lockedAt, ...analyseStudy(await loadAnalysisData(db, study, isoDay(now())), view) };
  });

  const report = async (req: FastifyRequest) => {
    const { study, lock, view } = await analysableStudy(db, principalOf(req), studyOf(req));
    const cutOff = isoDay(now());
    return buildReport(await loadAnalysisData(db, study, cutOff), { id: study.id, lockedAt: lock.lockedAt }, cutOff, view);
  };
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/report', { schema: own, config: { action: 'analysis.read' } }, async (req) => report(req));
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/report.html', { schema: own, config: { action: 'analysis.read' } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(renderReportHtml(await report(req))),
  );
};
