import { describe, expect, it } from 'vitest';
import { addDays, dateOfStudyDay, daysBetween, isoDay, studyDay } from './iso-date.js';

describe('study-day arithmetic', () => {
  it('day 1 is the start date and there is no day 0', () => {
    expect(studyDay('2024-01-01', '2024-01-01')).toBe(1);
    expect(studyDay('2024-01-01', '2024-01-02')).toBe(2);
    expect(studyDay('2024-01-01', '2023-12-31')).toBe(-1);
    expect(dateOfStudyDay('2024-01-01', 1)).toBe('2024-01-01');
    expect(dateOfStudyDay('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('crosses a leap day: 2024-02-28 + 2 days = 2024-03-01; 2024-01-01 → 2025-01-01 is 366 days', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('rejects dates that do not exist, naming the field', () => {
    expect(() => studyDay('2024-01-01', '2023-02-29', 'visitDate')).toThrow('visitDate "2023-02-29" is not a valid date in the form YYYY-MM-DD.');
    expect(() => addDays('24-1-1', 1)).toThrow(expect.objectContaining({ code: 'INSTRUMENT_INVALID_DATE' }));
  });
});

describe('isoDay', () => {
  it('is the UTC calendar date of the instant, whatever offset it was written with', () => {
    expect(isoDay(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    // 23:30 at UTC−5 is 04:30 the next day in UTC.
    expect(isoDay(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
  });
});
