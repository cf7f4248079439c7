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

/** Shared between requests, so frozen: a handler that changed it would change every later request's protocol. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The studies whose protocol this process holds for the database, as 'id:row version' (at most one per study). */
export function heldStudyVersions(q: Queryable): string[] {
  return [...(protocols.get(q) ?? new Map<string, { version: string }>())].map(([id, known]) => `${id}:${known.version}`);
}

/**
 * The select list of a study state over `studies s` (StudyStateRow); the protocol is sent only when
 * `held`, the parameter carrying heldStudyVersions, does not name the row's version.
 */
export function studyStateColumns(held: string): string {
  return `s.id AS s_id, s.protocol_id AS s_protocol_id, s.protocol_version AS s_protocol_version, s.title AS s_title, s.status AS s_status,
          s.locked_at IS NOT NULL AS s_locked, s.xmin::text AS s_row_version,
          CASE WHEN s.id || ':' || s.xmin::text = ANY(${held}::text[]) THEN NULL ELSE s.protocol END AS s_protocol`;
}

/** The state a row of studyStateColumns shows: the held protocol while the row is unchanged, else the one sent (then held, frozen). */
export function studyStateOf(q: Queryable, r: StudyStateRow): StudyState {
  let byStudy = protocols.get(q);
  if (!byStudy) protocols.set(q, (byStudy = new Map()));
  const known = byStudy.get(r.s_id);
  let protocol: Protocol;
  if (r.s_protocol === null && known) protocol = known.protocol;
  else {
    protocol = deepFreeze(r.s_protocol as Protocol);
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
  const [r] = await q.query<StudyStateRow>(`SELECT ${studyStateColumns('$2')} FROM studies s WHERE s.id = $1`, [id, heldStudyVersions(q)]);
  return r && studyStateOf(q, r);
}
