import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { blindedRoles, isArmRevealingField, maskRecord, viewerFor } from './masking.js';

const quadruple = getBuiltinProtocol('ss-il2');
const openLabel = getBuiltinProtocol('als-il2');
const only = (masked: ('participant' | 'care-provider' | 'investigator' | 'outcomes-assessor')[]) => ({
  design: { masking: { level: 'single' as const, masked } },
});

describe('blinded roles', () => {
  it('blind every role but the pharmacist and the safety board in a quadruple-masked trial before lock', () => {
    expect(quadruple.design.masking.level).toBe('quadruple');
    expect(blindedRoles(quadruple, { locked: false })).toEqual([
      'admin', 'investigator', 'coordinator', 'outcomes-assessor', 'participant', 'monitor', 'data-manager', 'statistician', 'designer',
    ]);
  });

  it('unblind the statistician after database lock', () => {
    expect(blindedRoles(quadruple, { locked: true })).not.toContain('statistician');
    expect(viewerFor(quadruple, 'statistician', { locked: false })).toEqual({ blinded: true });
    expect(viewerFor(quadruple, 'statistician', { locked: true })).toEqual({ blinded: false });
  });

  it('never blind the pharmacist, and blind nobody in an open-label study', () => {
    expect(viewerFor(quadruple, 'pharmacist', { locked: false })).toEqual({ blinded: false });
    expect(blindedRoles(openLabel, { locked: false })).toEqual([]);
  });

  it('map each masked registry role to its users', () => {
    const site = ['investigator', 'coordinator', 'outcomes-assessor', 'participant'];
    const siteBlinded = (m: Parameters<typeof only>[0]) => blindedRoles(only(m), { locked: false }).filter((r) => site.includes(r));
    expect(siteBlinded(['participant'])).toEqual(['participant']);
    expect(siteBlinded(['care-provider'])).toEqual(['coordinator']);
    expect(siteBlinded(['investigator'])).toEqual(['investigator']);
    expect(siteBlinded(['outcomes-assessor'])).toEqual(['outcomes-assessor']);
  });
});

describe('maskRecord', () => {
  const record = {
    participant: 'P-001',
    arm: 'active',
    kit: 'K0042',
    visits: [
      { id: 'w12', armId: 'active', scores: [{ essdai: 4, treatment_arm: 'active' }] },
      { id: 'w24', nested: { deeper: [{ ARM_LABEL: 'hrIL-2', value: 1 }, [{ allocation: 'placebo', ok: true }]] } },
    ],
    treatment: { code: 'A' },
    note: null,
  };

  it('removes arm fields at any depth, leaving them absent, for a blinded viewer', () => {
    expect(maskRecord(record, { blinded: true })).toStrictEqual({
      participant: 'P-001',
      kit: 'K0042',
      visits: [
        { id: 'w12', scores: [{ essdai: 4 }] },
        { id: 'w24', nested: { deeper: [{ value: 1 }, [{ ok: true }]] } },
      ],
      note: null,
    });
    const masked = maskRecord(record, { blinded: true }) as Record<string, unknown>;
    expect('arm' in masked).toBe(false);
    expect(JSON.stringify(masked)).not.toMatch(/active|placebo|hrIL-2/);
  });

  it('leaves the input unchanged and returns it as is for an unblinded viewer', () => {
    const before = JSON.stringify(record);
    maskRecord(record, { blinded: true });
    expect(JSON.stringify(record)).toBe(before);
    expect(maskRecord(record, { blinded: false })).toBe(record);
  });

  it('handles bare values and arrays', () => {
    expect(maskRecord([1, 'arm', null, [{ arm: 'x' }]], { blinded: true })).toStrictEqual([1, 'arm', null, [{}]]);
    expect(maskRecord('active', { blinded: true })).toBe('active');
  });

  it('matches names in any case or separator, and not look-alikes', () => {
    for (const k of ['arm', 'armId', 'arm_id', 'ARM-ID', 'armLabel', 'treatment', 'treatmentArm', 'allocation']) expect(isArmRevealingField(k)).toBe(true);
    for (const k of ['arms', 'alarm', 'kit', 'armpit', 'treatments', 'site']) expect(isArmRevealingField(k)).toBe(false);
  });
});
