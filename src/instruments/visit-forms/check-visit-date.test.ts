import { describe, expect, it } from 'vitest';
import { checkVisitDate } from './check-visit-date.js';

// Day 85 from start 2024-01-01: target 2024-01-01 + 84 days = 2024-03-25 (2024 is a leap year:
// Jan 31 + Feb 29 = 60 days → Mar 1 is day 61, Mar 25 is day 85). Window ±7: 2024-03-18 … 2024-04-01.
const visit = { day: 85, windowBefore: 7, windowAfter: 7 };
const start = '2024-01-01';

describe('checkVisitDate', () => {
  it.each([
    ['2024-03-17', 'early', -8],
    ['2024-03-18', 'in-window', -7],
    ['2024-03-25', 'in-window', 0],
    ['2024-04-01', 'in-window', 7],
    ['2024-04-02', 'late', 8],
  ])('actual %s is %s (%i days from target)', (actual, status, offset) => {
    expect(checkVisitDate(visit, start, actual, '2024-06-01')).toEqual({
      status,
      targetDate: '2024-03-25',
      earliest: '2024-03-18',
      latest: '2024-04-01',
      daysFromTarget: offset,
    });
  });

  it('without an actual date: pending up to the last day of the window, missing after it', () => {
    expect(checkVisitDate(visit, start, null, '2024-04-01').status).toBe('pending');
    expect(checkVisitDate(visit, start, null, '2024-04-02').status).toBe('missing');
  });

  it('day 1 is the start date and a zero window admits only that day', () => {
    const baseline = { day: 1, windowBefore: 0, windowAfter: 0 };
    expect(checkVisitDate(baseline, start, '2024-01-01', '2024-01-01').status).toBe('in-window');
    expect(checkVisitDate(baseline, start, '2023-12-31', '2024-01-01').status).toBe('early');
    expect(checkVisitDate({ day: -14, windowBefore: 0, windowAfter: 0 }, start, null, '2024-01-01').targetDate).toBe('2023-12-18');
  });

  it('names an invalid date', () => {
    expect(() => checkVisitDate(visit, start, '2024-02-30', '2024-06-01')).toThrow(expect.objectContaining({ code: 'INSTRUMENT_INVALID_DATE', path: 'actualDate' }));
  });
});
