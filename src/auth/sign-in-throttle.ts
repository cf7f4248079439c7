/**
 * Progressive delay and temporary lockout of failed sign-ins (pure: the clock is passed in).
 * NIST SP 800-63B §5.2.2 asks for rate limiting of failed attempts per account (no more than 100
 * in a row); OWASP's Authentication Cheat Sheet recommends a lockout threshold, an observation
 * window and a lockout duration, and counting per account as well as per address so that neither
 * one password against many names nor many passwords against one name goes unchecked.
 */
export interface ThrottleLimits {
  /** Failures within the window that cost nothing (typing mistakes). */
  readonly freeFailures: number;
  /** After this many failures within the window, no attempt is accepted for `lockMs`. */
  readonly lockAfter: number;
  readonly lockMs: number;
  /** Failures older than this (from the last one) are forgotten. */
  readonly windowMs: number;
  /** The longest delay between two attempts before the lockout. */
  readonly maxDelayMs: number;
}

const minutes = 60_000;

/** An account: 3 free failures, then 1, 2, 4, … s between attempts, locked 15 min after 10. */
export const accountLimits: ThrottleLimits = { freeFailures: 3, lockAfter: 10, lockMs: 15 * minutes, windowMs: 15 * minutes, maxDelayMs: 60_000 };
/** An address may be a whole hospital behind one NAT, so it gets more room before the same steps. */
export const addressLimits: ThrottleLimits = { freeFailures: 20, lockAfter: 100, lockMs: 15 * minutes, windowMs: 15 * minutes, maxDelayMs: 60_000 };

export interface FailureState {
  readonly failures: number;
  readonly lastFailureAt: Date;
}

/** The failures that still count at `now` (0 once the window has passed since the last). */
export function liveFailures(state: FailureState | undefined, limits: ThrottleLimits, now: Date): number {
  if (!state || now.getTime() - state.lastFailureAt.getTime() >= Math.max(limits.windowMs, limits.lockMs)) return 0;
  return state.failures;
}

/** When the next attempt will be accepted, or undefined when it may be made now. */
export function nextAttemptAt(state: FailureState | undefined, limits: ThrottleLimits, now: Date): Date | undefined {
  const n = liveFailures(state, limits, now);
  if (!state || n <= limits.freeFailures) return undefined;
  const wait = n >= limits.lockAfter ? limits.lockMs : Math.min(1000 * 2 ** (n - limits.freeFailures - 1), limits.maxDelayMs);
  const at = new Date(state.lastFailureAt.getTime() + wait);
  return at > now ? at : undefined;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: FailureState | undefined, limits: ThrottleLimits, now: Date): FailureState {
  return { failures: liveFailures(state, limits, now) + 1, lastFailureAt: now };
}
