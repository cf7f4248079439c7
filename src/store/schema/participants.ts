import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { EligibilityStatus } from '../../eligibility/evaluate.js';
import type { RecordedAttestation, ScreeningExplanation } from '../../enrolment/screening-decision.js';
import type { ParticipantStatus } from '../../enrolment/participant-lifecycle.js';
import { day, instant } from './columns.js';

export const participants = pgTable('participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  study_id: text('study_id').notNull(),
  site_id: text('site_id').notNull(),
  code: text('code').notNull(),
  sex: text('sex').$type<'female' | 'male'>().notNull(),
  birth_date: day('birth_date').notNull(),
  status: text('status').$type<ParticipantStatus>().notNull(),
  status_reason: text('status_reason'),
  status_on: day('status_on'),
  arm_id: text('arm_id'),
  kit_number: text('kit_number'),
  start_date: day('start_date'),
  created_at: instant('created_at').notNull().defaultNow(),
});

export const screeningRecords = pgTable('screening_records', {
  id: uuid('id').primaryKey().defaultRandom(),
  participant_id: uuid('participant_id').notNull(),
  screened_on: day('screened_on').notNull(),
  decision: text('decision').$type<EligibilityStatus>().notNull(),
  explanation: jsonb('explanation').$type<ScreeningExplanation>().notNull(),
  facts: jsonb('facts').$type<Record<string, unknown>>().notNull().default({}),
  attestations: jsonb('attestations').$type<RecordedAttestation[]>().notNull().default([]),
  first_dose: day('first_dose'),
  protocol_version: text('protocol_version'),
  screened_by: uuid('screened_by'),
  recorded_at: instant('recorded_at'),
});

export const consents = pgTable('consents', {
  id: uuid('id').primaryKey().defaultRandom(),
  participant_id: uuid('participant_id').notNull(),
  form_version: text('form_version').notNull(),
  signed_on: day('signed_on').notNull(),
  recorded_at: instant('recorded_at').notNull().defaultNow(),
});

export const enrolments = pgTable('enrolments', {
  participant_id: uuid('participant_id').primaryKey(),
  enrolled_on: day('enrolled_on').notNull(),
});
