import { describe, expect, it } from 'vitest';
import type { ImmunePanelRow } from './api.js';
import type { VisitScores } from './visit-data.js';
import { subsetPoints } from './immune-series.js';

const visits: VisitScores[] = [
  { visitId: 'week-0', visitName: 'Week 0', day: 1, saved: null, scores: [] },
  { visitId: 'week-12', visitName: 'Week 12', day: 85, saved: null, scores: [] },
];
const subset = (id: string, absolutePerUl: number | null) => ({ id, percentOfParent: null, absolutePerUl });
const panel = (visitId: string, counts: Record<string, number | null>): ImmunePanelRow => ({
  visitId,
  date: '2025-01-01',
  panel: { subsets: Object.fromEntries(Object.entries(counts).map(([id, n]) => [id, subset(id, n)])), tregTh17Ratio: null },
});

describe('immune subsets for the participant plot', () => {
  it('gives each measured subset below lymphocytes by study day, without zero or unmeasured counts', () => {
    const panels = [panel('week-12', { lymphocytes: 1000, 'cd4-t': 500, treg: 50, th17: 0 }), panel('week-0', { lymphocytes: 1000, 'cd4-t': 400, treg: 20, th17: 4, nk: null })];
    expect(subsetPoints(panels, visits)).toEqual([
      { day: 1, visit: 'Week 0', subset: 'CD4+ T cells', perUl: 400 },
      { day: 1, visit: 'Week 0', subset: 'Regulatory T cells (Treg)', perUl: 20 },
      { day: 1, visit: 'Week 0', subset: 'T helper 17 cells (Th17)', perUl: 4 },
      { day: 85, visit: 'Week 12', subset: 'CD4+ T cells', perUl: 500 },
      { day: 85, visit: 'Week 12', subset: 'Regulatory T cells (Treg)', perUl: 50 },
    ]);
  });
});
