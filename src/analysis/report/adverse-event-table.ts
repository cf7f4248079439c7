import type { Protocol } from '../../protocol/schema.js';
import { armOf } from '../endpoints/analysis-sets.js';
import type { AnalysisAdverseEvent, AnalysisParticipant, AnalysisView } from '../endpoints/types.js';

/** Participants with the event, counted once at their worst CTCAE grade (1–5). */
export interface GradeCounts {
  readonly participants: number;
  readonly byGrade: readonly [number, number, number, number, number];
  readonly serious: number;
}

export interface AdverseEventRow {
  readonly term: string;
  readonly pooled: GradeCounts;
  readonly byArm?: readonly (GradeCounts & { readonly armId: string })[];
}

export interface AdverseEventTable {
  readonly safetyN: number;
  /** "Any adverse event" first, then each term by frequency. */
  readonly rows: readonly AdverseEventRow[];
}

function counts(events: readonly AnalysisAdverseEvent[]): GradeCounts {
  const worst = new Map<string, number>();
  for (const e of events) worst.set(e.participantId, Math.max(worst.get(e.participantId) ?? 0, e.grade));
  const byGrade: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const g of worst.values()) byGrade[g - 1]! += 1;
  return { participants: worst.size, byGrade, serious: new Set(events.filter((e) => e.serious).map((e) => e.participantId)).size };
}

/** The adverse-event table of the safety set: participants by worst grade, per term and overall. */
export function adverseEventTable(protocol: Protocol, safety: readonly AnalysisParticipant[], events: readonly AnalysisAdverseEvent[], view: AnalysisView): AdverseEventTable {
  const arm = new Map(safety.map((p) => [p.id, armOf(protocol, p)]));
  const inSet = events.filter((e) => arm.has(e.participantId));
  const row = (term: string, es: readonly AnalysisAdverseEvent[]): AdverseEventRow => ({
    term,
    pooled: counts(es),
    ...(view.kind === 'by-arm' ? { byArm: protocol.arms.map((a) => ({ armId: a.id, ...counts(es.filter((e) => arm.get(e.participantId) === a.id)) })) } : {}),
  });
  const terms = [...new Set(inSet.map((e) => e.term))].map((t) =>
    row(
      t,
      inSet.filter((e) => e.term === t),
    ),
  );
  terms.sort((a, b) => b.pooled.participants - a.pooled.participants || a.term.localeCompare(b.term));
  return { safetyN: safety.length, rows: [row('Any adverse event', inSet), ...terms] };
}
