import { describe, expect, it } from 'vitest';
import type { AuditRecord } from './audit-record.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { maskAuditRecord } from './mask-audit-record.js';

const randomized: AuditRecord = {
  seq: 7,
  at: '2025-03-01T10:00:00.000Z',
  actor: 'u1',
  action: 'update',
  entity: 'participants',
  entityId: 'p1',
  studyId: 'sle-il2',
  chain: 'study:sle-il2',
  changes: [
    { field: 'status', old: 'enrolled', new: 'randomized' },
    { field: 'arm_id', old: null, new: 'active' },
    { field: 'kit_number', old: null, new: 'K0042' },
  ],
  reason: null,
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};

describe('an audit record for a blinded viewer', () => {
  it('drops the arm change and both hashes, keeping every other change and field', () => {
    const { hash: _hash, prevHash: _prevHash, ...kept } = randomized;
    expect(maskAuditRecord(randomized)).toEqual({
      ...kept,
      changes: [
        { field: 'status', old: 'enrolled', new: 'randomized' },
        { field: 'kit_number', old: null, new: 'K0042' },
      ],
    });
  });

  it('leaves the record given unchanged', () => {
    maskAuditRecord(randomized);
    expect(randomized.changes).toHaveLength(3);
    expect(randomized.hash).toBe('b'.repeat(64));
  });

  it("drops a randomization's block, stratum index and sequence number, and masks a protocol written to the trail", () => {
    const randomization: AuditRecord = {
      ...randomized,
      action: 'insert',
      entity: 'randomizations',
      changes: ['sequence', 'stratum', 'stratum_index', 'block', 'arm_id', 'kit_number'].map((field, i) => ({ field, old: null, new: field === 'stratum' ? 'site=a' : i })),
    };
    expect(maskAuditRecord(randomization).changes.map((c) => c.field)).toEqual(['stratum', 'kit_number']);
    const created: AuditRecord = { ...randomized, action: 'insert', entity: 'studies', changes: [{ field: 'protocol', old: null, new: getBuiltinProtocol('sle-il2') }] };
    const shown = maskAuditRecord(created).changes[0]!.new as { arms: unknown; design: { randomization: object } };
    expect(shown.arms).toEqual([{ ratio: 1 }, { ratio: 1 }]);
    expect(shown.design.randomization).not.toHaveProperty('blockSizes');
  });
});
