import { checkClosable, type DataQuery } from '../data-queries/data-query.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { updateQuery } from '../store/queries.js';
import type { Actor } from './actor.js';

/** Close an answered query: only its raiser does. */
export function closeQuery(db: Db, who: Actor, query: DataQuery): Promise<DataQuery> {
  return audited(db, { ...who, studyId: query.studyId }, (w) => {
    checkClosable(query, who.actor);
    return updateQuery(w, query.id, { status: 'closed', closed_by: who.actor, closed_at: who.at }, `Query ${query.id} closed by its raiser`);
  });
}
