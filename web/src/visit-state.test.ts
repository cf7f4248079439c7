import { describe, expect, it } from 'vitest';
import { visitState } from './visit-state.js';

describe('visit window state', () => {
  // Target 2025-03-10 with a −3/+7 day window: open from 2025-03-07 to 2025-03-17 inclusive.
  const v = { date: '2025-03-10', windowBefore: 3, windowAfter: 7 };
  it('is upcoming before the window opens', () => expect(visitState(v, '2025-03-06')).toBe('upcoming'));
  it('is open on the first and last day of the window', () => {
    expect(visitState(v, '2025-03-07')).toBe('open');
    expect(visitState(v, '2025-03-17')).toBe('open');
  });
  it('is closed the day after the window', () => expect(visitState(v, '2025-03-18')).toBe('closed'));
});
