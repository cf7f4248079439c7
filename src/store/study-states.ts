import type { Protocol } from '../protocol/schema.js';
import type { Queryable } from './db.js';
import type { Study, StudyStatus } from './studies.js';

/** A study and whether it is locked, as one read of its row saw them. */
export interface StudyState {
  readonly study: Study;
  readonly locked: boolean;
}

interface StateRow {
  id: string;
  protocol_id: string;
  protocol_version: string;
  title: string;
  status: StudyStatus;
  locked: boolean;
  row_version: string;
  /** Null when the row is still the version the caller already holds the protocol of. */
  protocol: Protocol | null;
}

/**
 * Parsed protocols by database and study, with the row version (PostgreSQL's `xmin`: the id of the
 * transaction that wrote this version of the row) they were read at. Any update of the row (an
 * amendment, a corrected criterion, a site change, activation, the lock) writes a new row version,
 * so a cached protocol is used only while the row is exactly the one it came from, in this process
 * or any other writing to the same database. Transaction ids are cluster-wide, so a dropped and
 * re-created schema never shows an old version's id again.
 */
const protocols = new WeakMap<Queryable, Map<string, { readonly version: string; readonly protocol: Protocol }>>();

/** Shared between requests, so frozen: a handler that changed it would change every later request's protocol. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The study and its lock state in one query; the protocol (the row's largest part) is sent and
 * parsed only when the row changed since this process last read it. The protocol is frozen.
 */
export async function findStudyState(q: Queryable, id: string): Promise<StudyState | undefined> {
  let byStudy = protocols.get(q);
  if (!byStudy) protocols.set(q, (byStudy = new Map()));
  const known = byStudy.get(id);
  const [r] = await q.query<StateRow>(
    `SELECT id, protocol_id, protocol_version, title, status, locked_at IS NOT NULL AS locked, xmin::text AS row_version,
            CASE WHEN xmin::text = $2 THEN NULL ELSE protocol END AS protocol
       FROM studies WHERE id = $1`,
    [id, known?.version ?? ''],
  );
  if (!r) return undefined;
  let protocol: Protocol;
  if (r.protocol === null && known) protocol = known.protocol;
  else {
    protocol = deepFreeze(r.protocol as Protocol);
    byStudy.set(id, { version: r.row_version, protocol });
  }
  return {
    study: { id: r.id, protocolId: r.protocol_id, protocolVersion: r.protocol_version, title: r.title, protocol, status: r.status },
    locked: r.locked,
  };
}
