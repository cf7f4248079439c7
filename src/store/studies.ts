import type { Protocol } from '../protocol/schema.js';
import { audited, type WriteContext } from './audited-tx.js';
import type { Db, Queryable } from './db.js';

interface StudyRow {
  id: string;
  protocol_id: string;
  protocol_version: string;
  protocol: Protocol;
  title: string;
}

export interface Study {
  readonly id: string;
  readonly protocolId: string;
  readonly protocolVersion: string;
  readonly title: string;
  readonly protocol: Protocol;
}

export interface StudySite {
  readonly id: string;
  readonly name: string;
}

const toStudy = (r: StudyRow): Study => ({ id: r.id, protocolId: r.protocol_id, protocolVersion: r.protocol_version, title: r.title, protocol: r.protocol });

/** Instantiate a protocol as a study (id = protocol id), with one site per site of the protocol. */
export async function createStudy(db: Db, ctx: Omit<WriteContext, 'studyId'>, protocol: Protocol): Promise<Study> {
  return audited(db, { ...ctx, studyId: protocol.id }, async (w) => {
    const row = await w.insert<StudyRow>('studies', {
      id: protocol.id,
      protocol_id: protocol.id,
      protocol_version: protocol.version,
      protocol: JSON.stringify(protocol),
      title: protocol.title,
    });
    for (const s of protocol.sites) await w.insert('sites', { study_id: protocol.id, id: s.id, name: s.name });
    return toStudy(row);
  });
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
