import { isMaskedField } from '../randomization/index.js';
import { maskProtocol } from '../randomization/masking-views.js';
import type { Protocol } from '../protocol/schema.js';
import type { AuditRecord, FieldChange } from './audit-record.js';

/** An audit record as a blinded viewer may read it: no arm-revealing or block-structure change, no hashes. */
export type MaskedAuditRecord<R extends AuditRecord = AuditRecord> = Omit<R, 'hash' | 'prevHash'>;

/** A protocol written to the trail (a study created or amended) as a blinded reader sees one elsewhere. */
const maskedValue = (v: unknown): unknown => (v !== null && typeof v === 'object' && Array.isArray((v as { arms?: unknown }).arms) ? maskProtocol(v as Protocol) : v);

const maskChange = (c: FieldChange): FieldChange => (c.field === 'protocol' ? { ...c, old: maskedValue(c.old), new: maskedValue(c.new) } : c);

/**
 * The record without the changes of arm-revealing fields and of the sequence's structure (a
 * randomization's block, stratum index and sequence number: the change is absent, not emptied), any
 * protocol in it masked, and without its hashes: a hash covers the arm, so anyone who knows the other
 * fields could test each arm against it.
 */
export function maskAuditRecord<R extends AuditRecord>(record: R): MaskedAuditRecord<R> {
  const { hash: _hash, prevHash: _prevHash, ...rest } = record;
  return { ...rest, changes: record.changes.filter((c) => !isMaskedField(c.field)).map(maskChange) };
}
