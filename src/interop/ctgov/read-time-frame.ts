/** A time point an outcome's time frame names, as a study day (day 1 = first dose = week 0). */
export interface TimePoint {
  readonly unit: 'week' | 'day' | 'month' | 'year';
  readonly value: number;
  readonly day: number;
}

const UNIT = '(weeks?|wks?|days?|months?|years?)';
const LIST = String.raw`(\d+(?:\s*(?:,|and|&)\s*\d+)*)`;
// "Week 16", "week 0,week 24 and week 48", "From Baseline to Week 12"
const UNIT_FIRST = new RegExp(String.raw`\b${UNIT}\s*${LIST}`, 'gi');
// "24 weeks", "0,12,24weeks", "2 year/end of study", "2-year"
const NUMBER_FIRST = new RegExp(String.raw`${LIST}\s*-?\s*${UNIT}\b`, 'gi');

const unitOf = (w: string): TimePoint['unit'] => (w.toLowerCase().startsWith('w') ? 'week' : w.toLowerCase().startsWith('d') ? 'day' : w.toLowerCase().startsWith('m') ? 'month' : 'year');

/**
 * Study day of a time point. Week N is day 7N + 1 (week 0 = day 1), as in the built-in protocols;
 * day N is day N (day 0 read as day 1, there being no study day 0); a month is taken as 30 days and
 * a year as 365, which the import reports as assumptions.
 */
export function studyDay(unit: TimePoint['unit'], value: number): number {
  if (unit === 'week') return 7 * value + 1;
  if (unit === 'day') return Math.max(value, 1);
  if (unit === 'month') return 30 * value + 1;
  return 365 * value + 1;
}

/** Every time point the text names, in study-day order, each once; "baseline" is day 1. */
export function readTimeFrame(text: string): TimePoint[] {
  const points: TimePoint[] = [];
  const add = (unit: TimePoint['unit'], value: number) => {
    if (!points.some((p) => p.unit === unit && p.value === value)) points.push({ unit, value, day: studyDay(unit, value) });
  };
  for (const m of text.matchAll(UNIT_FIRST)) for (const n of (m[2] as string).split(/\s*(?:,|and|&)\s*/)) add(unitOf(m[1] as string), Number(n));
  for (const m of text.matchAll(NUMBER_FIRST)) for (const n of (m[1] as string).split(/\s*(?:,|and|&)\s*/)) add(unitOf(m[2] as string), Number(n));
  if (/\bbaseline\b/i.test(text)) add('week', 0);
  return points.sort((a, b) => a.day - b.day);
}
