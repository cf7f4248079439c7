import type { DataQuery } from '../data-queries/data-query.js';
import { checkQueryField } from '../edit-checks/query-field.js';
import type { Participant } from '../enrolment/participant.js';
import type { Protocol } from '../protocol/schema.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { insertQuery } from '../store/queries.js';
import { protocolVisit } from '../visits/visit-entries.js';
import type { Actor } from './actor.js';

/** Raise a data query on one field of a participant (of one of the protocol's visits, when named). */
export function raiseQuery(db: Db, who: Actor, p: Participant, protocol: Protocol, q: { visitId: string | null; field: string; text: string }): Promise<DataQuery> {
  checkQueryField(q.visitId === null ? null : protocolVisit(protocol, q.visitId), q.field, protocol);
  return audited(db, { ...who, studyId: p.studyId }, (w) => insertQuery(w, { studyId: p.studyId, siteId: p.siteId, participantId: p.id, ...q }));
}
