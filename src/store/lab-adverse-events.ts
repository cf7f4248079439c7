import type { ParticipantLabGrading } from '../instruments/index.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { adverseEvents } from './schema/index.js';

export interface LabAeRow {
  readonly id: string;
  readonly term: string;
  readonly grade: number;
  readonly status: string;
}

/** The adverse events each of the observations sourced, in one read; an observation without any is absent. */
export async function labAdverseEvents(q: Queryable, observationIds: readonly string[]): Promise<ReadonlyMap<string, readonly LabAeRow[]>> {
  const out = new Map<string, LabAeRow[]>();
  if (observationIds.length === 0) return out;
  const rows = await q.query<LabAeRow & { source: string }>('SELECT id, term, grade, status, source_observation_id AS source FROM adverse_events WHERE source_observation_id = ANY($1::uuid[])', [
    observationIds,
  ]);
  for (const { source, ...ae } of rows) out.set(source, [...(out.get(source) ?? []), ae]);
  return out;
}

export interface LabAeChanges {
  /** Events proposed (new, regraded while proposed, or proposed again after a withdrawal). */
  readonly proposed: readonly string[];
  readonly withdrawn: readonly string[];
}

/**
 * Bring the adverse events proposed from one lab result in line with its current grading: propose
 * what it supports, regrade a still-proposed event, withdraw a proposed event it no longer supports
 * (and propose a withdrawn one again), each audited with `reason`. Events the investigator confirmed or
 * dismissed are theirs and are left alone. `existing` are the events the result sourced (labAdverseEvents).
 */
export async function reconcileLabAdverseEvents(
  w: AuditedTx,
  participantId: string,
  observationId: string,
  existing: readonly LabAeRow[],
  onsetDate: string,
  grading: ParticipantLabGrading,
  reason: string,
): Promise<LabAeChanges> {
  const proposed: string[] = [];
  const withdrawn: string[] = [];
  for (const p of grading.proposals) {
    const ae = existing.find((e) => e.term === p.term);
    if (ae === undefined) {
      const row = await w.insert(adverseEvents, { participant_id: participantId, status: 'proposed', term: p.term, onset_date: onsetDate, grade: p.grade, source_observation_id: observationId });
      proposed.push(row.id);
    } else if ((ae.status === 'proposed' && ae.grade !== p.grade) || ae.status === 'withdrawn') {
      await w.update(adverseEvents, { id: ae.id }, { status: 'proposed', grade: p.grade }, reason);
      proposed.push(ae.id);
    }
  }
  for (const ae of existing) {
    if (ae.status === 'proposed' && !grading.proposals.some((p) => p.term === ae.term)) {
      await w.update(adverseEvents, { id: ae.id }, { status: 'withdrawn' }, reason);
      withdrawn.push(ae.id);
    }
  }
  return { proposed, withdrawn };
}
