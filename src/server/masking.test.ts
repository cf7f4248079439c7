import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { armTerms, BLINDED_LABEL, isBlindedIn, maskForBlinded } from './masking.js';

const sle = getBuiltinProtocol('sle-il2');
const als = getBuiltinProtocol('als-il2');
const user = (...roles: [string | null, Principal['assignments'][number]['role']][]): Principal => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  assignments: roles.map(([studyId, role]) => ({ studyId, siteId: null, role })),
});

describe('isBlindedIn', () => {
  it('follows the masking field: SLE masks participant and investigator, so an investigator and a monitor are blind', () => {
    expect(isBlindedIn(user(['sle-il2', 'investigator']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
    expect(isBlindedIn(user(['sle-il2', 'monitor']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
    expect(isBlindedIn(user([null, 'admin']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
  });
  it('leaves the pharmacist, anyone in an open-label study, and a user with one unblinded role unblinded', () => {
    expect(isBlindedIn(user(['sle-il2', 'unblinded-pharmacist']), { id: 'sle-il2', protocol: sle }, false)).toBe(false);
    expect(isBlindedIn(user(['als-il2', 'investigator']), { id: 'als-il2', protocol: als }, false)).toBe(false);
    expect(isBlindedIn(user(['sle-il2', 'monitor'], ['sle-il2', 'unblinded-pharmacist']), { id: 'sle-il2', protocol: sle }, false)).toBe(false);
  });
  it('blinds the statistician until the database is locked (ICH E9 blind review)', () => {
    expect(isBlindedIn(user(['sle-il2', 'statistician']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
    expect(isBlindedIn(user(['sle-il2', 'statistician']), { id: 'sle-il2', protocol: sle }, true)).toBe(false);
  });
  it('counts only the roles held in that study', () => {
    expect(isBlindedIn(user(['other', 'unblinded-pharmacist'], ['sle-il2', 'investigator']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
  });
});

describe('maskForBlinded', () => {
  it('names as arm terms what differs between the SLE arms (ids, labels, intervention ids, drugs)', () => {
    expect([...armTerms(sle)].sort()).toEqual(['active', 'hrIL-2 active', 'hrIL-2 placebo', 'hril2-active', 'hril2-placebo', 'placebo'].sort());
  });
  it('removes arm fields, replaces intervention names and quoted ids, keeps kit numbers', () => {
    const calendar = { armId: 'placebo', kitNumber: 'K0007', doses: [{ day: 1, intervention: 'hril2-placebo', dose: { amount: 1, unit: 'MIU' } }] };
    expect(maskForBlinded(calendar, [sle])).toEqual({ kitNumber: 'K0007', doses: [{ day: 1, intervention: BLINDED_LABEL, dose: { amount: 1, unit: 'MIU' } }] });
    expect(maskForBlinded({ error: { message: 'Intervention "hril2-active" is dosed in MIU/m2.' } }, [sle])).toEqual({
      error: { message: `Intervention "${BLINDED_LABEL}" is dosed in MIU/m2.` },
    });
  });
  it('drops results keyed by arm and keeps the pooled ones', () => {
    expect(maskForBlinded({ pooled: { n: 20 }, byArm: { active: { n: 10 }, placebo: { n: 10 } } }, [sle])).toEqual({ pooled: { n: 20 }, byArm: {} });
  });
  it('reduces a protocol\'s arms to their ratios and drops notes about the arms', () => {
    const masked = maskForBlinded({ protocol: sle }, [sle]) as { protocol: typeof sle };
    expect(masked.protocol.arms).toEqual([{ ratio: 1 }, { ratio: 1 }]);
    // SLE's notes: one says "hrIL-2 N = 30, placebo N = 30"; the others do not speak of the arms.
    const aboutArms = sle.notes.filter((n) => /placebo|hrIL-2 active/i.test(n.text));
    expect(aboutArms.length).toBeGreaterThan(0);
    expect(masked.protocol.notes).toHaveLength(sle.notes.length - aboutArms.length);
    expect(JSON.stringify(masked)).not.toMatch(/placebo/i);
  });
});
