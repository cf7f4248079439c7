import { deepFreeze } from './deep-freeze.js';
import type { Protocol } from '../protocol/schema.js';
import type { Queryable } from './db.js';
import type { Study, StudyStatus } from './studies.js';

/** A study and whether it is locked, as one read of its row saw them. */
export interface StudyState {
  readonly study: Study;
  readonly locked: boolean;
}

/** The study-state columns of a query over `studies s` (studyStateColumns). */
export interface StudyStateRow {
  s_id: string;
  s_protocol_id: string;
  s_protocol_version: string;
  s_title: string;
  s_status: StudyStatus;
  s_locked: boolean;
  s_row_version: string;
  /** Null when the row is still the version the caller already holds the protocol of. */
  s_protocol: Protocol | null;
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

type Held = ReadonlyMap<string, { readonly version: string; readonly protocol: Protocol }>;

/**
 * The protocols this process holds for the database, as a query asks with them: `param`, each as
 * 'id:row version'. The same snapshot then serves the answer (studyStateOf), so a protocol another
 * request replaced meanwhile is never taken for the version the row names.
 */
export function heldProtocols(q: Queryable): { readonly held: Held; readonly param: string[] } {
  const held: Held = new Map(protocols.get(q));
  return { held, param: [...held].map(([id, known]) => `${id}:${known.version}`) };
}

/**
 * The select list of a study state over `studies s` (StudyStateRow); the protocol is sent only when
 * `held`, the parameter carrying heldProtocols' `param`, does not name the row's version.
 */
export function studyStateColumns(held: string): string {
  return `s.id AS s_id, s.protocol_id AS s_protocol_id, s.protocol_version AS s_protocol_version, s.title AS s_title, s.status AS s_status,
          s.locked_at IS NOT NULL AS s_locked, s.xmin::text AS s_row_version,
          CASE WHEN s.id || ':' || s.xmin::text = ANY(${held}::text[]) THEN NULL ELSE s.protocol END AS s_protocol`;
}

/** The state a row of studyStateColumns shows: the held protocol while the row is unchanged, else the one sent (then held, frozen). */
export function studyStateOf(q: Queryable, r: StudyStateRow, held: Held): StudyState {
  const known = held.get(r.s_id);
  let protocol: Protocol;
  if (r.s_protocol === null && known) protocol = known.protocol;
  else {
    // Shared between requests, so frozen: a handler that changed it would change every later request's protocol.
    protocol = deepFreeze(r.s_protocol as Protocol);
    let byStudy = protocols.get(q);
    if (!byStudy) protocols.set(q, (byStudy = new Map()));
    byStudy.set(r.s_id, { version: r.s_row_version, protocol });
  }
  return {
    study: { id: r.s_id, protocolId: r.s_protocol_id, protocolVersion: r.s_protocol_version, title: r.s_title, protocol, status: r.s_status },
    locked: r.s_locked,
  };
}

/**
 * The study and its lock state in one query; the protocol (the row's largest part) is sent and
 * parsed only when the row changed since this process last read it. The protocol is frozen.
 */
export async function findStudyState(q: Queryable, id: string): Promise<StudyState | undefined> {
  const { held, param } = heldProtocols(q);
  const [r] = await q.query<StudyStateRow>(`SELECT ${studyStateColumns('$2')} FROM studies s WHERE s.id = $1`, [id, param]);
  return r && studyStateOf(q, r, held);
}
