import { bigint, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/** Electronic signatures of a visit (visit_id) or a casebook (visit_id null); append-only (migration 0112). */
export const signatures = pgTable('signatures', {
  id: uuid('id').primaryKey().defaultRandom(),
  ordinal: bigint('ordinal', { mode: 'number' }).generatedAlwaysAsIdentity(),
  study_id: text('study_id').notNull(),
  participant_id: uuid('participant_id').notNull(),
  visit_id: text('visit_id'),
  signer_id: uuid('signer_id').notNull(),
  signer_name: text('signer_name').notNull(),
  meaning: text('meaning').notNull(),
  signed_at: instant('signed_at').notNull(),
  content_hash: text('content_hash').notNull(),
});
