import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDateTime, localToday } from './dates.js';

describe('dates', () => {
  it('adds days across month and leap-year ends', () => {
    // 2024 is a leap year: 28 Feb + 1 = 29 Feb, + 2 = 1 Mar.
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });
  it('counts days between dates', () => {
    // January has 31 days: 1 Jan → 1 Feb is 31 days.
    expect(daysBetween('2025-01-01', '2025-02-01')).toBe(31);
    expect(daysBetween('2025-02-01', '2025-01-01')).toBe(-31);
  });
  it('reads the local calendar date, not the UTC one', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
  it('shows a timestamp in local date and minute', () => {
    // Built from local parts, so the expected text does not depend on the machine's time zone.
    const at = new Date(2025, 4, 6, 9, 7, 59);
    expect(localDateTime(at.toISOString())).toBe('2025-05-06 09:07');
  });
});
