import type { Queryable } from '../store/db.js';
import { chainOf } from './audit-record.js';
import { legacyChain, verifyAuditTrail, type VerifyResult } from './verify-audit.js';

/** A chain's head as a checkpoint records it: its last record's seq and hash. */
export interface ChainHead {
  readonly chain: string;
  readonly seq: number;
  readonly hash: string;
}

type Broken = Extract<VerifyResult, { kind: 'broken' }>;

/**
 * Tables written only through audited transactions, with the expression naming a row as its
 * audit records do (`id`, or the key of tables without one; see store/audited-tx.ts).
 */
const auditedTables: readonly { readonly table: string; readonly key: string }[] = [
  ...[
    'studies',
    'sites',
    'users',
    'role_assignments',
    'api_tokens',
    'participants',
    'screening_records',
    'consents',
    'visits',
    'observations',
    'doses',
    'adverse_events',
    'queries',
    'dispensings',
    'unblindings',
    'notifications',
  ].map((table) => ({ table, key: 't.id::text' })),
  { table: 'enrolments', key: 't.participant_id::text' },
  { table: 'randomizations', key: 't.participant_id::text' },
  { table: 'site_reference_ranges', key: "t.study_id || '/' || t.site_id || '/' || t.analyte" },
];

const broken = (records: number, seq: number | null, problem: Broken['problem'], message: string): Broken => ({ kind: 'broken', records, seq, problem, message });

/** The first head (stored checkpoint or one given from outside) whose record is gone or differs. */
async function checkHeads(q: Queryable, heads: readonly ChainHead[], records: number, source: string): Promise<Broken | null> {
  for (const h of [...heads].sort((a, b) => a.seq - b.seq)) {
    const [a] = await q.query<{ hash: string; chain: string }>(`SELECT hash, coalesce(chain, '${legacyChain}') AS chain FROM audit WHERE seq = $1`, [h.seq]);
    if (!a) return broken(records, h.seq, 'checkpoint-mismatch', `Audit record ${h.seq}, the head of chain ${h.chain} in ${source}, is missing (records were removed from the end of the chain).`);
    if (a.hash !== h.hash || a.chain !== h.chain)
      return broken(records, h.seq, 'checkpoint-mismatch', `Audit record ${h.seq} does not match the head of chain ${h.chain} in ${source} (it was altered or replaced).`);
  }
  return null;
}

/** Checkpoints whose record is missing or has another hash: only those need a closer look. */
async function suspectCheckpoints(q: Queryable, chain: string | null): Promise<ChainHead[]> {
  return q.query<ChainHead>(
    `SELECT c.chain, c.seq, c.hash FROM audit_checkpoints c LEFT JOIN audit a ON a.seq = c.seq
     WHERE (a.seq IS NULL OR a.hash <> c.hash OR coalesce(a.chain, '${legacyChain}') <> c.chain) ${chain === null ? '' : 'AND c.chain = $1'}
     ORDER BY c.seq LIMIT 1`,
    chain === null ? [] : [chain],
  );
}

/** The first row of an audited table that has no audit record of its insertion. */
async function unauditedRow(q: Queryable, records: number): Promise<Broken | null> {
  const present = new Set((await q.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = current_schema()')).map((r) => r.tablename));
  for (const { table, key } of auditedTables.filter((t) => present.has(t.table))) {
    const [row] = await q.query<{ id: string }>(
      `SELECT ${key} AS id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.entity = $1 AND a.entity_id = ${key} AND a.action = 'insert') LIMIT 1`,
      [table],
    );
    if (row) return broken(records, null, 'unaudited-row', `The ${table} record ${row.id} has no audit record of its creation (audit records were removed).`);
  }
  return null;
}

/**
 * The whole check behind `audit verify`: every chain links and hashes; every stored checkpoint,
 * and every head given from outside (`audit checkpoint --out`), still names its record; and, for
 * the whole trail, every row of an audited table has the audit record of its insertion. The last
 * two catch what the chain alone cannot: records removed from the end.
 */
export async function verifyAudit(q: Queryable, options: { readonly studyId?: string; readonly heads?: readonly ChainHead[] } = {}): Promise<VerifyResult> {
  const chain = await verifyAuditTrail(q, options.studyId === undefined ? {} : { studyId: options.studyId });
  if (chain.kind === 'broken') return chain;
  const only = options.studyId === undefined ? null : chainOf(options.studyId);
  const stored = await checkHeads(q, await suspectCheckpoints(q, only), chain.records, 'the checkpoint table');
  if (stored) return stored;
  const given = options.heads?.filter((h) => only === null || h.chain === only) ?? [];
  const outside = await checkHeads(q, given, chain.records, 'the checkpoint file');
  if (outside) return outside;
  return only === null ? ((await unauditedRow(q, chain.records)) ?? chain) : chain;
}

/** The heads of every chain now, to keep outside the database. */
export function headsOf(result: Extract<VerifyResult, { kind: 'intact' }>): ChainHead[] {
  return Object.entries(result.chains).map(([chain, tip]) => ({ chain, seq: tip.lastSeq, hash: tip.lastHash }));
}
