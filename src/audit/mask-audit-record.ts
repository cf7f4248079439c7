import { isArmRevealingField } from '../randomization/index.js';
import type { AuditRecord } from './audit-record.js';

/** An audit record as a blinded viewer may read it: no arm-revealing change, no hashes. */
export type MaskedAuditRecord<R extends AuditRecord = AuditRecord> = Omit<R, 'hash' | 'prevHash'>;

/**
 * The record without the changes of arm-revealing fields (the change is absent, not emptied) and
 * without its hashes: a hash covers the arm, so anyone who knows the other fields could test each
 * arm against it.
 */
export function maskAuditRecord<R extends AuditRecord>(record: R): MaskedAuditRecord<R> {
  const { hash: _hash, prevHash: _prevHash, ...rest } = record;
  return { ...rest, changes: record.changes.filter((c) => !isArmRevealingField(c.field)) };
}
