import { describe, expect, it } from 'vitest';
import { checkTransition, type ParticipantStatus } from './participant-lifecycle.js';

const open = { randomized: false, hasArm: true };
const rct = { randomized: true, hasArm: false };

describe('participant lifecycle', () => {
  it.each<[ParticipantStatus, ParticipantStatus]>([
    ['screening', 'eligible'],
    ['screening', 'ineligible'],
    ['eligible', 'consented'],
    ['consented', 'enrolled'],
    ['enrolled', 'on-treatment'],
    ['on-treatment', 'completed'],
  ])('allows %s → %s in an open-label single-arm study', (from, to) => {
    expect(() => checkTransition(from, to, open)).not.toThrow();
  });

  it('allows enrolled → randomized → on-treatment once randomization has given an arm', () => {
    expect(() => checkTransition('enrolled', 'randomized', { randomized: true, hasArm: true })).not.toThrow();
    expect(() => checkTransition('randomized', 'on-treatment', { randomized: true, hasArm: true })).not.toThrow();
  });

  it.each<[ParticipantStatus, ParticipantStatus, typeof open, RegExp]>([
    ['screening', 'enrolled', open, /from screening to enrolled: the next status can only be eligible or ineligible or withdrawn/],
    ['ineligible', 'consented', open, /ineligible is a final status/],
    ['completed', 'on-treatment', open, /completed is a final status/],
    ['enrolled', 'on-treatment', rct, /must randomize the participant first/],
    ['enrolled', 'randomized', rct, /use the randomization endpoint/],
    ['enrolled', 'randomized', open, /does not randomize/],
  ])('refuses %s → %s with a 409', (from, to, ctx, message) => {
    expect(() => checkTransition(from, to, ctx)).toThrow(message);
    try {
      checkTransition(from, to, ctx);
    } catch (e) {
      expect(e).toMatchObject({ code: 'RECORD_TRANSITION_NOT_ALLOWED', status: 409 });
    }
  });

  it('allows withdrawal with a reason from every active state and from no final one', () => {
    for (const from of ['screening', 'eligible', 'consented', 'enrolled', 'randomized', 'on-treatment'] as const) {
      expect(() => checkTransition(from, 'withdrawn', { ...open, reason: 'moved abroad' })).not.toThrow();
    }
    for (const from of ['ineligible', 'completed', 'withdrawn'] as const) {
      expect(() => checkTransition(from, 'withdrawn', { ...open, reason: 'x' })).toThrow(/final status/);
    }
  });

  it('requires a reason to withdraw', () => {
    expect(() => checkTransition('enrolled', 'withdrawn', open)).toThrow(expect.objectContaining({ code: 'AUDIT_REASON_REQUIRED', path: 'reason' }));
  });
});
