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
  /** The chain the record links into (see chainOf); null for records written before chains were per study. */
  readonly chain: string | null;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash of the first record's predecessor in every chain. */
export const genesisHash = '0'.repeat(64);

/** Each study has its own chain; records that belong to no study (accounts, sessions) share one. */
export function chainOf(studyId: string | null): string {
  return studyId === null ? 'global' : `study:${studyId}`;
}

/**
 * sha256 over the previous hash and the canonical JSON of every other field of the record. A record
 * without a chain hashes as it did before chains existed, so old records still verify.
 */
export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  const { prevHash, chain, ...body } = record;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson(chain === null ? body : { ...body, chain }))
    .digest('hex');
}
