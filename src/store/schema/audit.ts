import { bigint, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { AuditEntry, FieldChange } from '../../audit/audit-record.js';
import { instant } from './columns.js';

/** The append-only audit trail; written only by audit/append-audit.ts, never through AuditedTx. */
export const audit = pgTable('audit', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: instant('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').$type<AuditEntry['action']>().notNull(),
  entity: text('entity').notNull(),
  entity_id: text('entity_id').notNull(),
  study_id: text('study_id'),
  changes: jsonb('changes').$type<FieldChange[]>().notNull(),
  reason: text('reason'),
  prev_hash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  chain: text('chain'),
});

/** The head of each chain as each commit batch left it (append-only), so a truncated chain is noticed. */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.seq] })],
);

/** The audit seq of each participant's last write (derived from the trail; written by audit/append-audit.ts). */
export const participantChanges = pgTable('participant_changes', {
  participant_id: uuid('participant_id').primaryKey(),
  chain: text('chain').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});
