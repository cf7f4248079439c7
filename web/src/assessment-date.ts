/**
 * The date an assessment form starts with: the date saved with it, else the visit's target date
 * (the calendar's `date`: baseline plus the visit's study day). A target still ahead of `today` gives
 * today instead, since a visit done early is assessed today and the server refuses a date in the future.
 */
export function defaultAssessmentDate(savedDate: string | undefined, targetDate: string, today: string): string {
  if (savedDate !== undefined) return savedDate;
  return targetDate > today ? today : targetDate;
}
