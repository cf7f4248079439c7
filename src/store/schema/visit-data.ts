import { doublePrecision, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { LabAnalyte } from '../../instruments/index.js';
import type { ObservationKind } from '../../visits/visit-data.js';
import type { FormLabRangeAnalyte } from '../../safety/form-lab-adverse-events.js';
import { day } from './columns.js';

export const visits = pgTable('visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  participant_id: uuid('participant_id').notNull(),
  visit_id: text('visit_id').notNull(),
  visit_date: day('visit_date').notNull(),
  status: text('status').$type<'done' | 'missed'>().notNull(),
  /** Stamped by the database: the study's protocol version when the row was entered. */
  protocol_version: text('protocol_version'),
});

export const observations = pgTable('observations', {
  id: uuid('id').primaryKey().defaultRandom(),
  participant_id: uuid('participant_id').notNull(),
  visit_row_id: uuid('visit_row_id'),
  kind: text('kind').$type<ObservationKind>().notNull(),
  key: text('key').notNull(),
  value_num: doublePrecision('value_num'),
  value_text: text('value_text'),
  unit: text('unit'),
  grade: integer('grade'),
  grade_term: text('grade_term'),
  protocol_version: text('protocol_version'),
  /** The defined form (and its version) the value was entered with; null for instruments, labs and panels. */
  form_id: text('form_id'),
  form_version: text('form_version'),
});

export const siteReferenceRanges = pgTable(
  'site_reference_ranges',
  {
    study_id: text('study_id').notNull(),
    site_id: text('site_id').notNull(),
    /** One of the nine safety labs, or a CTCAE-graded analyte of the extensible lab list (src/safety/form-lab-adverse-events.ts). */
    analyte: text('analyte').$type<LabAnalyte | FormLabRangeAnalyte>().notNull(),
    /** A unit of the analyte (checked on entry: the safety labs' table, or the lab catalogue's units). */
    unit: text('unit').notNull(),
    lln: doublePrecision('lln'),
    uln: doublePrecision('uln'),
  },
  (t) => [primaryKey({ columns: [t.study_id, t.site_id, t.analyte] })],
);
