import type { Observation, VisitData, VisitRow } from './api.js';

/** What these functions read of a visit row. */
export type VisitScores = Pick<VisitRow, 'visitId' | 'visitName' | 'day' | 'saved' | 'scores'>;

/** The visits that have saved data. */
export function savedVisits(rows: readonly VisitScores[]): VisitData[] {
  return rows.flatMap((r) => (r.saved ? [r.saved] : []));
}

/** The saved visits split into one observation per visit and instrument, as the visit form edits them. */
export function observationsOf(visits: readonly VisitData[]): Observation[] {
  return visits.flatMap((v) => Object.entries(v.values).map(([instrument, items]) => ({ visitId: v.visitId, instrument, items, date: v.date })));
}

export interface ScorePoint {
  readonly day: number;
  readonly visit: string;
  readonly total: number;
}

/** An instrument's totals as the server scored them, by study day. */
export function scorePoints(rows: readonly VisitScores[], instrument: string): ScorePoint[] {
  return rows.flatMap((r) => r.scores.filter((s) => s.instrument === instrument).map((s) => ({ day: r.day, visit: r.visitName, total: s.total }))).sort((a, b) => a.day - b.day);
}
