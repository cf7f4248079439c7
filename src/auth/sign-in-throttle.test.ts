import { describe, expect, it } from 'vitest';
import { accountLimits, afterFailure, nextAttemptAt, type FailureState } from './sign-in-throttle.js';

const t0 = new Date('2025-06-02T09:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const failures = (n: number): FailureState => ({ failures: n, lastFailureAt: t0 });

describe('sign-in throttle (account limits: 3 free, doubling from 1 s, 15 min lock after 10)', () => {
  it('lets the first three failures pass without delay', () => {
    expect(nextAttemptAt(undefined, accountLimits, t0)).toBeUndefined();
    expect(nextAttemptAt(failures(3), accountLimits, t0)).toBeUndefined();
  });

  it('then waits 2^(n-4) s after the n-th failure: 1 s after the 4th, 2 s after the 5th, 32 s after the 9th', () => {
    expect(nextAttemptAt(failures(4), accountLimits, t0)).toEqual(at(1000));
    expect(nextAttemptAt(failures(5), accountLimits, t0)).toEqual(at(2000));
    expect(nextAttemptAt(failures(9), accountLimits, t0)).toEqual(at(32_000));
    // Once the wait is over the attempt is accepted.
    expect(nextAttemptAt(failures(5), accountLimits, at(2000))).toBeUndefined();
  });

  it('locks for 15 minutes from the 10th failure, then forgets them all', () => {
    expect(nextAttemptAt(failures(10), accountLimits, at(60_000))).toEqual(at(15 * 60_000));
    expect(nextAttemptAt(failures(10), accountLimits, at(15 * 60_000))).toBeUndefined();
    expect(afterFailure(failures(10), accountLimits, at(15 * 60_000))).toEqual({ failures: 1, lastFailureAt: at(15 * 60_000) });
    expect(afterFailure(failures(4), accountLimits, at(5000))).toEqual({ failures: 5, lastFailureAt: at(5000) });
  });
});
