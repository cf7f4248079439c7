import type { Queryable } from '../store/db.js';
import type { AuditRecord } from './audit-record.js';
import { chainOf, genesisHash, hashRecord } from './audit-record.js';

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
  chain: string | null;
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
    chain: r.chain,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Each chain's records and last hash, by chain name ("legacy" for records written before per-study chains). */
export type ChainTips = Readonly<Record<string, { readonly records: number; readonly lastSeq: number; readonly lastHash: string }>>;

export type VerifyResult =
  | { readonly kind: 'intact'; readonly records: number; readonly chains: ChainTips }
  | {
      readonly kind: 'broken';
      readonly records: number;
      /** The record at fault (for a row without its audit record: the row's table and id are in the message). */
      readonly seq: number | null;
      readonly problem: 'hash-mismatch' | 'link-mismatch' | 'checkpoint-mismatch' | 'unaudited-row';
      readonly message: string;
    };

/** Why a record does not fit after `prevHash`, or null when it does. */
function checkRecord(r: AuditRecord, prevHash: string): 'hash-mismatch' | 'link-mismatch' | null {
  if (r.prevHash !== prevHash) return 'link-mismatch';
  const { hash, ...rest } = r;
  return hashRecord(rest) === hash ? null : 'hash-mismatch';
}

const problemText = {
  'link-mismatch': 'does not link to the record before it in its chain (a record was removed, inserted or reordered)',
  'hash-mismatch': 'was altered after it was written (its hash does not match its content)',
} as const;

/** Records without a chain were written as one chain before chains were per study. */
export const legacyChain = 'legacy';

/** Check records in seq order: each links to its predecessor in its own chain and hashes to its own hash. */
export async function verifyChain(records: AsyncIterable<AuditRecord> | Iterable<AuditRecord>): Promise<VerifyResult> {
  const tips = new Map<string, { records: number; lastSeq: number; lastHash: string }>();
  let n = 0;
  for await (const r of records) {
    n++;
    const chain = r.chain ?? legacyChain;
    const tip = tips.get(chain) ?? { records: 0, lastSeq: 0, lastHash: genesisHash };
    const problem = checkRecord(r, tip.lastHash);
    if (problem) return { kind: 'broken', records: n, seq: r.seq, problem, message: `Audit record ${r.seq} ${problemText[problem]}.` };
    tips.set(chain, { records: tip.records + 1, lastSeq: r.seq, lastHash: r.hash });
  }
  return { kind: 'intact', records: n, chains: Object.fromEntries([...tips].sort(([a], [b]) => a.localeCompare(b))) };
}

/**
 * Read the chain (every chain, or one study's) from the database a page at a time and verify it.
 * A study's chain verifies alone: it needs no record of any other study.
 */
export function verifyAuditTrail(db: Queryable, options: { readonly pageSize?: number; readonly studyId?: string } = {}): Promise<VerifyResult> {
  const pageSize = options.pageSize ?? 5000;
  const chain = options.studyId === undefined ? null : chainOf(options.studyId);
  async function* rows(): AsyncGenerator<AuditRecord> {
    let after = -1;
    for (;;) {
      const page = await db.query<AuditRow>(
        `SELECT * FROM audit WHERE seq > $1 ${chain === null ? '' : 'AND chain = $3'} ORDER BY seq LIMIT $2`,
        chain === null ? [after, pageSize] : [after, pageSize, chain],
      );
      for (const r of page) yield recordFromRow(r);
      if (page.length < pageSize) return;
      after = (page[page.length - 1] as AuditRow).seq;
    }
  }
  return verifyChain(rows());
}
