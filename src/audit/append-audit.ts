import type { Queryable } from '../store/db.js';
import type { AuditEntry } from './audit-record.js';
import { genesisHash, hashRecord } from './audit-record.js';

/** Any fixed 64-bit number; every writer of the audit chain, in every process, queues on it. */
const auditLockKey = 4_217_000_002;
const columns = ['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'study_id', 'changes', 'reason', 'prev_hash', 'hash'];

/**
 * Append entries to the chain inside the caller's transaction. The transaction-scoped advisory
 * lock is held until commit, so concurrent writers (also in other processes) link one after another.
 * Call it last in a transaction to keep the lock short.
 */
export async function appendAudit(tx: Queryable, entries: readonly AuditEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [auditLockKey]);
  const last = await tx.query<{ hash: string }>('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1');
  const seqs = (
    await tx.query<{ seq: number }>("SELECT nextval(pg_get_serial_sequence('audit', 'seq')) AS seq FROM generate_series(1, $1)", [entries.length])
  )
    .map((r) => r.seq)
    .sort((a, b) => a - b);
  let prevHash = last[0]?.hash ?? genesisHash;
  const atIso = at.toISOString();
  const params: unknown[] = [];
  entries.forEach((e, i) => {
    const seq = seqs[i] as number;
    const hash = hashRecord({ ...e, seq, at: atIso, prevHash });
    params.push(seq, atIso, e.actor, e.action, e.entity, e.entityId, e.studyId, JSON.stringify(e.changes), e.reason, prevHash, hash);
    prevHash = hash;
  });
  const rows = entries.map((_, i) => `(${columns.map((_, j) => `$${i * columns.length + j + 1}`).join(', ')})`);
  await tx.query(`INSERT INTO audit (${columns.join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${rows.join(', ')}`, params);
}
