import { describe, expect, it } from 'vitest';
import { defaultAssessmentDate } from './assessment-date.js';

describe('the assessment date a form starts with', () => {
  it("is the visit's target date, not today, when nothing is saved", () => {
    expect(defaultAssessmentDate(undefined, '2025-10-21', '2025-10-24')).toBe('2025-10-21');
  });

  it('is the saved date once the form is saved', () => {
    expect(defaultAssessmentDate('2025-10-23', '2025-10-21', '2025-10-24')).toBe('2025-10-23');
  });

  it('is today for a visit done before its target date (no date in the future)', () => {
    expect(defaultAssessmentDate(undefined, '2025-11-04', '2025-10-30')).toBe('2025-10-30');
  });
});
