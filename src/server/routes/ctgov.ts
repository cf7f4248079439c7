import { ctgovImportBody } from '../../api/ctgov.js';
import { importStudyRecord } from '../../interop/ctgov/import-record.js';
import { readStudyRecord } from '../../interop/ctgov/read-record.js';
import { createStudyFromProtocol } from '../../use-cases/studies/create-study.js';
import { requireAction } from '../../use-cases/use-case-context.js';
import { callerOf } from '../caller.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';

/** A registry record is a few hundred kilobytes; a multi-site record with results reaches a few megabytes. */
const recordBodyLimit = 16 * 1024 * 1024;

/** ClinicalTrials.gov: a study record in as a protocol draft and (with `create`) a design-stage study. */
export const ctgovRoutes: RouteModule = (app, { db, now }) => {
  app.post('/api/studies/import/ctgov', { schema: { tags: ['studies', 'import'], body: doc(ctgovImportBody) }, bodyLimit: recordBodyLimit, config: { action: 'study.create' } }, async (req, reply) => {
    const c = { db, by: callerOf(req), at: now() };
    requireAction(c.by, 'study.create', null);
    const body = parseInput(ctgovImportBody, req.body);
    const { protocol, report } = importStudyRecord(readStudyRecord(body.record, 'The uploaded record'));
    if (!body.create) return { protocol, report };
    const s = await createStudyFromProtocol(c, protocol);
    reply.status(201);
    return { study: { id: s.id, title: s.title, status: s.status, protocolVersion: s.protocolVersion }, protocol, report };
  });
};
