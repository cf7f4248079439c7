import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/** An imported value's AuditRecords from the system it came from, in order (migration 0131). */
export const valueProvenance = pgTable(
  'value_provenance',
  {
    observation_id: uuid('observation_id').notNull(),
    position: integer('position').notNull(),
    transaction_type: text('transaction_type').$type<'Insert' | 'Update'>(),
    value: text('value').notNull(),
    user_oid: text('user_oid').notNull(),
    location_oid: text('location_oid').notNull(),
    date_time_stamp: text('date_time_stamp').notNull(),
    reason_for_change: text('reason_for_change'),
    source_id: text('source_id'),
    file_oid: text('file_oid').notNull(),
    imported_at: instant('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.observation_id, t.position] })],
);

/** Users an imported file's AuditRecords name, per study (not accounts). */
export const importedUsers = pgTable(
  'imported_users',
  {
    study_id: text('study_id').notNull(),
    oid: text('oid').notNull(),
    login: text('login').notNull(),
    display_name: text('display_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.study_id, t.oid] })],
);

/** Electronic signatures an imported file carries, kept as provenance records, not re-applied (migration 0132). */
export const importedSignatures = pgTable('imported_signatures', {
  id: uuid('id').primaryKey().defaultRandom(),
  study_id: text('study_id').notNull(),
  participant_id: uuid('participant_id').notNull(),
  visit_id: text('visit_id'),
  user_oid: text('user_oid').notNull(),
  location_oid: text('location_oid').notNull(),
  signature_oid: text('signature_oid').notNull(),
  date_time_stamp: text('date_time_stamp').notNull(),
  content_hash: text('content_hash').notNull(),
  file_oid: text('file_oid').notNull(),
  imported_at: instant('imported_at').notNull(),
});
