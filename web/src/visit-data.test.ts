import { describe, expect, it } from 'vitest';
import type { VisitScores } from './visit-data.js';
import { observationsOf, savedVisits, scorePoints } from './visit-data.js';

const rows: VisitScores[] = [
  {
    visitId: 'week-0',
    visitName: 'Week 0',
    day: 1,
    saved: { visitId: 'week-0', date: '2025-12-24', values: { essdai: { a: 5, b: 2 }, other: { x: 1 } }, labs: [], panel: null },
    scores: [
      { instrument: 'essdai', total: 7 },
      { instrument: 'other', total: 1 },
    ],
  },
  { visitId: 'week-12', visitName: 'Week 12', day: 85, saved: null, scores: [] },
  {
    visitId: 'week-24',
    visitName: 'Week 24',
    day: 169,
    saved: { visitId: 'week-24', date: '2026-06-10', values: { essdai: { a: 3 } }, labs: [], panel: null },
    scores: [{ instrument: 'essdai', total: 3 }],
  },
];

describe('visit data for the visit form', () => {
  it('keeps the visits with saved data and splits each into one observation per instrument', () => {
    expect(observationsOf(savedVisits(rows))).toEqual([
      { visitId: 'week-0', instrument: 'essdai', items: { a: 5, b: 2 }, date: '2025-12-24' },
      { visitId: 'week-0', instrument: 'other', items: { x: 1 }, date: '2025-12-24' },
      { visitId: 'week-24', instrument: 'essdai', items: { a: 3 }, date: '2026-06-10' },
    ]);
  });

  it("plots one instrument's server totals by study day, in day order whatever the row order", () => {
    expect(scorePoints([...rows].reverse(), 'essdai')).toEqual([
      { day: 1, visit: 'Week 0', total: 7 },
      { day: 169, visit: 'Week 24', total: 3 },
    ]);
    expect(scorePoints(rows, 'other')).toEqual([{ day: 1, visit: 'Week 0', total: 1 }]);
  });
});
