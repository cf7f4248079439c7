import { AppError } from '../errors/app-error.js';
import { isInstrumentId, type LabAnalyte } from '../instruments/index.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import type { VisitData, VisitObservationsInput } from './observations.js';

export const queryStatuses = ['open', 'answered', 'closed'] as const;
export type QueryStatus = (typeof queryStatuses)[number];

/** A data query: raised on one field of a participant (of one visit), answered by the site, closed by its raiser. */
export interface DataQuery {
  readonly id: string;
  readonly studyId: string;
  readonly siteId: string;
  readonly participantId: string;
  readonly visitId: string | null;
  readonly field: string;
  readonly text: string;
  readonly status: QueryStatus;
  readonly raisedBy: string;
  readonly raisedAt: string;
  readonly answer: string | null;
  readonly answeredBy: string | null;
  readonly answeredAt: string | null;
  readonly closedBy: string | null;
  readonly closedAt: string | null;
}

interface QueryRow {
  id: string;
  study_id: string;
  site_id: string;
  participant_id: string;
  visit_id: string | null;
  field: string;
  text: string;
  status: QueryStatus;
  raised_by: string;
  raised_at: Date;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  closed_by: string | null;
  closed_at: Date | null;
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

const toQuery = (r: QueryRow): DataQuery => ({
  id: r.id,
  studyId: r.study_id,
  siteId: r.site_id,
  participantId: r.participant_id,
  visitId: r.visit_id,
  field: r.field,
  text: r.text,
  status: r.status,
  raisedBy: r.raised_by,
  raisedAt: iso(r.raised_at) as string,
  answer: r.answer,
  answeredBy: r.answered_by,
  answeredAt: iso(r.answered_at),
  closedBy: r.closed_by,
  closedAt: iso(r.closed_at),
});

export interface NewQuery {
  readonly studyId: string;
  readonly siteId: string;
  readonly participantId: string;
  readonly visitId: string | null;
  readonly field: string;
  readonly text: string;
}

export async function raiseQuery(w: AuditedTx, q: NewQuery): Promise<DataQuery> {
  return toQuery(
    await w.insert<QueryRow>('queries', {
      study_id: q.studyId,
      site_id: q.siteId,
      participant_id: q.participantId,
      entity: q.visitId === null ? 'participant' : 'visit',
      entity_id: q.visitId ?? q.participantId,
      visit_id: q.visitId,
      field: q.field,
      text: q.text,
      status: 'open',
      raised_by: w.ctx.actor,
      raised_at: w.ctx.at,
    }),
  );
}

function requireStatus(q: DataQuery, status: QueryStatus, step: string): void {
  if (q.status !== status) throw new AppError('QueryNotOpen', `Query ${q.id} is ${q.status}, so it cannot be ${step}; only an ${status} query can.`, 409, 'status');
}

export async function answerQuery(w: AuditedTx, q: DataQuery, answer: string): Promise<DataQuery> {
  requireStatus(q, 'open', 'answered');
  const patch = { status: 'answered', answer, answered_by: w.ctx.actor, answered_at: w.ctx.at };
  return toQuery(await w.update<QueryRow>('queries', { id: q.id }, patch, `Site answer to query ${q.id}`));
}

export async function closeQuery(w: AuditedTx, q: DataQuery): Promise<DataQuery> {
  if (q.raisedBy !== w.ctx.actor) throw new AppError('Forbidden', `Only the user who raised query ${q.id} may close it.`, 403);
  requireStatus(q, 'answered', 'closed');
  return toQuery(await w.update<QueryRow>('queries', { id: q.id }, { status: 'closed', closed_by: w.ctx.actor, closed_at: w.ctx.at }, `Query ${q.id} closed by its raiser`));
}

export async function findQuery(q: Queryable, id: string): Promise<DataQuery | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [r] = await q.query<QueryRow>('SELECT * FROM queries WHERE id = $1', [id]);
  return r && toQuery(r);
}

/** A study's queries at the given sites, optionally of one status, oldest first. */
/** A query as the lists show it: with the participant's code and the names of who raised, answered and closed it. */
export interface QueryListing extends DataQuery {
  readonly participantCode: string;
  readonly raisedByName: string;
  readonly answeredByName: string | null;
  readonly closedByName: string | null;
}

/** The study's queries at `sites`, oldest first, optionally of one status. */
export async function listQueries(q: Queryable, studyId: string, sites: 'all' | readonly string[], status?: QueryStatus): Promise<QueryListing[]> {
  const rows = await q.query<QueryRow & { participant_code: string; raised_by_name: string; answered_by_name: string | null; closed_by_name: string | null }>(
    `SELECT q.*, p.code AS participant_code, r.display_name AS raised_by_name, a.display_name AS answered_by_name, c.display_name AS closed_by_name
       FROM queries q JOIN participants p ON p.id = q.participant_id JOIN users r ON r.id = q.raised_by
       LEFT JOIN users a ON a.id = q.answered_by LEFT JOIN users c ON c.id = q.closed_by
      WHERE q.study_id = $1 AND ($2::text[] IS NULL OR q.site_id = ANY($2::text[])) AND ($3::text IS NULL OR q.status = $3)
      ORDER BY q.raised_at, q.id`,
    [studyId, sites === 'all' ? null : [...sites], status ?? null],
  );
  return rows.map((r) => ({
    ...toQuery(r),
    participantCode: r.participant_code,
    raisedByName: r.raised_by_name,
    answeredByName: r.answered_by_name,
    closedByName: r.closed_by_name,
  }));
}

/**
 * The visit's saved data with one field replaced, ready to save again: `field` is a visit-form field
 * id (`<instrument>.<item>`, `labs.<analyte>`, `immune-panel.<subset>`) whose value was saved.
 */
export function correctedVisitInput(v: VisitData, field: string, value: number): VisitObservationsInput {
  const dot = field.indexOf('.');
  const [section, key] = [field.slice(0, dot), field.slice(dot + 1)];
  const refuse = () => new AppError('CorrectionNotAllowed', `Field "${field}" has no saved value at visit ${v.visitId} to correct.`, 400, 'correction');
  const labs = v.labs.map(({ analyte, value, unit }) => ({ analyte, value, unit }));
  const base = { date: v.date, values: v.values, labs, ...(v.panel ? { panel: v.panel } : {}) };
  if (section === 'labs') {
    if (!v.labs.some((l) => l.analyte === key)) throw refuse();
    return { ...base, labs: labs.map((l) => (l.analyte === (key as LabAnalyte) ? { ...l, value } : l)) };
  }
  if (section === 'immune-panel') {
    const panel = v.panel;
    if (!panel) throw refuse();
    if (key === 'lymphocytes') return { ...base, panel: { ...panel, lymphocytesPerUl: value } };
    if (!(key in panel.percentOfParent)) throw refuse();
    return { ...base, panel: { ...panel, percentOfParent: { ...panel.percentOfParent, [key]: value } } };
  }
  const items = v.values[section];
  if (!isInstrumentId(section) || !items || !(key in items)) throw refuse();
  return { ...base, values: { ...v.values, [section]: { ...items, [key]: value } } };
}
