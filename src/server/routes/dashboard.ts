import { z } from 'zod';
import { sitesFor } from '../../access/index.js';
import { cachedStudyDashboard } from '../../use-cases/study-dashboard-cache.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';

const dashboardQuery = z.object({ date: z.iso.date().optional() });

export const dashboardRoutes: RouteModule = (app, { db, now }) => {
  app.get<{ Params: { studyId: string } }>(
    '/api/studies/:studyId/dashboard',
    { schema: { tags: ['studies'], querystring: doc(dashboardQuery) }, config: { action: 'participant.read' } },
    async (req) => {
      const study = studyOf(req);
      const { date } = parseInput(dashboardQuery, req.query, 'query');
      return cachedStudyDashboard(db, study, sitesFor(principalOf(req), 'participant.read', study.id), date ?? isoDay(now()));
    },
  );
};
