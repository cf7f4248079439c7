import { describe, expect, it } from 'vitest';
import { gatingHierarchy, subsetIds } from './gating.js';
import { comparePanels, computePanel } from './panel.js';

describe('gating hierarchy', () => {
  it('lists every subset once, parents before children, with lymphocytes as the only root', () => {
    expect(gatingHierarchy.map((s) => s.id)).toEqual([...subsetIds]);
    const seen = new Set<string>();
    for (const s of gatingHierarchy) {
      if (s.parent !== null) expect(seen.has(s.parent)).toBe(true);
      seen.add(s.id);
    }
    expect(gatingHierarchy.filter((s) => s.parent === null).map((s) => s.id)).toEqual(['lymphocytes']);
  });
});

describe('immune panel', () => {
  const baseline = computePanel({
    lymphocytesPerUl: 1500,
    percentOfParent: { 'cd4-t': 40, treg: 5, th17: 1, tfh: 10, teff: 80, nk: 10, 'cd56bright-nk': 8 },
  });

  it('derives absolute counts down the hierarchy', () => {
    // CD4+ T = 40% × 1500 = 600/µL; Treg = 5% × 600 = 30; Th17 = 1% × 600 = 6; Tfh = 10% × 600 = 60;
    // Teff = 80% × 600 = 480; NK = 10% × 1500 = 150; CD56bright = 8% × 150 = 12
    const abs = Object.fromEntries(Object.values(baseline.subsets).map((s) => [s.id, s.absolutePerUl]));
    expect(abs['lymphocytes']).toBe(1500);
    expect(abs['cd4-t']).toBeCloseTo(600, 9);
    expect(abs['treg']).toBeCloseTo(30, 9);
    expect(abs['th17']).toBeCloseTo(6, 9);
    expect(abs['tfh']).toBeCloseTo(60, 9);
    expect(abs['teff']).toBeCloseTo(480, 9);
    expect(abs['nk']).toBeCloseTo(150, 9);
    expect(abs['cd56bright-nk']).toBeCloseTo(12, 9);
    // Treg/Th17 = 30 / 6 = 5
    expect(baseline.tregTh17Ratio).toBeCloseTo(5, 9);
  });

  it('compares a follow-up panel with baseline', () => {
    // follow-up: lymphocytes 1200, CD4 50% → 600; Treg 10% → 60; Th17 0.5% → 3; ratio 20
    const followUp = computePanel({ lymphocytesPerUl: 1200, percentOfParent: { 'cd4-t': 50, treg: 10, th17: 0.5 } });
    const c = comparePanels(baseline, followUp);
    // Treg: 30 → 60, change +30, fold 2; % of CD4: 5 → 10, +5 points, fold 2
    expect(c.absolute.treg?.change).toBeCloseTo(30, 9);
    expect(c.absolute.treg?.foldChange).toBeCloseTo(2, 9);
    expect(c.percentOfParent.treg).toEqual({ baseline: 5, value: 10, change: 5, foldChange: 2 });
    // Th17: 6 → 3, fold 0.5; lymphocytes 1500 → 1200, −300, fold 0.8
    expect(c.absolute.th17?.foldChange).toBeCloseTo(0.5, 9);
    expect(c.absolute.lymphocytes).toEqual({ baseline: 1500, value: 1200, change: -300, foldChange: 0.8 });
    // ratio 5 → 20, fold 4
    expect(c.tregTh17Ratio?.foldChange).toBeCloseTo(4, 9);
    // Tfh not measured at follow-up
    expect(c.absolute.tfh).toBeNull();
  });

  it('a subset whose parent is missing has no absolute count; a zero Th17 gives no ratio', () => {
    const p = computePanel({ lymphocytesPerUl: 1000, percentOfParent: { treg: 5, th17: 0 } });
    expect(p.subsets.treg).toEqual({ id: 'treg', percentOfParent: 5, absolutePerUl: null });
    expect(p.tregTh17Ratio).toBeNull();
    const q = computePanel({ lymphocytesPerUl: 1000, percentOfParent: { 'cd4-t': 50, treg: 5, th17: 0 } });
    expect(q.tregTh17Ratio).toBeNull();
    expect(comparePanels(q, computePanel({ lymphocytesPerUl: 0, percentOfParent: { 'cd4-t': 50 } })).absolute.lymphocytes?.foldChange).toBe(0);
    expect(comparePanels(computePanel({ lymphocytesPerUl: 0, percentOfParent: {} }), q).absolute.lymphocytes?.foldChange).toBeNull();
  });

  it('names a percentage above 100, an unknown subset and a negative count', () => {
    expect(() => computePanel({ lymphocytesPerUl: 1000, percentOfParent: { treg: 101 } })).toThrow('Immune panel subset "treg" must be a percentage of its parent from 0 to 100, not 101.');
    expect(() => computePanel({ lymphocytesPerUl: 1000, percentOfParent: { th1: 5 } as never })).toThrow(
      expect.objectContaining({ code: 'INSTRUMENT_PANEL_VALUE_INVALID', path: 'percentOfParent.th1' }),
    );
    expect(() => computePanel({ lymphocytesPerUl: -1, percentOfParent: {} })).toThrow(expect.objectContaining({ path: 'lymphocytesPerUl' }));
  });
});
