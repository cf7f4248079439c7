import { AppError } from '../errors/app-error.js';
import type { Protocol } from '../protocol/schema.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { studies } from './schema/index.js';
import { storeErrors } from './errors.js';

export interface SiteRecord {
  readonly studyId: string;
  readonly id: string;
  readonly name: string;
  /** The day the site closed to recruitment, YYYY-MM-DD; null while open. */
  readonly closedOn: string | null;
}

interface SiteRow {
  study_id: string;
  id: string;
  name: string;
  closed_on: string | null;
}

const toSite = (r: SiteRow): SiteRecord => ({ studyId: r.study_id, id: r.id, name: r.name, closedOn: r.closed_on });

export async function listSiteRecords(q: Queryable, studyId: string): Promise<SiteRecord[]> {
  return (await q.query<SiteRow>('SELECT study_id, id, name, closed_on FROM sites WHERE study_id = $1 ORDER BY id', [studyId])).map(toSite);
}

export async function findSite(q: Queryable, studyId: string, siteId: string): Promise<SiteRecord | undefined> {
  const [r] = await q.query<SiteRow>('SELECT study_id, id, name, closed_on FROM sites WHERE study_id = $1 AND id = $2', [studyId, siteId]);
  return r && toSite(r);
}

export async function requireSite(q: Queryable, studyId: string, siteId: string): Promise<SiteRecord> {
  const s = await findSite(q, studyId, siteId);
  if (!s) throw new AppError(storeErrors.NOT_FOUND, `Study ${studyId} has no site "${siteId}".`, 'siteId');
  return s;
}

/** The study row's protocol, locked for the rest of the transaction (site changes rewrite its `sites`). */
export async function lockedProtocol(w: AuditedTx, studyId: string): Promise<Protocol> {
  const [r] = await w.tx.query<{ protocol: Protocol }>('SELECT protocol FROM studies WHERE id = $1 FOR UPDATE', [studyId]);
  if (!r) throw new AppError(storeErrors.NOT_FOUND, `No study "${studyId}" exists.`, 'studyId');
  return r.protocol;
}

/**
 * Store the study's protocol with a new site list. The randomization stratifies by the protocol's
 * sites, so the table and the protocol must name the same ones.
 */
export async function saveProtocolSites(w: AuditedTx, studyId: string, protocol: Protocol, sites: Protocol['sites'], reason: string): Promise<void> {
  await w.update(studies, { id: studyId }, { protocol: { ...protocol, sites } }, reason);
}
