import { gatingHierarchy } from '../../src/instruments/immune/gating.js';
import type { ImmunePanelRow } from './api.js';
import type { VisitScores } from './visit-data.js';

/** One subset's absolute count at one visit, by study day. */
export interface SubsetPoint {
  readonly day: number;
  readonly visit: string;
  readonly subset: string;
  readonly perUl: number;
}

/**
 * Every measured subset below the lymphocyte gate (the root would dwarf the rest), by study day.
 * Counts of zero are left out: the plot's count axis is logarithmic, since Th17 and Treg are
 * tens of cells/µL beside hundreds of CD4+ T cells.
 */
export function subsetPoints(panels: readonly ImmunePanelRow[], visits: readonly VisitScores[]): SubsetPoint[] {
  const visitOf = new Map(visits.map((v) => [v.visitId, v]));
  return panels
    .flatMap((p) => {
      const visit = visitOf.get(p.visitId);
      if (!visit) return [];
      return gatingHierarchy
        .filter((s) => s.parent !== null)
        .flatMap((s) => {
          const perUl = p.panel.subsets[s.id]?.absolutePerUl ?? null;
          return perUl !== null && perUl > 0 ? [{ day: visit.day, visit: visit.visitName, subset: s.label, perUl }] : [];
        });
    })
    .sort((a, b) => a.day - b.day);
}
