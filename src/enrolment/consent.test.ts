import { describe, expect, it } from 'vitest';
import { consentVersionInForce, needsReconsent } from './consent.js';

describe('consent versions', () => {
  it('signs the re-consent version once an amendment names one, the protocol version before', () => {
    expect(consentVersionInForce(null, '1a')).toBe('1a');
    expect(consentVersionInForce('consent-2', '2')).toBe('consent-2');
  });

  it('flags a participant in the trial whose latest consent is not under the required version', () => {
    const old = { formVersion: '1', signedOn: '2025-06-02' };
    const current = { formVersion: 'consent-2', signedOn: '2025-07-02' };
    expect(needsReconsent('on-treatment', old, 'consent-2')).toBe(true);
    expect(needsReconsent('enrolled', current, 'consent-2')).toBe(false);
    // No amendment asked for re-consent; or the participant is no longer (or not yet) under consent.
    expect(needsReconsent('on-treatment', old, null)).toBe(false);
    expect(needsReconsent('withdrawn', old, 'consent-2')).toBe(false);
    expect(needsReconsent('completed', old, 'consent-2')).toBe(false);
    expect(needsReconsent('eligible', null, 'consent-2')).toBe(false);
  });
});
