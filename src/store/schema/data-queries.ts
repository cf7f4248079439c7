import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { QueryStatus } from '../../data-queries/data-query.js';
import { instant } from './columns.js';

export const queries = pgTable('queries', {
  id: uuid('id').primaryKey().defaultRandom(),
  study_id: text('study_id').notNull(),
  participant_id: uuid('participant_id').notNull(),
  entity: text('entity').notNull(),
  entity_id: text('entity_id').notNull(),
  field: text('field').notNull(),
  text: text('text').notNull(),
  status: text('status').$type<QueryStatus>().notNull(),
  raised_by: uuid('raised_by').notNull(),
  raised_at: instant('raised_at').notNull(),
  site_id: text('site_id').notNull(),
  visit_id: text('visit_id'),
  answer: text('answer'),
  answered_by: uuid('answered_by'),
  answered_at: instant('answered_at'),
  closed_by: uuid('closed_by'),
  closed_at: instant('closed_at'),
});
