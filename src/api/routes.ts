import type { z } from 'zod';
import { allocationAudit, dispensed, dispensingRow, notification, randomized, unblinding } from './randomization.js';
import { analysis, auditPage, dashboard, evidence, lockResult, report } from './analysis.js';
import { reportedEffectList, sampleSize } from './sample-size.js';
import { apiToken, createdToken, ownSession, session } from './auth.js';
import { fileBody, ok } from './common.js';
import { criterionCorrections, criterionPreview, parsedCriteria, savedCorrections, screeningOutcome, screeningRecord, studyCriteria, validatedExpression } from './eligibility.js';
import { fhirFacts } from './fhir.js';
import { formDefinitions, formValues, savedFormValues } from './forms.js';
import { calendar, consent, participantDetail, participantSummary, recordedDose } from './participants.js';
import { dataQuery, queryListing } from './queries.js';
import { adverseEvent, studyAdverseEvent } from './safety.js';
import { activatedStudy, amendment, odmImport, protocolVersions, referenceRange, site, studyDetail, studySetup, studySummary } from './studies.js';
import { redcapRecordsImport } from './redcap-records.js';
import { ctgovImportResponse } from './ctgov.js';
import { shownSignature } from './signatures.js';
import { issuedPassword, userAccount } from './users.js';
import { immunePanelRow, instrumentObservation, savedVisit, visitObservations, visitRow } from './visits.js';
import { z as zod } from 'zod';

/** What a route answers on success, by status; a `file` route streams a file rather than JSON. */
export interface RouteContract {
  readonly response: Readonly<Partial<Record<200 | 201, z.ZodType>>>;
  readonly file?: true;
}

const list = <T extends z.ZodType>(item: T) => zod.array(item);
const json = (s: z.ZodType, status: 200 | 201 = 200): RouteContract => ({ response: { [status]: s } });
const file: RouteContract = { response: { 200: fileBody }, file: true };

/**
 * The API's one contract: every route's success response, keyed by its method and path as Fastify
 * declares it. The server documents them in the OpenAPI document and, in tests, checks every answer
 * against them; the web takes its types from the same schemas.
 */
export const contract = {
  'POST /api/auth/login': json(session),
  'POST /api/auth/logout': json(ok),
  'GET /api/auth/me': json(session),
  'POST /api/auth/password': json(ok),
  'GET /api/auth/sessions': json(list(ownSession)),
  'DELETE /api/auth/sessions/:sessionId': json(ok),
  'POST /api/auth/tokens': json(createdToken, 201),
  'GET /api/auth/tokens': json(list(apiToken)),
  'DELETE /api/auth/tokens/:id': json(ok),

  'GET /api/users': json(list(userAccount)),
  'POST /api/users': json(zod.object({ user: userAccount, password: zod.string() }), 201),
  'GET /api/users/:username': json(userAccount),
  'POST /api/users/:username/roles': json(userAccount, 201),
  'POST /api/users/:username/roles/revoke': json(userAccount),
  'POST /api/users/:username/disable': json(userAccount),
  'POST /api/users/:username/reset-password': json(issuedPassword),

  'GET /api/studies': json(list(studySummary)),
  'POST /api/studies': json(studySetup, 201),
  'GET /api/studies/:studyId': json(studyDetail),
  'POST /api/studies/:studyId/activate': json(activatedStudy),
  'POST /api/studies/:studyId/amendments': json(amendment, 201),
  'POST /api/studies/:studyId/import/odm': json(odmImport, 201),
  'POST /api/studies/:studyId/import/redcap': json(redcapRecordsImport, 201),
  // A preview (create: false) answers 200 with the draft; creating the design study answers 201.
  'POST /api/studies/import/ctgov': { response: { 200: ctgovImportResponse, 201: ctgovImportResponse } },
  'GET /api/studies/:studyId/versions': json(protocolVersions),
  'GET /api/studies/:studyId/sites': json(list(site)),
  'POST /api/studies/:studyId/sites': json(site, 201),
  'PATCH /api/studies/:studyId/sites/:siteId': json(site),
  'GET /api/studies/:studyId/sites/:siteId/reference-ranges': json(list(referenceRange)),
  'PUT /api/studies/:studyId/sites/:siteId/reference-ranges': json(list(referenceRange)),
  'GET /api/studies/:studyId/dashboard': json(dashboard),

  'GET /api/studies/:studyId/participants': json(list(participantSummary)),
  'POST /api/studies/:studyId/participants': json(participantSummary, 201),
  'GET /api/participants/:id': json(participantDetail),
  'POST /api/participants/:id/consents': json(consent, 201),
  'POST /api/participants/:id/transition': json(participantSummary),
  'GET /api/participants/:id/calendar': json(calendar),
  'POST /api/participants/:id/doses': json(recordedDose, 201),

  'POST /api/eligibility/parse': json(parsedCriteria),
  'GET /api/studies/:studyId/eligibility/criteria': json(studyCriteria),
  'GET /api/participants/:id/screening': json(list(screeningRecord)),
  'POST /api/participants/:id/screening': json(screeningOutcome, 201),
  'POST /api/participants/:id/screening/fhir-facts': json(fhirFacts),
  'GET /api/studies/:studyId/eligibility/corrections': json(criterionCorrections),
  'POST /api/studies/:studyId/eligibility/criteria/:criterionId/validate': json(validatedExpression),
  'POST /api/studies/:studyId/eligibility/criteria/:criterionId/preview': json(criterionPreview),
  'PUT /api/studies/:studyId/eligibility/corrections': json(savedCorrections),

  'GET /api/forms': json(formDefinitions),
  'GET /api/participants/:id/visits/:visitId/forms/:formId': json(formValues),
  'POST /api/participants/:id/visits/:visitId/forms/:formId': json(savedFormValues, 201),

  'GET /api/participants/:id/visits': json(list(visitRow)),
  'GET /api/participants/:id/visits/:visitId/observations': json(visitObservations),
  'POST /api/participants/:id/visits/:visitId/observations': json(savedVisit, 201),
  'GET /api/participants/:id/observations': json(list(instrumentObservation)),
  'GET /api/participants/:id/immune-panels': json(list(immunePanelRow)),

  'GET /api/participants/:id/adverse-events': json(list(adverseEvent)),
  'POST /api/participants/:id/adverse-events': json(adverseEvent, 201),
  'PATCH /api/adverse-events/:id': json(adverseEvent),
  'GET /api/studies/:studyId/adverse-events': json(list(studyAdverseEvent)),

  'POST /api/queries': json(dataQuery, 201),
  'POST /api/queries/:id/answer': json(dataQuery),
  'POST /api/queries/:id/close': json(dataQuery),
  'GET /api/studies/:studyId/queries': json(list(queryListing)),

  'POST /api/participants/:id/randomize': json(randomized),
  'GET /api/studies/:studyId/dispensing': json(list(dispensingRow)),
  'POST /api/participants/:id/dispense': json(dispensed, 201),
  'POST /api/participants/:id/unblind': json(unblinding),
  'GET /api/studies/:studyId/notifications': json(list(notification)),
  'GET /api/studies/:studyId/randomization/list': json(allocationAudit),

  'POST /api/studies/:studyId/lock': json(lockResult),
  'GET /api/studies/:studyId/analysis': json(analysis),
  'GET /api/studies/:studyId/report': json(report),
  'GET /api/studies/:studyId/report.html': file,
  'GET /api/studies/:studyId/audit': json(auditPage),
  'GET /api/studies/:studyId/export/:format/:file': file,
  'GET /api/studies/:studyId/export/:file': file,
  'GET /api/evidence': json(evidence),
  'GET /api/evidence/effects': json(reportedEffectList),
  'GET /api/evidence/sample-size': json(sampleSize),
  'GET /api/openapi.json': json(zod.looseObject({ openapi: zod.string(), paths: zod.record(zod.string(), zod.unknown()) })),
  'POST /api/participants/:id/signatures': json(shownSignature, 201),
  'GET /api/participants/:id/signatures': json(list(shownSignature)),
} as const satisfies Readonly<Record<string, RouteContract>>;

export type ContractRoute = keyof typeof contract;
/** The JSON a route answers with on `status`. */
export type ResponseOf<R extends ContractRoute, S extends 200 | 201 = 200> = (typeof contract)[R]['response'] extends Record<S, infer T extends z.ZodType> ? z.output<T> : never;
