import type { Observation, VisitData } from './api.js';

/** The saved visits split into one observation per visit and instrument, as the visit form edits them. */
export function observationsOf(visits: readonly VisitData[]): Observation[] {
  return visits.flatMap((v) => Object.entries(v.values).map(([instrument, items]) => ({ visitId: v.visitId, instrument, items, date: v.date })));
}

export interface ScorePoint {
  readonly day: number;
  readonly visit: string;
  readonly total: number;
}

/**
 * An instrument's totals over study days, from saved observations, with the visit's study day
 * and name from the calendar; `score` is the instrument's own scoring. Sorted by day.
 */
export function scorePoints(
  observations: readonly Observation[],
  instrument: string,
  calendar: readonly { readonly id: string; readonly name: string; readonly day: number }[],
  score: (items: Readonly<Record<string, number>>) => number,
): ScorePoint[] {
  return observations
    .filter((o) => o.instrument === instrument)
    .flatMap((o) => {
      const visit = calendar.find((v) => v.id === o.visitId);
      return visit ? [{ day: visit.day, visit: visit.name, total: score(o.items) }] : [];
    })
    .sort((a, b) => a.day - b.day);
}
