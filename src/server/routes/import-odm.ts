import type { Readable } from 'node:stream';
import { z } from 'zod';
import { importOdm } from '../../use-cases/import-odm.js';
import { studyOf } from '../access.js';
import { callerOf } from '../caller.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';

/** The body is the ODM file itself (documented as a string; read as a stream). */
const odmBody = z.string().min(1, 'the body is the ODM file, sent as application/xml');

/** ODM import into a study (see use-cases/import-odm.ts): the body is the XML file itself. */
export const importOdmRoutes: RouteModule = (app, { db, now }) => {
  // The request body is handed on as its stream: the import parses it chunk by chunk, so a file of any size never sits whole in memory (no body limit is needed).
  app.addContentTypeParser(['application/xml', 'text/xml'], (_req, payload, done) => done(null, payload));

  app.post<{ Params: { studyId: string } }>('/api/studies/:studyId/import/odm', { schema: { tags: ['import'], body: doc(odmBody) }, config: { action: 'study.import' } }, async (req, reply) => {
    const result = await importOdm({ db, by: callerOf(req), at: now() }, req.body as Readable, studyOf(req).id);
    reply.status(201);
    return result;
  });
};
