import { describe, expect, it } from 'vitest';
import { heldRunText, heldRuns } from './held-doses.js';

const planned = (day: number, date: string, reason?: string) => ({ day, date, status: reason ? ('held' as const) : ('due' as const), recorded: null, ...(reason ? { reason } : {}) });
const given = (day: number, date: string) => ({ day, date, status: 'due' as const, recorded: { day, date, status: 'given' as const, reason: null } });
const dayAfter = (start: string, n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const low = 'lymphocytes 450 /mm3 below 500 /mm3';

describe('heldRuns', () => {
  it('makes one line of a hold that covers many dosing days', () => {
    // 40 days held by one lymphocyte count: days 3, 5, …, 81 (every other day).
    const held = Array.from({ length: 40 }, (_, i) => planned(3 + 2 * i, dayAfter('2025-05-01', 2 * i), low));
    const runs = heldRuns([given(1, '2025-04-29'), ...held], '2025-06-30');
    expect(runs).toEqual([{ firstDay: 3, lastDay: 81, from: '2025-05-01', to: '2025-07-18', count: 40, reason: low }]);
    expect(heldRunText(runs[0] as never)).toBe(`Days 3–81 (2025-05-01 to 2025-07-18): 40 doses held, ${low}`);
  });

  it('starts a new line when a dose was given between, or the reason differs', () => {
    const doses = [
      planned(1, '2025-05-01', low),
      planned(3, '2025-05-03', low),
      given(5, '2025-05-05'),
      planned(7, '2025-05-07', low),
      { day: 9, date: '2025-05-09', status: 'due' as const, recorded: { day: 9, date: '2025-05-09', status: 'held' as const, reason: 'fever' } },
    ];
    expect(heldRuns(doses, '2025-06-01').map(heldRunText)).toEqual([
      `Days 1–3 (2025-05-01 to 2025-05-03): 2 doses held, ${low}`,
      `Day 7 (2025-05-07): 1 dose held, ${low}`,
      'Day 9 (2025-05-09): 1 dose held, fever',
    ]);
  });

  it('is empty when nothing is held', () => {
    expect(heldRuns([given(1, '2025-05-01'), planned(3, '2025-05-03')], '2025-05-02')).toEqual([]);
  });
});
