import { createHash } from 'node:crypto';
import type { Queryable } from '../store/db.js';
import type { AuditEntry } from './audit-record.js';
import { chainOf, genesisHash, hashRecord } from './audit-record.js';

/** The advisory-lock class of audit chains; the second key is taken from the chain's name. */
const auditLockClass = 421_700;
const columns = ['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'study_id', 'changes', 'reason', 'chain', 'prev_hash', 'hash'];

/** A 32-bit lock key for a chain. Two chains sharing a key only queue behind each other. */
const lockKey = (chain: string): number => createHash('sha256').update(chain).digest().readInt32BE(0);

/**
 * Append entries to their chains inside the caller's transaction. Each chain's transaction-scoped
 * advisory lock is held until commit, so concurrent writers of one study (also in other processes)
 * link one after another while other studies write in parallel. Chains are locked in name order, so
 * two transactions touching the same studies cannot deadlock. Call it last in a transaction to keep
 * the locks short.
 */
export async function appendAudit(tx: Queryable, entries: readonly AuditEntry[], at: Date): Promise<void> {
  const byChain = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const chain = chainOf(e.studyId);
    const list = byChain.get(chain);
    if (list) list.push(e);
    else byChain.set(chain, [e]);
  }
  for (const chain of [...byChain.keys()].sort()) await appendToChain(tx, chain, byChain.get(chain)!, at);
}

async function appendToChain(tx: Queryable, chain: string, entries: readonly AuditEntry[], at: Date): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [auditLockClass, lockKey(chain)]);
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit WHERE chain = $1 ORDER BY seq DESC LIMIT 1', [chain]);
  const seqs = (await tx.query<{ seq: number }>("SELECT nextval(pg_get_serial_sequence('audit', 'seq')) AS seq FROM generate_series(1, $1)", [entries.length])).map((r) => r.seq).sort((a, b) => a - b);
  let prevHash = last[0]?.hash ?? genesisHash;
  const atIso = at.toISOString();
  const params: unknown[] = [];
  entries.forEach((e, i) => {
    const seq = seqs[i] as number;
    const hash = hashRecord({ ...e, seq, at: atIso, chain, prevHash });
    params.push(seq, atIso, e.actor, e.action, e.entity, e.entityId, e.studyId, JSON.stringify(e.changes), e.reason, chain, prevHash, hash);
    prevHash = hash;
  });
  const rows = entries.map((_, i) => `(${columns.map((_, j) => `$${i * columns.length + j + 1}`).join(', ')})`);
  await tx.query(`INSERT INTO audit (${columns.join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${rows.join(', ')}`, params);
  // The chain's new head, so that removing records from its end is seen (verify-anchors.ts).
  await tx.query('INSERT INTO audit_checkpoints (chain, seq, hash, at) VALUES ($1, $2, $3, $4)', [chain, seqs[seqs.length - 1], prevHash, atIso]);
}
