import { z } from 'zod';
import { importRedcapRecords } from '../../use-cases/import-redcap-records.js';
import { studyOf } from '../access.js';
import { callerOf } from '../caller.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';

const recordsBody = z.string().min(1, 'the body is the REDCap records CSV, sent as text/csv');
const recordsBodyLimit = 256 * 1024 * 1024;

/** REDCap records import into a study (see use-cases/import-redcap-records.ts); the export is GET …/export/redcap/FILE. */
export const redcapRecordRoutes: RouteModule = (app, { db, now }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: recordsBodyLimit }, (_req, body, done) => done(null, body));

  app.post<{ Params: { studyId: string } }>(
    '/api/studies/:studyId/import/redcap',
    { schema: { tags: ['import'], body: doc(recordsBody) }, bodyLimit: recordsBodyLimit, config: { action: 'study.import' } },
    async (req, reply) => {
      const csv = parseInput(recordsBody, req.body);
      const result = await importRedcapRecords({ db, by: callerOf(req), at: now() }, csv, studyOf(req).id);
      reply.status(201);
      return result;
    },
  );
};
