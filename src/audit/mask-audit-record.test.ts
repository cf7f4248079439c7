import { describe, expect, it } from 'vitest';
import type { AuditRecord } from './audit-record.js';
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
});
