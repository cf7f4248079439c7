import { z } from 'zod';
import { sitesFor } from '../../access/index.js';
import { dashboardPage } from '../../use-cases/dashboard-page.js';
import { cachedStudyDashboard } from '../../use-cases/study-dashboard-cache.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';

const offset = z.coerce.number().int().min(0).optional();
/** Without `limit`, every item of each list; with it, `limit` items of each from its offset. */
const dashboardQuery = z.object({
  date: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  visitsDueOffset: offset,
  visitsOverdueOffset: offset,
  dosesDueOffset: offset,
});

export const dashboardRoutes: RouteModule = (app, { db, now }) => {
  app.get<{ Params: { studyId: string } }>(
    '/api/studies/:studyId/dashboard',
    { schema: { tags: ['studies'], querystring: doc(dashboardQuery) }, config: { action: 'participant.read' } },
    async (req) => {
      const study = studyOf(req);
      const { date, limit, visitsDueOffset, visitsOverdueOffset, dosesDueOffset } = parseInput(dashboardQuery, req.query, 'query');
      const dashboard = await cachedStudyDashboard(db, study, sitesFor(principalOf(req), 'participant.read', study.id), date ?? isoDay(now()));
      return dashboardPage(dashboard, { limit, offsets: { visitsDue: visitsDueOffset, visitsOverdue: visitsOverdueOffset, dosesDue: dosesDueOffset } });
    },
  );
};
