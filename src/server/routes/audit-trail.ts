import { maskAuditRecord } from '../../audit/mask-audit-record.js';
import { studyAuditTrail } from '../../store/audit-trail.js';
import { studyLock } from '../../store/lock.js';
import { isBlindedIn } from '../masking.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { trailQuery } from '../../api/analysis.js';

export const auditTrailRoutes: RouteModule = (app, { db }) => {
  /**
   * A study's audit trail, newest first, a page at a time. A blinded reader gets each record without
   * its arm-revealing changes and without hashes (src/audit/mask-audit-record.ts); the global masking
   * hook then applies as to every response.
   */
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/audit', { schema: { tags: ['audit'], querystring: doc(trailQuery) }, config: { action: 'audit.read' } }, async (req) => {
    const p = principalOf(req);
    const study = studyOf(req);
    const filter = parseInput(trailQuery, req.query, 'query');
    const page = await studyAuditTrail(db, study.id, filter);
    const blinded = isBlindedIn(p, study, (await studyLock(db, study.id))?.locked ?? false);
    return { records: blinded ? page.records.map(maskAuditRecord) : page.records, next: page.next };
  });
};
