import { describe, expect, it } from 'vitest';
import type { VisitData } from './api.js';
import { observationsOf, scorePoints } from './visit-data.js';

const visits: VisitData[] = [
  { visitId: 'week-24', date: '2026-06-10', values: { essdai: { a: 3 } }, labs: [], panel: null },
  { visitId: 'week-0', date: '2025-12-24', values: { essdai: { a: 5, b: 2 }, other: { x: 1 } }, labs: [], panel: null },
];
const calendar = [
  { id: 'week-0', name: 'Week 0', day: 1 },
  { id: 'week-24', name: 'Week 24', day: 169 },
];
const sum = (items: Readonly<Record<string, number>>) => Object.values(items).reduce((s, n) => s + n, 0);

describe('visit data for the visit form', () => {
  it('splits each visit into one observation per instrument, dated by the visit', () => {
    expect(observationsOf(visits)).toEqual([
      { visitId: 'week-24', instrument: 'essdai', items: { a: 3 }, date: '2026-06-10' },
      { visitId: 'week-0', instrument: 'essdai', items: { a: 5, b: 2 }, date: '2025-12-24' },
      { visitId: 'week-0', instrument: 'other', items: { x: 1 }, date: '2025-12-24' },
    ]);
  });

  it('plots one instrument by study day, scored by the given rule (here a sum: 5 + 2 = 7, then 3)', () => {
    expect(scorePoints(observationsOf(visits), 'essdai', calendar, sum)).toEqual([
      { day: 1, visit: 'Week 0', total: 7 },
      { day: 169, visit: 'Week 24', total: 3 },
    ]);
  });

  it('leaves out a visit the calendar does not have', () => {
    expect(scorePoints(observationsOf(visits), 'essdai', calendar.slice(0, 1), sum)).toEqual([{ day: 1, visit: 'Week 0', total: 7 }]);
  });
});
