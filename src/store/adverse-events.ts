import { AppError } from '../errors/app-error.js';
import { checkAdverseEvent, type AdverseEvent, type AdverseEventFields } from '../safety/adverse-event.js';
import type { AuditedTx } from './audited-tx.js';
import { adverseEvents, type NewRow, type Row } from './schema/index.js';
import type { Queryable } from './db.js';
import { storeErrors } from './errors.js';

type AeRow = Row<typeof adverseEvents>;

const toAe = (r: AeRow): AdverseEvent => ({
  id: r.id,
  participantId: r.participant_id,
  status: r.status,
  term: r.term,
  onsetDate: r.onset_date,
  endDate: r.resolved_date,
  grade: r.grade,
  serious: r.serious,
  seriousCriteria: r.serious_criteria,
  relatedness: r.relatedness,
  actionTaken: r.action_taken,
  outcome: r.outcome,
  sourceObservationId: r.source_observation_id,
});

/** API fields → columns; only the fields given. */
function columns(f: AdverseEventFields): Partial<NewRow<typeof adverseEvents>> {
  return {
    status: f.status,
    term: f.term,
    onset_date: f.onsetDate,
    resolved_date: f.endDate,
    grade: f.grade,
    serious: f.serious,
    serious_criteria: f.seriousCriteria === undefined ? undefined : [...f.seriousCriteria],
    relatedness: f.relatedness,
    action_taken: f.actionTaken,
    outcome: f.outcome,
  };
}

export async function insertAdverseEvent(w: AuditedTx, participantId: string, f: AdverseEventFields & Required<Pick<AdverseEventFields, 'term' | 'onsetDate' | 'grade'>>): Promise<AdverseEvent> {
  checkAdverseEvent(undefined, f);
  return toAe(await w.insert(adverseEvents, { participant_id: participantId, term: f.term, onset_date: f.onsetDate, grade: f.grade, ...columns(f), status: f.status ?? 'confirmed' }));
}

export async function updateAdverseEvent(w: AuditedTx, id: string, f: AdverseEventFields, reason: string): Promise<AdverseEvent> {
  const before = await findAdverseEvent(w.tx, id);
  if (!before) throw new AppError(storeErrors.NOT_FOUND, `No adverse event "${id}" exists.`, 'id');
  checkAdverseEvent(before, f);
  return toAe(await w.update(adverseEvents, { id }, columns(f), reason));
}

export async function findAdverseEvent(q: Queryable, id: string): Promise<AdverseEvent | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [r] = await q.query<AeRow>('SELECT * FROM adverse_events WHERE id = $1', [id]);
  return r && toAe(r);
}

export async function listAdverseEvents(q: Queryable, participantIds: readonly string[]): Promise<AdverseEvent[]> {
  const rows = await q.query<AeRow>('SELECT * FROM adverse_events WHERE participant_id = ANY($1::uuid[]) ORDER BY onset_date, term, id', [[...participantIds]]);
  return rows.map(toAe);
}
