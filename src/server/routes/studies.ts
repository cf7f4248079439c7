import { can, sitesFor } from '../../access/index.js';
import { studyLock } from '../../store/lock.js';
import { listParticipants } from '../../store/participants.js';
import { listSites, listStudies } from '../../store/studies.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';

export const studyRoutes: RouteModule = (app, { db }) => {
  app.get('/api/studies', { schema: { tags: ['studies'] }, config: { action: 'study.read' } }, async (req) => {
    const p = principalOf(req);
    const studies = (await listStudies(db)).filter((s) => can(p, 'study.read', { studyId: s.id }));
    return Promise.all(
      studies.map(async (s) => {
        const participants = await listParticipants(db, s.id, sitesFor(p, 'study.read', s.id));
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

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId', { schema: { tags: ['studies'] }, config: { action: 'study.read' } }, async (req) => {
    const s = studyOf(req);
    // The access check read whether the study is locked; only a locked one's lock is read for its time.
    const lock = req.studyLocked === false ? undefined : await studyLock(db, s.id);
    return {
      study: { id: s.id, protocolId: s.protocolId, protocolVersion: s.protocolVersion, title: s.title, status: s.status, locked: lock?.locked ?? false, lockedAt: lock?.lockedAt ?? null },
      protocol: s.protocol,
    };
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/sites', { schema: { tags: ['studies'] }, config: { action: 'study.read' } }, async (req) => {
    const s = studyOf(req);
    const sites = sitesFor(principalOf(req), 'study.read', s.id);
    return (await listSites(db, s.id)).filter((x) => sites === 'all' || sites.includes(x.id));
  });
};
