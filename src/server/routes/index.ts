import type { RouteModule } from '../context.js';
import { adverseEventRoutes } from './adverse-events.js';
import { analysisRoutes } from './analysis.js';
import { auditTrailRoutes } from './audit-trail.js';
import { authRoutes } from './auth.js';
import { ctgovRoutes } from './ctgov.js';
import { dashboardRoutes } from './dashboard.js';
import { eligibilityRoutes } from './eligibility.js';
import { eligibilityCorrectionRoutes } from './eligibility-corrections.js';
import { evidenceRoutes } from './evidence.js';
import { exportRoutes } from './export.js';
import { fhirPrescreenRoutes } from './fhir-prescreen.js';
import { formRoutes } from './forms.js';
import { importOdmRoutes } from './import-odm.js';
import { participantRoutes } from './participants.js';
import { queryRoutes } from './queries.js';
import { randomizationRoutes } from './randomization.js';
import { redcapRecordRoutes } from './redcap-records.js';
import { signatureRoutes } from './signatures.js';
import { siteRoutes } from './sites.js';
import { studyRoutes } from './studies.js';
import { studySetupRoutes } from './study-setup.js';
import { userRoutes } from './users.js';
import { visitRoutes } from './visits.js';

/** Every route module of the API; add one line per new module. */
export const routeModules: readonly RouteModule[] = [
  randomizationRoutes,
  authRoutes,
  studyRoutes,
  participantRoutes,
  dashboardRoutes,
  evidenceRoutes,
  eligibilityRoutes,
  eligibilityCorrectionRoutes,
  visitRoutes,
  adverseEventRoutes,
  queryRoutes,
  analysisRoutes,
  auditTrailRoutes,
  exportRoutes,
  userRoutes,
  siteRoutes,
  studySetupRoutes,
  formRoutes,
  importOdmRoutes,
  signatureRoutes,
  ctgovRoutes,
  redcapRecordRoutes,
  fhirPrescreenRoutes,
];
