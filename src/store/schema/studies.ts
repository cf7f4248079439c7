import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { Protocol } from '../../protocol/schema.js';
import { day, instant } from './columns.js';

export const studies = pgTable('studies', {
  id: text('id').primaryKey(),
  protocol_id: text('protocol_id').notNull(),
  protocol_version: text('protocol_version').notNull(),
  protocol: jsonb('protocol').$type<Protocol>().notNull(),
  title: text('title').notNull(),
  created_at: instant('created_at').notNull().defaultNow(),
  locked_at: instant('locked_at'),
  locked_by: text('locked_by'),
  lock_reason: text('lock_reason'),
  /** design: the protocol may still change and nothing is randomized; live: activated. */
  status: text('status').$type<'design' | 'live'>().notNull().default('live'),
  activated_at: instant('activated_at'),
});

export const sites = pgTable(
  'sites',
  {
    study_id: text('study_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    closed_on: day('closed_on'),
  },
  (t) => [primaryKey({ columns: [t.study_id, t.id] })],
);

/** The sealed allocation list of a study, fixed at activation (its HMAC, so a later list can be checked against it). */
export const allocationSeals = pgTable('allocation_seals', {
  id: uuid('id').primaryKey().defaultRandom(),
  study_id: text('study_id').notNull(),
  entries: integer('entries').notNull(),
  list_hmac: text('list_hmac').notNull(),
  sealed_at: instant('sealed_at').notNull(),
});

/** Every version of a study's protocol, with when it took effect, why, and what changed. */
export const protocolVersions = pgTable('protocol_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  study_id: text('study_id').notNull(),
  version: text('version').notNull(),
  protocol: jsonb('protocol').$type<Protocol>().notNull(),
  effective_date: day('effective_date').notNull(),
  reason: text('reason').notNull(),
  changes: jsonb('changes').$type<unknown>().notNull(),
  reconsent_version: text('reconsent_version'),
  created_at: instant('created_at').notNull(),
  from_version: text('from_version'),
});
