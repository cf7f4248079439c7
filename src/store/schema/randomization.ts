import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { RandomizationState } from '../../randomization/index.js';
import { bytes, instant } from './columns.js';

export const randomizationSeeds = pgTable('randomization_seeds', {
  study_id: text('study_id').primaryKey(),
  seed: bytes('seed').notNull(),
  created_at: instant('created_at').notNull().defaultNow(),
});

export const randomizationStates = pgTable('randomization_states', {
  study_id: text('study_id').primaryKey(),
  state: jsonb('state').$type<RandomizationState>().notNull(),
});

export const randomizations = pgTable('randomizations', {
  participant_id: uuid('participant_id').primaryKey(),
  study_id: text('study_id').notNull(),
  sequence: integer('sequence').notNull(),
  stratum: text('stratum').notNull(),
  stratum_index: integer('stratum_index').notNull(),
  block: integer('block'),
  arm_id: text('arm_id').notNull(),
  kit_number: text('kit_number').notNull(),
  randomized_at: instant('randomized_at').notNull(),
});

export const dispensings = pgTable('dispensings', {
  id: uuid('id').primaryKey().defaultRandom(),
  participant_id: uuid('participant_id').notNull(),
  kit_number: text('kit_number').notNull(),
  dispensed_by: uuid('dispensed_by').notNull(),
  dispensed_at: instant('dispensed_at').notNull(),
});

export const unblindings = pgTable('unblindings', {
  id: uuid('id').primaryKey().defaultRandom(),
  participant_id: uuid('participant_id').notNull(),
  user_id: uuid('user_id').notNull(),
  reason: text('reason').notNull(),
  unblinded_at: instant('unblinded_at').notNull(),
});

export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  study_id: text('study_id').notNull(),
  kind: text('kind').$type<'emergency-unblinding'>().notNull(),
  participant_id: uuid('participant_id'),
  text: text('text').notNull(),
  created_by: uuid('created_by').notNull(),
  created_at: instant('created_at').notNull(),
});
