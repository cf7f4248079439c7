import type { Protocol } from '../protocol/schema.js';
import { AppError } from '../errors/app-error.js';
import { audited, type AuditedTx, type WriteContext } from './audited-tx.js';
import type { Db, Queryable } from './db.js';
import { sites, studies } from './schema/index.js';
import { storeErrors } from './errors.js';
import { studyLifecycleErrors } from '../use-cases/studies/errors.js';

/** design: the protocol may still change and nothing is randomized; live: activated. */
export type StudyStatus = 'design' | 'live';

interface StudyRow {
  id: string;
  protocol_id: string;
  protocol_version: string;
  protocol: Protocol;
  title: string;
  status: StudyStatus;
}

export interface Study {
  readonly id: string;
  readonly protocolId: string;
  readonly protocolVersion: string;
  readonly title: string;
  readonly protocol: Protocol;
  readonly status: StudyStatus;
}

export interface StudySite {
  readonly id: string;
  readonly name: string;
}

const toStudy = (r: StudyRow): Study => ({ id: r.id, protocolId: r.protocol_id, protocolVersion: r.protocol_version, title: r.title, protocol: r.protocol, status: r.status });

/** Instantiate a protocol as a study (id = protocol id), with one site per site of the protocol. */
export async function createStudy(db: Db, ctx: Omit<WriteContext, 'studyId'>, protocol: Protocol): Promise<Study> {
  return audited(db, { ...ctx, studyId: protocol.id }, (w) => insertStudy(w, protocol, 'live'));
}

/** Insert the study row and one site per site of the protocol; a taken id is a 409. */
export async function insertStudy(w: AuditedTx, protocol: Protocol, status: StudyStatus): Promise<Study> {
  if ((await w.tx.query('SELECT 1 FROM studies WHERE id = $1', [protocol.id])).length) {
    throw new AppError(storeErrors.ALREADY_EXISTS, `A study "${protocol.id}" already exists; give the protocol another id.`, 'id');
  }
  const row = await w.insert(studies, {
    id: protocol.id,
    protocol_id: protocol.id,
    protocol_version: protocol.version,
    protocol,
    title: protocol.title,
    status,
  });
  for (const s of protocol.sites) await w.insert(sites, { study_id: protocol.id, id: s.id, name: s.name });
  return toStudy(row);
}

export async function listStudies(q: Queryable): Promise<Study[]> {
  return (await q.query<StudyRow>('SELECT * FROM studies ORDER BY id')).map(toStudy);
}

export async function findStudy(q: Queryable, id: string): Promise<Study | undefined> {
  const [r] = await q.query<StudyRow>('SELECT * FROM studies WHERE id = $1', [id]);
  return r && toStudy(r);
}

export async function listSites(q: Queryable, studyId: string): Promise<StudySite[]> {
  return q.query<StudySite>('SELECT id, name FROM sites WHERE study_id = $1 ORDER BY id', [studyId]);
}

/** Refuse work that needs a live study (registering, randomizing) while it is still a design. */
export async function assertStudyLive(q: Queryable, studyId: string): Promise<void> {
  const [r] = await q.query<{ status: StudyStatus }>('SELECT status FROM studies WHERE id = $1', [studyId]);
  if (r?.status === 'design') throw new AppError(studyLifecycleErrors.NOT_LIVE, `Study ${studyId} is still a design: an administrator activates it first.`, 'studyId');
}
