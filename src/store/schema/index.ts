/**
 * The one declaration of the database's tables (Drizzle pg-core): row types come from here
 * (`Row<typeof table>`), and AuditedTx writes through it. The SQL migrations create the tables;
 * schema.int.test.ts checks that the two agree column by column.
 */
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { apiTokens, roleAssignments, sessions, signInFailures, users } from './accounts.js';
import { audit, auditCheckpoints, participantChanges } from './audit.js';
import { queries } from './data-queries.js';
import { doses } from './dosing.js';
import { formDefinitions } from './forms.js';
import { consents, enrolments, participants, screeningRecords } from './participants.js';
import { dispensings, notifications, randomizations, randomizationSeeds, randomizationStates, unblindings } from './randomization.js';
import { importedSignatures, importedUsers, valueProvenance } from './provenance.js';
import { adverseEvents } from './safety.js';
import { signatures } from './signatures.js';
import { allocationSeals, protocolVersions, sites, studies } from './studies.js';
import { observations, siteReferenceRanges, visits } from './visit-data.js';

export * from './accounts.js';
export * from './audit.js';
export * from './data-queries.js';
export * from './dosing.js';
export * from './forms.js';
export * from './participants.js';
export * from './provenance.js';
export * from './randomization.js';
export * from './safety.js';
export * from './signatures.js';
export * from './studies.js';
export * from './visit-data.js';

/** A row as read from `table`. */
export type Row<T extends PgTable> = InferSelectModel<T>;
/** A row as written into `table` (columns with defaults may be left out). */
export type NewRow<T extends PgTable> = InferInsertModel<T>;

/** Every table of the schema, for the check against the migrated database. */
export const allTables: readonly PgTable[] = [
  studies,
  sites,
  allocationSeals,
  protocolVersions,
  users,
  roleAssignments,
  sessions,
  apiTokens,
  signInFailures,
  participants,
  screeningRecords,
  consents,
  enrolments,
  visits,
  observations,
  formDefinitions,
  siteReferenceRanges,
  doses,
  adverseEvents,
  queries,
  randomizationSeeds,
  randomizationStates,
  randomizations,
  dispensings,
  unblindings,
  notifications,
  audit,
  auditCheckpoints,
  participantChanges,
  valueProvenance,
  importedUsers,
  importedSignatures,
  signatures,
];
