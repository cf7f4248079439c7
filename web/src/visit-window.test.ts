import { describe, expect, it } from 'vitest';
import { visitWindowFlag } from './visit-window.js';

// Week 4 of a calendar whose day 1 is 2025-05-01: target day 29 = 2025-05-29, window −3/+3 days.
const week4 = { targetDate: '2025-05-29', earliest: '2025-05-26', latest: '2025-06-01' };

describe('visitWindowFlag', () => {
  it('flags a late visit with its days after the target', () => {
    expect(visitWindowFlag({ ...week4, status: 'late', daysFromTarget: 5 })).toEqual({
      kind: 'late',
      text: 'Late: 5 days after the target date 2025-05-29 (window 2025-05-26 to 2025-06-01)',
    });
  });

  it('flags an early visit with its days before the target', () => {
    expect(visitWindowFlag({ ...week4, status: 'early', daysFromTarget: -4 })?.text).toBe('Early: 4 days before the target date 2025-05-29 (window 2025-05-26 to 2025-06-01)');
    expect(visitWindowFlag({ ...week4, status: 'early', daysFromTarget: -1 })?.text).toMatch(/^Early: 1 day before/);
  });

  it('flags a missing visit, and nothing for one in its window, pending or before day 1', () => {
    expect(visitWindowFlag({ ...week4, status: 'missing', daysFromTarget: null })?.text).toBe('Missing: nothing saved, and the window closed on 2025-06-01');
    expect(visitWindowFlag({ ...week4, status: 'in-window', daysFromTarget: 2 })).toBeNull();
    expect(visitWindowFlag({ ...week4, status: 'pending', daysFromTarget: null })).toBeNull();
    expect(visitWindowFlag(null)).toBeNull();
  });
});
