import type { Queryable } from '../store/db.js';
import type { AuditRecord } from './audit-record.js';
import { genesisHash, hashRecord } from './audit-record.js';

export interface AuditRow {
  seq: number;
  at: Date;
  actor: string;
  action: AuditRecord['action'];
  entity: string;
  entity_id: string;
  study_id: string | null;
  changes: AuditRecord['changes'];
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export function recordFromRow(r: AuditRow): AuditRecord {
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    studyId: r.study_id,
    changes: r.changes,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export type VerifyResult =
  | { readonly kind: 'intact'; readonly records: number; readonly lastHash: string }
  | {
      readonly kind: 'broken';
      readonly records: number;
      readonly seq: number;
      readonly problem: 'hash-mismatch' | 'link-mismatch';
      readonly message: string;
    };

/** Why a record does not fit after `prevHash`, or null when it does. */
function checkRecord(r: AuditRecord, prevHash: string): Extract<VerifyResult, { kind: 'broken' }>['problem'] | null {
  if (r.prevHash !== prevHash) return 'link-mismatch';
  const { hash, ...rest } = r;
  return hashRecord(rest) === hash ? null : 'hash-mismatch';
}

const problemText = {
  'link-mismatch': 'does not link to the record before it (a record was removed, inserted or reordered)',
  'hash-mismatch': 'was altered after it was written (its hash does not match its content)',
} as const;

/** Check records in seq order: each links to its predecessor and hashes to its own hash. */
export async function verifyChain(records: AsyncIterable<AuditRecord> | Iterable<AuditRecord>): Promise<VerifyResult> {
  let prev = genesisHash;
  let n = 0;
  for await (const r of records) {
    n++;
    const problem = checkRecord(r, prev);
    if (problem) return { kind: 'broken', records: n, seq: r.seq, problem, message: `Audit record ${r.seq} ${problemText[problem]}.` };
    prev = r.hash;
  }
  return { kind: 'intact', records: n, lastHash: prev };
}

/** Read the whole chain from the database, a page at a time, and verify it. */
export function verifyAuditTrail(db: Queryable, pageSize = 5000): Promise<VerifyResult> {
  async function* rows(): AsyncGenerator<AuditRecord> {
    let after = -1;
    for (;;) {
      const page = await db.query<AuditRow>('SELECT * FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2', [after, pageSize]);
      for (const r of page) yield recordFromRow(r);
      if (page.length < pageSize) return;
      after = (page[page.length - 1] as AuditRow).seq;
    }
  }
  return verifyChain(rows());
}
