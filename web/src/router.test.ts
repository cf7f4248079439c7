import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from './router.js';

describe('hash router', () => {
  it('reads each page from its hash', () => {
    expect(parseRoute('')).toEqual({ kind: 'studies' });
    expect(parseRoute('#/login')).toEqual({ kind: 'login' });
    expect(parseRoute('#/studies/ss-il2')).toEqual({ kind: 'dashboard', studyId: 'ss-il2' });
    expect(parseRoute('#/participants/p%2F1/screening')).toEqual({ kind: 'screening', participantId: 'p/1' });
    expect(parseRoute('#/participants/p1/visits/week-24')).toEqual({ kind: 'visit', participantId: 'p1', visitId: 'week-24' });
    expect(parseRoute('#/evidence/')).toEqual({ kind: 'evidence' });
    expect(parseRoute('#/admin')).toEqual({ kind: 'admin' });
    expect(parseRoute('#/password')).toEqual({ kind: 'password' });
    expect(parseRoute('#/studies/ss-il2/dispensing')).toEqual({ kind: 'dispensing', studyId: 'ss-il2' });
    expect(parseRoute('#/studies/ss-il2/analysis')).toEqual({ kind: 'analysis', studyId: 'ss-il2' });
    expect(parseRoute('#/studies/ss-il2/review')).toEqual({ kind: 'review', studyId: 'ss-il2' });
  });

  it('names an unknown path instead of guessing a page', () => {
    expect(parseRoute('#/studies/ss-il2/nowhere')).toEqual({ kind: 'not-found', path: '/studies/ss-il2/nowhere' });
  });

  it('writes hashes that read back as the same route', () => {
    const routes: Route[] = [
      { kind: 'login' },
      { kind: 'studies' },
      { kind: 'evidence' },
      { kind: 'admin' },
      { kind: 'password' },
      { kind: 'dashboard', studyId: 'sle-il2' },
      { kind: 'dispensing', studyId: 'sle-il2' },
      { kind: 'analysis', studyId: 'a/b' },
      { kind: 'review', studyId: 'sle-il2' },
      { kind: 'criteria', studyId: 'sle-il2' },
      { kind: 'participant', participantId: 'a b' },
      { kind: 'screening', participantId: 'x' },
      { kind: 'visit', participantId: 'x', visitId: 'week-12' },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
  });
});
