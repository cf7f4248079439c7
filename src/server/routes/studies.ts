import { canSeeStudy, isAdmin, visibleSites, type Principal } from '../../auth/principal.js';
import { AppError } from '../../errors/app-error.js';
import { studyLock } from '../../store/lock.js';
import { listParticipants } from '../../store/participants.js';
import { findStudy, listSites, listStudies, type Study } from '../../store/studies.js';
import type { Queryable } from '../../store/db.js';
import { principalOf, type RouteModule } from '../context.js';

/** The study if the user holds a role in it; a 404 otherwise (not even its existence is shown). */
export async function visibleStudy(q: Queryable, p: Principal, studyId: string): Promise<Study> {
  const study = canSeeStudy(p, studyId) ? await findStudy(q, studyId) : undefined;
  if (!study) throw new AppError('NotFound', `No study "${studyId}" is visible to you.`, 404, 'studyId');
  return study;
}

export const studyRoutes: RouteModule = (app, { db }) => {
  app.get('/api/studies', { schema: { tags: ['studies'] } }, async (req) => {
    const p = principalOf(req);
    const studies = (await listStudies(db)).filter((s) => isAdmin(p) || canSeeStudy(p, s.id));
    return Promise.all(
      studies.map(async (s) => {
        const participants = await listParticipants(db, s.id, visibleSites(p, s.id));
        return {
          id: s.id,
          protocolId: s.protocolId,
          title: s.title,
          status: s.status,
          registryId: s.protocol.identifiers.registryId ?? s.protocol.identifiers.orgStudyId ?? null,
          phase: s.protocol.phase,
          enrolmentTarget: s.protocol.enrolment.target,
          enrolled: participants.filter((x) => x.enrolledOn !== null).length,
        };
      }),
    );
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId', { schema: { tags: ['studies'] } }, async (req) => {
    const s = await visibleStudy(db, principalOf(req), req.params.studyId);
    const lock = await studyLock(db, s.id);
    return { study: { id: s.id, protocolId: s.protocolId, protocolVersion: s.protocolVersion, title: s.title, status: s.status, locked: lock?.locked ?? false, lockedAt: lock?.lockedAt ?? null }, protocol: s.protocol };
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/sites', { schema: { tags: ['studies'] } }, async (req) => {
    const p = principalOf(req);
    const s = await visibleStudy(db, p, req.params.studyId);
    const sites = visibleSites(p, s.id);
    return (await listSites(db, s.id)).filter((x) => sites === 'all' || sites.includes(x.id));
  });
};
