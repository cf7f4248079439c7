import { createHash } from 'node:crypto';
import type { Queryable } from '../store/db.js';
import type { AuditEntry } from './audit-record.js';
import { chainOf, genesisHash, hashRecord } from './audit-record.js';

const globalChain = chainOf(null);

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
 * the locks short. `participants` are those whose data the entries change: each gets the chain's
 * new head as its last change (participant_changes, which the dashboard cache reads).
 */
export async function appendAudit(tx: Queryable, entries: readonly AuditEntry[], at: Date, participants: readonly string[] = []): Promise<void> {
  const byChain = new Map<string, AuditEntry[]>();
  for (const e of entries) {
    const chain = chainOf(e.studyId);
    const list = byChain.get(chain);
    if (list) list.push(e);
    else byChain.set(chain, [e]);
  }
  for (const chain of [...byChain.keys()].sort()) await appendToChain(tx, chain, byChain.get(chain)!, at, chain === globalChain ? [] : participants);
}

/**
 * Three statements per chain. The lock comes first and alone: a statement reads with the snapshot
 * it started with, so the tip must be read by a statement that starts after the lock is held, or
 * two writers could link to the same predecessor.
 */
async function appendToChain(tx: Queryable, chain: string, entries: readonly AuditEntry[], at: Date, participants: readonly string[]): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [auditLockClass, lockKey(chain)]);
  const [tip] = await tx.query<{ hash: string | null; seqs: (number | string)[] }>(
    `SELECT (SELECT hash FROM audit WHERE chain = $1 ORDER BY seq DESC LIMIT 1) AS hash,
            ARRAY(SELECT nextval(pg_get_serial_sequence('audit', 'seq')) FROM generate_series(1, $2)) AS seqs`,
    [chain, entries.length],
  );
  // int8 arrays come back as text.
  const seqs = tip!.seqs.map(Number).sort((a, b) => a - b);
  let prevHash = tip!.hash ?? genesisHash;
  const atIso = at.toISOString();
  const params: unknown[] = [];
  entries.forEach((e, i) => {
    const seq = seqs[i] as number;
    const hash = hashRecord({ ...e, seq, at: atIso, chain, prevHash });
    params.push(seq, atIso, e.actor, e.action, e.entity, e.entityId, e.studyId, JSON.stringify(e.changes), e.reason, chain, prevHash, hash);
    prevHash = hash;
  });
  const rows = entries.map((_, i) => `(${columns.map((_, j) => `$${i * columns.length + j + 1}`).join(', ')})`);
  const head = params.length;
  const last = seqs[seqs.length - 1];
  const records = `records AS (INSERT INTO audit (${columns.join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${rows.join(', ')})`;
  // The chain's new head is there so that removing records from its end is seen (verify-anchors.ts).
  const checkpoint = `INSERT INTO audit_checkpoints (chain, seq, hash, at) VALUES ($${head + 1}, $${head + 2}, $${head + 3}, $${head + 4})`;
  // All in one statement: the records, the head, and the participants' last change.
  if (participants.length === 0) await tx.query(`WITH ${records} ${checkpoint}`, [...params, chain, last, prevHash, atIso]);
  else
    await tx.query(
      `WITH ${records}, head AS (${checkpoint})
       INSERT INTO participant_changes (participant_id, chain, seq) SELECT unnest($${head + 5}::uuid[]), $${head + 1}, $${head + 2}
       ON CONFLICT (participant_id) DO UPDATE SET chain = excluded.chain, seq = excluded.seq`,
      [...params, chain, last, prevHash, atIso, participants],
    );
}
