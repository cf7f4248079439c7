import type { DataQuery } from '../data-queries/data-query.js';
import type { Participant } from '../enrolment/participant.js';
import type { Protocol } from '../protocol/schema.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { insertQuery } from '../store/queries.js';
import { protocolVisit } from '../visits/visit-entries.js';
import type { Actor } from './actor.js';

/** Raise a data query on one field of a participant (of one of the protocol's visits, when named). */
export function raiseQuery(db: Db, who: Actor, p: Participant, protocol: Protocol, q: { visitId: string | null; field: string; text: string }): Promise<DataQuery> {
  if (q.visitId !== null) protocolVisit(protocol, q.visitId);
  return audited(db, { ...who, studyId: p.studyId }, (w) => insertQuery(w, { studyId: p.studyId, siteId: p.siteId, participantId: p.id, ...q }));
}
