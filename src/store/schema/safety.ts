import { boolean, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { AeStatus, Relatedness } from '../../safety/adverse-event.js';
import { day } from './columns.js';

export const adverseEvents = pgTable('adverse_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  participant_id: uuid('participant_id').notNull(),
  term: text('term').notNull(),
  onset_date: day('onset_date').notNull(),
  resolved_date: day('resolved_date'),
  grade: integer('grade').notNull(),
  serious: boolean('serious').notNull().default(false),
  relatedness: text('relatedness').$type<Relatedness>(),
  status: text('status').$type<AeStatus>().notNull().default('confirmed'),
  serious_criteria: text('serious_criteria').array().notNull().default([]),
  action_taken: text('action_taken'),
  outcome: text('outcome'),
  source_observation_id: uuid('source_observation_id'),
});
