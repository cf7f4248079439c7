import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { FormDefinition } from '../../forms/definition.js';

/** Each version of a defined form a study holds values under, kept so old records display under it. */
export const formDefinitions = pgTable(
  'form_definitions',
  {
    study_id: text('study_id').notNull(),
    form_id: text('form_id').notNull(),
    version: text('version').notNull(),
    definition: jsonb('definition').$type<FormDefinition>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.study_id, t.form_id, t.version] })],
);
