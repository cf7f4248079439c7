import { describe, expect, it } from 'vitest';
import { readTimeFrame } from './read-time-frame.js';

const days = (text: string) => readTimeFrame(text).map((p) => p.day);

describe('outcome time frames as study days (week N = day 7N + 1)', () => {
  it('reads the seed records and the reference records as written', () => {
    expect(days('24 weeks')).toEqual([169]);
    expect(days('0,12,24weeks')).toEqual([1, 85, 169]);
    expect(days('week 0,week 24 and week 48')).toEqual([1, 169, 337]);
    expect(days('From Baseline to Week 12')).toEqual([1, 85]);
    expect(days('Week 16')).toEqual([113]);
    expect(days('2 year/end of study')).toEqual([731]);
    expect(days('After 5 doses of medication...')).toEqual([]);
  });
});
