import { z } from 'zod';
import { visibleSites } from '../../auth/principal.js';
import { studyDashboard } from '../../use-cases/study-dashboard.js';
import { listParticipants } from '../../store/participants.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleStudy } from './studies.js';

const dashboardQuery = z.object({ date: z.iso.date().optional() });

export const dashboardRoutes: RouteModule = (app, { db, now }) => {
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/dashboard', { schema: { tags: ['studies'], querystring: doc(dashboardQuery) } }, async (req) => {
    const p = principalOf(req);
    const study = await visibleStudy(db, p, req.params.studyId);
    const { date } = parseInput(dashboardQuery, req.query, 'query');
    const participants = await listParticipants(db, study.id, visibleSites(p, study.id));
    return studyDashboard(db, study.protocol, participants, date ?? isoDay(now()));
  });
};
