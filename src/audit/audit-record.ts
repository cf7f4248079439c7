import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export type AuditAction = 'insert' | 'update' | 'delete';

/** One field's change; `old` is null for an insert, `new` is null for a delete. */
export interface FieldChange {
  readonly field: string;
  readonly old: unknown;
  readonly new: unknown;
}

/** What a write says about itself, before it is placed in the chain. */
export interface AuditEntry {
  readonly actor: string;
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId: string;
  readonly studyId: string | null;
  readonly changes: readonly FieldChange[];
  readonly reason: string | null;
}

export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash of the first record's predecessor. */
export const genesisHash = '0'.repeat(64);

/** sha256 over the previous hash and the canonical JSON of every other field of the record. */
export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  const { prevHash, ...body } = record;
  return createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');
}
