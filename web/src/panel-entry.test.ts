import { describe, expect, it } from 'vitest';
import { panelChanges, panelFromTexts, panelTexts, percentOf } from './panel-entry.js';

describe('immune panel entry', () => {
  it('reads the count and the percentages typed, an empty box being a subset not measured', () => {
    expect(panelFromTexts({ lymphocytes: '1500', 'cd4-t': '40', treg: '5,5', th17: '' })).toEqual({
      panel: { lymphocytesPerUl: 1500, percentOfParent: { 'cd4-t': 40, treg: 5.5 } },
      issues: {},
      missingCount: false,
    });
  });

  it('refuses a percentage outside 0–100 of its parent, a negative count and text, beside each box', () => {
    const entry = panelFromTexts({ lymphocytes: '-1', treg: '140', nk: '-0.5', th17: 'n/a', 'cd4-t': '100' });
    expect(entry.panel).toBeNull();
    expect(entry.issues).toEqual({
      lymphocytes: 'Lymphocytes must be a count of 0 cells/µL or more, not -1.',
      treg: 'Regulatory T cells (Treg) must be from 0 to 100 % of CD4+ T cells, not 140.',
      nk: 'NK cells must be from 0 to 100 % of Lymphocytes, not -0.5.',
      th17: 'T helper 17 cells (Th17) must be a number, not "n/a".',
    });
  });

  it('asks for the lymphocyte count once a subset is entered, and has no panel while nothing is', () => {
    expect(panelFromTexts({ treg: '5' })).toEqual({ panel: null, issues: {}, missingCount: true });
    expect(panelFromTexts({})).toEqual({ panel: null, issues: {}, missingCount: false });
    // A count of 0 is a count (lymphopenia), not a missing one.
    expect(panelFromTexts({ lymphocytes: '0' }).panel).toEqual({ lymphocytesPerUl: 0, percentOfParent: {} });
  });

  it('names the parent each percentage is of', () => {
    expect(percentOf('cd56bright-nk')).toBe('% of NK cells');
    expect(percentOf('lymphocytes')).toBe('cells/µL');
  });

  it('fills the boxes from a saved panel, refuses emptying a saved box and lists what an edit changes', () => {
    const saved = { lymphocytesPerUl: 1500, percentOfParent: { 'cd4-t': 40, treg: 5 } };
    expect(panelTexts(saved)).toEqual({ lymphocytes: '1500', 'cd4-t': '40', treg: '5' });
    expect(panelTexts(null)).toEqual({});
    const emptied = panelFromTexts({ lymphocytes: '1500', 'cd4-t': '', treg: '6' }, saved);
    expect(emptied.panel).toBeNull();
    expect(emptied.issues).toEqual({ 'cd4-t': 'CD4+ T cells was saved as 40 %: enter the corrected value, a saved value cannot be emptied.' });
    // Treg 5 → 6 changes; the count is the same and Th17 was not saved before.
    expect(panelChanges(saved, { lymphocytesPerUl: 1500, percentOfParent: { 'cd4-t': 40, treg: 6, th17: 1 } })).toEqual(['Regulatory T cells (Treg): 5 % → 6 %']);
  });
});
