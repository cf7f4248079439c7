import { describe, expect, it } from 'vitest';
import { isArmRevealingField, maskRecord } from './masking.js';

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
