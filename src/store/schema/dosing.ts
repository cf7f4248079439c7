import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { day } from './columns.js';

export const doses = pgTable('doses', {
  id: uuid('id').primaryKey().defaultRandom(),
  participant_id: uuid('participant_id').notNull(),
  day: integer('day').notNull(),
  dose_date: day('dose_date').notNull(),
  status: text('status').$type<'given' | 'held'>().notNull(),
  reason: text('reason'),
  protocol_version: text('protocol_version'),
});
