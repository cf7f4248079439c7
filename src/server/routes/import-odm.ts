import { z } from 'zod';
import { importOdm } from '../../use-cases/import-odm.js';
import { studyOf } from '../access.js';
import { callerOf } from '../caller.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';

const odmBody = z.string().min(1, 'the body is the ODM file, sent as application/xml');
/** An ODM file of a large study is many megabytes; Fastify's default body limit is 1 MiB. */
const odmBodyLimit = 256 * 1024 * 1024;

/** ODM import into a study (see use-cases/import-odm.ts): the body is the XML file itself. */
export const importOdmRoutes: RouteModule = (app, { db, now }) => {
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: odmBodyLimit }, (_req, body, done) => done(null, body));

  app.post<{ Params: { studyId: string } }>(
    '/api/studies/:studyId/import/odm',
    { schema: { tags: ['import'], body: doc(odmBody) }, bodyLimit: odmBodyLimit, config: { action: 'study.import' } },
    async (req, reply) => {
      const xml = parseInput(odmBody, req.body);
      const result = await importOdm({ db, by: callerOf(req), at: now() }, xml, studyOf(req).id);
      reply.status(201);
      return result;
    },
  );
};
