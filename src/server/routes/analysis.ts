import { z } from 'zod';
import { authenticate } from '../../auth/accounts.js';
import type { Principal } from '../../auth/principal.js';
import type { Role } from '../../auth/roles.js';
import { analyseStudy } from '../../analysis/endpoints/analyse-study.js';
import type { AnalysisView } from '../../analysis/endpoints/types.js';
import { buildReport } from '../../analysis/report/build-report.js';
import { renderReportHtml } from '../../analysis/report/render-html.js';
import { AppError } from '../../errors/app-error.js';
import { blindedRoles, type UserRole } from '../../randomization/index.js';
import { loadAnalysisData } from '../../use-cases/analysis-data.js';
import type { Queryable } from '../../store/db.js';
import { studyLock, type StudyLock } from '../../store/lock.js';
import { lockStudy } from '../../use-cases/lock-study.js';
import type { Study } from '../../store/studies.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { parseInput } from '../validate.js';
import { visibleStudy } from './studies.js';

const lockBody = z.object({ reason: z.string().trim().min(1, 'give the reason for the lock'), password: z.string().min(1, 'confirm the lock with your password') });

const userRole = (r: Role): UserRole => (r === 'unblinded-pharmacist' ? 'pharmacist' : r);
const studyWide = (p: Principal, studyId: string) => p.assignments.filter((a) => (a.studyId === null || a.studyId === studyId) && a.siteId === null);

/**
 * What the caller may see of the analysis. Pooled before lock, for everyone (the blind review of ICH E9);
 * by arm after lock, for a caller holding a study-wide role the protocol's masking leaves unblinded
 * after lock (src/randomization masking: the statistician, the pharmacist; every role in an open
 * study). Monitors, data managers and administrators stay blinded in a masked study.
 */
export function analysisView(p: Principal, study: Study, lock: StudyLock): AnalysisView {
  if (!lock.locked) return { kind: 'pooled' };
  const blinded = blindedRoles(study.protocol, { locked: true });
  return studyWide(p, study.id).some((a) => !blinded.includes(userRole(a.role))) ? { kind: 'by-arm' } : { kind: 'pooled' };
}

/** The study, if the caller holds a study-wide role in it: analyses cover every site. */
async function analysableStudy(q: Queryable, p: Principal, studyId: string): Promise<{ study: Study; lock: StudyLock; view: AnalysisView }> {
  const study = await visibleStudy(q, p, studyId);
  if (studyWide(p, studyId).length === 0) throw new AppError('Forbidden', `The analysis of study ${studyId} covers every site: it needs a study-wide role.`, 403);
  const lock = (await studyLock(q, studyId))!;
  return { study, lock, view: analysisView(p, study, lock) };
}

/** The view above decides pooled or by arm; the global masking hook (src/server/masking.ts) still applies to the JSON. */
const own = { tags: ['analysis'] };

export const analysisRoutes: RouteModule = (app, { db, now }) => {
  app.post<{ Params: { studyId: string } }>('/api/studies/:studyId/lock', { schema: own }, async (req) => {
    const p = principalOf(req);
    const study = await visibleStudy(db, p, req.params.studyId);
    const body = parseInput(lockBody, req.body);
    if (!p.assignments.some((a) => (a.studyId === null || a.studyId === study.id) && (a.role === 'data-manager' || a.role === 'admin'))) {
      throw new AppError('Forbidden', `Only a data manager or an administrator may lock study ${study.id}.`, 403);
    }
    await authenticate(db, p.username, body.password);
    return lockStudy(db, { actor: p.userId, at: now() }, study.id, body.reason);
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/analysis', { schema: own }, async (req) => {
    const { study, lock, view } = await analysableStudy(db, principalOf(req), req.params.studyId);
    return { locked: lock.locked, lockedAt: lock.lockedAt, ...analyseStudy(await loadAnalysisData(db, study, isoDay(now())), view) };
  });

  const report = async (studyId: string, p: Principal) => {
    const { study, lock, view } = await analysableStudy(db, p, studyId);
    const cutOff = isoDay(now());
    return buildReport(await loadAnalysisData(db, study, cutOff), { id: study.id, lockedAt: lock.lockedAt }, cutOff, view);
  };
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/report', { schema: own }, async (req) => report(req.params.studyId, principalOf(req)));
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/report.html', { schema: own }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(renderReportHtml(await report(req.params.studyId, principalOf(req)))),
  );
};
