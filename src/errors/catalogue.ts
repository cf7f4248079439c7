import type { ErrorEntry } from './define-errors.js';
import { accountErrors } from '../accounts/errors.js';
import { enrolmentErrors } from '../enrolment/errors.js';
import { siteErrors } from '../use-cases/sites/errors.js';
import { studyLifecycleErrors } from '../use-cases/studies/errors.js';
import { modelErrors } from '../analysis/models/errors.js';
import { reportErrors } from '../analysis/report/errors.js';
import { statsErrors } from '../analysis/stats/errors.js';
import { auditErrors } from '../audit/errors.js';
import { backupErrors } from '../backup/errors.js';
import { authErrors } from '../auth/errors.js';
import { editCheckErrors } from '../edit-checks/errors.js';
import { eligibilityErrors } from '../eligibility/errors.js';
import { evidenceErrors } from '../evidence/errors.js';
import { formsErrors } from '../forms/errors.js';
import { hardeningErrors } from '../server/hardening/errors.js';
import { safetyErrors } from '../safety/errors.js';
import { signatureErrors } from '../signatures/errors.js';
import { instrumentsErrors } from '../instruments/errors.js';
import { interopErrors } from '../interop/errors.js';
import { ctgovErrors } from '../interop/ctgov/errors.js';
import { fhirErrors } from '../interop/fhir/errors.js';
import { redcapRecordErrors } from '../interop/redcap-records/errors.js';
import { protocolErrors } from '../protocol/errors.js';
import { randomizationErrors } from '../randomization/errors.js';
import { databaseErrors } from '../store/database-errors.js';
import { storeErrors } from '../store/errors.js';
import { lockErrors } from '../store/lock-errors.js';
import { randomizationStoreErrors } from '../store/randomization-errors.js';
import { visitDataErrors } from '../store/observations-errors.js';
import { requestErrors } from './request-errors.js';

/** Every area's errors (each defined once in its own errors.ts), in one list. */
export const catalogueAreas: readonly Readonly<Record<string, ErrorEntry>>[] = [
  accountErrors,
  auditErrors,
  authErrors,
  backupErrors,
  ctgovErrors,
  databaseErrors,
  editCheckErrors,
  eligibilityErrors,
  enrolmentErrors,
  evidenceErrors,
  fhirErrors,
  formsErrors,
  hardeningErrors,
  instrumentsErrors,
  interopErrors,
  lockErrors,
  modelErrors,
  protocolErrors,
  randomizationErrors,
  randomizationStoreErrors,
  redcapRecordErrors,
  reportErrors,
  requestErrors,
  safetyErrors,
  signatureErrors,
  siteErrors,
  statsErrors,
  storeErrors,
  studyLifecycleErrors,
  visitDataErrors,
];

/** The one catalogue: every error code the platform answers with, by code. */
export const errorCatalogue: ReadonlyMap<string, ErrorEntry> = new Map(catalogueAreas.flatMap((area) => Object.values(area).map((e) => [e.code, e] as const)));
