import { AppError } from '../errors/app-error.js';
import type { DatedAdverseEvent } from '../instruments/index.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';

export const aeStatuses = ['proposed', 'confirmed', 'dismissed'] as const;
export const relatednessLevels = ['not-related', 'unlikely', 'possible', 'probable', 'definite'] as const;
/** ICH E2A seriousness criteria. */
export const seriousCriteria = ['death', 'life-threatening', 'hospitalisation', 'disability', 'congenital-anomaly', 'important-medical-event'] as const;
export const actionsTaken = ['none', 'dose-held', 'dose-reduced', 'withdrawn', 'not-applicable'] as const;
/** CDISC SDTM AEOUT outcomes, in words. */
export const aeOutcomes = ['recovered', 'recovering', 'not-recovered', 'recovered-with-sequelae', 'fatal', 'unknown'] as const;

export type AeStatus = (typeof aeStatuses)[number];
export type Relatedness = (typeof relatednessLevels)[number];

export interface AdverseEvent {
  readonly id: string;
  readonly participantId: string;
  readonly status: AeStatus;
  readonly term: string;
  readonly onsetDate: string;
  readonly endDate: string | null;
  readonly grade: number;
  readonly serious: boolean;
  readonly seriousCriteria: readonly string[];
  readonly relatedness: Relatedness | null;
  readonly actionTaken: string | null;
  readonly outcome: string | null;
  readonly sourceObservationId: string | null;
}

/** The fields an adverse event is entered or corrected with (API names). */
export interface AdverseEventFields {
  readonly status?: AeStatus | undefined;
  readonly term?: string | undefined;
  readonly onsetDate?: string | undefined;
  readonly endDate?: string | null | undefined;
  readonly grade?: number | undefined;
  readonly serious?: boolean | undefined;
  readonly seriousCriteria?: readonly string[] | undefined;
  readonly relatedness?: Relatedness | undefined;
  readonly actionTaken?: string | undefined;
  readonly outcome?: string | undefined;
}

interface AeRow {
  id: string;
  participant_id: string;
  status: AeStatus;
  term: string;
  onset_date: string;
  resolved_date: string | null;
  grade: number;
  serious: boolean;
  serious_criteria: string[];
  relatedness: Relatedness | null;
  action_taken: string | null;
  outcome: string | null;
  source_observation_id: string | null;
}

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
function columns(f: AdverseEventFields): Record<string, unknown> {
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

/** The event as it will be once `f` is written over `before` (a new event: `before` undefined). */
function withFields(before: AdverseEvent | undefined, f: AdverseEventFields): Pick<AdverseEvent, 'status' | 'serious' | 'seriousCriteria' | 'onsetDate' | 'endDate' | 'relatedness'> {
  return {
    status: f.status ?? before?.status ?? 'confirmed',
    serious: f.serious ?? before?.serious ?? false,
    seriousCriteria: f.seriousCriteria ?? before?.seriousCriteria ?? [],
    onsetDate: f.onsetDate ?? before?.onsetDate ?? '',
    endDate: f.endDate === undefined ? (before?.endDate ?? null) : f.endDate,
    relatedness: f.relatedness ?? before?.relatedness ?? null,
  };
}

/** A serious event names its criteria, a non-serious one none; the end date is not before the onset. */
function checkConsistent(ae: ReturnType<typeof withFields>): void {
  if (ae.serious && ae.seriousCriteria.length === 0) {
    throw new AppError('InvalidBody', 'Field "seriousCriteria" is invalid: a serious adverse event needs at least one seriousness criterion.', 400, 'seriousCriteria');
  }
  if (!ae.serious && ae.seriousCriteria.length > 0) {
    throw new AppError('InvalidBody', 'Field "seriousCriteria" is invalid: a non-serious adverse event has no seriousness criteria.', 400, 'seriousCriteria');
  }
  if (ae.endDate !== null && ae.endDate < ae.onsetDate) {
    throw new AppError('InvalidBody', `Field "endDate" is invalid: ${ae.endDate} is before the onset date ${ae.onsetDate}.`, 400, 'endDate');
  }
  if (ae.status === 'confirmed' && ae.relatedness === null) {
    throw new AppError('InvalidBody', 'Field "relatedness" is invalid: a confirmed adverse event needs the relatedness to the study drug.', 400, 'relatedness');
  }
}

export async function insertAdverseEvent(w: AuditedTx, participantId: string, f: AdverseEventFields & Required<Pick<AdverseEventFields, 'term' | 'onsetDate' | 'grade'>>): Promise<AdverseEvent> {
  checkConsistent(withFields(undefined, f));
  return toAe(await w.insert<AeRow>('adverse_events', { participant_id: participantId, status: 'confirmed', ...columns(f) }));
}

/**
 * A grade ≥ 1 lab abnormality proposes an event (status `proposed`) for the investigator to confirm or
 * dismiss; one proposal per lab result and term. Returns the new event's id, or null if already proposed.
 */
export async function proposeAdverseEvent(w: AuditedTx, participantId: string, p: { term: string; grade: number; onsetDate: string; sourceObservationId: string }): Promise<string | null> {
  const [existing] = await w.tx.query('SELECT 1 FROM adverse_events WHERE source_observation_id = $1 AND term = $2', [p.sourceObservationId, p.term]);
  if (existing) return null;
  const row = await w.insert<AeRow>('adverse_events', {
    participant_id: participantId,
    status: 'proposed',
    term: p.term,
    onset_date: p.onsetDate,
    grade: p.grade,
    source_observation_id: p.sourceObservationId,
  });
  return row.id;
}

export async function updateAdverseEvent(w: AuditedTx, id: string, f: AdverseEventFields, reason: string): Promise<AdverseEvent> {
  const before = await findAdverseEvent(w.tx, id);
  if (!before) throw new AppError('NotFound', `No adverse event "${id}" exists.`, 404, 'id');
  checkConsistent(withFields(before, f));
  return toAe(await w.update<AeRow>('adverse_events', { id }, columns(f), reason));
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

/**
 * Confirmed events as the dose-hold rules read them. "Related" is a reasonable possibility of a causal
 * relationship (ICH E2A): possible, probable or definite.
 */
export function datedAdverseEvents(events: readonly AdverseEvent[]): DatedAdverseEvent[] {
  const related: readonly (Relatedness | null)[] = ['possible', 'probable', 'definite'];
  return events
    .filter((e) => e.status === 'confirmed')
    .map((e) => ({
      term: e.term,
      grade: e.grade as DatedAdverseEvent['grade'],
      related: related.includes(e.relatedness),
      onsetDate: e.onsetDate,
      ...(e.endDate === null ? {} : { resolvedDate: e.endDate }),
    }));
}
