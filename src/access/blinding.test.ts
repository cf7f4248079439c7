import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { MaskedRole } from '../protocol/schema.js';
import { blindedRoles, isBlinded } from './blinding.js';
import type { Role } from './roles.js';

const quadruple = getBuiltinProtocol('ss-il2').design.masking;
const double = getBuiltinProtocol('sle-il2').design.masking;
const open = getBuiltinProtocol('als-il2').design.masking;
const single = (...masked: MaskedRole[]) => ({ level: 'single' as const, masked });
const grants = (...roles: Role[]) => roles.map((role) => ({ studyId: 's', siteId: null, role }));

describe('who is blinded, per masking level', () => {
  it('blinds every role but the pharmacist in a quadruple-masked trial before lock', () => {
    expect(quadruple).toEqual({ level: 'quadruple', masked: ['participant', 'care-provider', 'investigator', 'outcomes-assessor'] });
    expect(blindedRoles(quadruple, { locked: false })).toEqual(['investigator', 'coordinator', 'outcomes-assessor', 'monitor', 'data-manager', 'statistician', 'admin']);
  });

  it('unblinds the statistician at database lock, no one else', () => {
    expect(blindedRoles(quadruple, { locked: true })).toEqual(['investigator', 'coordinator', 'outcomes-assessor', 'monitor', 'data-manager', 'admin']);
  });

  it('blinds the whole site clinical staff in a double-blind trial, though the record names only participant and investigator (ICH E9 2.3.1)', () => {
    expect(double).toEqual({ level: 'double', masked: ['participant', 'investigator'] });
    expect(blindedRoles(double, { locked: false })).toEqual(['investigator', 'coordinator', 'outcomes-assessor', 'monitor', 'data-manager', 'statistician', 'admin']);
  });

  it('blinds at single masking only the site roles the registry names, and the reviewers', () => {
    const reviewers = ['monitor', 'data-manager', 'statistician', 'admin'];
    expect(blindedRoles(single('participant'), { locked: false })).toEqual(reviewers);
    expect(blindedRoles(single('care-provider'), { locked: false })).toEqual(['coordinator', ...reviewers]);
    expect(blindedRoles(single('investigator'), { locked: false })).toEqual(['investigator', ...reviewers]);
    expect(blindedRoles(single('outcomes-assessor'), { locked: false })).toEqual(['outcomes-assessor', ...reviewers]);
  });

  it('blinds no one in an open-label trial', () => {
    expect(blindedRoles(open, { locked: false })).toEqual([]);
  });

  it('leaves a holder unblinded by one unblinded role, and a holder of no role is not "blinded" but refused elsewhere', () => {
    expect(isBlinded(grants('monitor'), quadruple, { locked: false })).toBe(true);
    expect(isBlinded(grants('monitor', 'unblinded-pharmacist'), quadruple, { locked: false })).toBe(false);
    expect(isBlinded(grants('statistician'), quadruple, { locked: true })).toBe(false);
    expect(isBlinded(grants('investigator'), open, { locked: false })).toBe(false);
    expect(isBlinded([], quadruple, { locked: false })).toBe(false);
  });
});
