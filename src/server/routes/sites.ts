import { addSite, closeSite, renameSite } from '../../use-cases/sites/site-changes.js';
import { requireAction } from '../../use-cases/use-case-context.js';
import { callerOf } from '../caller.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { newSiteBody, siteChangeBody } from '../../api/studies.js';

type SiteParams = { Params: { studyId: string; siteId: string } };

/** A study's sites: the administrator adds, renames and closes them. */
export const siteRoutes: RouteModule = (app, { db, now }) => {
  app.post<{ Params: { studyId: string } }>('/api/studies/:studyId/sites', { schema: { tags: ['studies'], body: doc(newSiteBody) }, config: { action: 'site.manage' } }, async (req, reply) => {
    const c = { db, by: callerOf(req), at: now() };
    requireAction(c.by, 'site.manage', req.params.studyId);
    const body = parseInput(newSiteBody, req.body);
    const site = await addSite(c, { studyId: req.params.studyId, siteId: body.id, name: body.name });
    reply.status(201);
    return site;
  });

  app.patch<SiteParams>('/api/studies/:studyId/sites/:siteId', { schema: { tags: ['studies'], body: doc(siteChangeBody) }, config: { action: 'site.manage' } }, async (req) => {
    const c = { db, by: callerOf(req), at: now() };
    const { studyId, siteId } = req.params;
    requireAction(c.by, 'site.manage', studyId);
    const body = parseInput(siteChangeBody, req.body);
    let site = body.name === undefined ? undefined : await renameSite(c, { studyId, siteId, name: body.name, reason: body.reason });
    if (body.closedOn !== undefined) site = await closeSite(c, { studyId, siteId, closedOn: body.closedOn, reason: body.reason as string });
    return site;
  });
};
