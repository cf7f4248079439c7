import { z } from 'zod';
import { pathStages } from '../enrolment/furthest-stage.js';
import { participantStatuses } from '../enrolment/participant-lifecycle.js';
import { isoDate, isoDateTime } from './common.js';

/** The study's dashboard, analysis, report, audit trail and evidence. */

const week = z.object({ from: isoDate, to: isoDate });
const visitDue = z.object({ participantId: z.string(), code: z.string(), visitId: z.string(), name: z.string(), date: isoDate, earliest: isoDate, latest: isoDate });
const listPage = z.object({ offset: z.number(), total: z.number() });
const doseDue = z.object({ participantId: z.string(), code: z.string(), day: z.number(), date: isoDate });

export const dashboard = z.object({
  /** `funnel`: participants by the furthest stage of the path each reached, so the enrolment count and the funnel agree. */
  enrolment: z.object({ target: z.number(), enrolled: z.number(), byStatus: z.partialRecord(z.enum(participantStatuses), z.number()), funnel: z.record(z.enum(pathStages), z.number()) }),
  week,
  visitsDue: z.array(visitDue),
  visitsOverdue: z.array(visitDue),
  dosesDue: z.array(doseDue),
  openQueries: z.number(),
  adverseEventsByGrade: z.record(z.string(), z.number()),
  /** Where each list's items lie in the whole list: the query's `limit` and offsets page them. */
  paging: z.object({ visitsDue: listPage, visitsOverdue: listPage, dosesDue: listPage }),
});

/** The analysis of a study's endpoints as its protocol defines them (pooled before lock, by arm after). */
export const analysis = z.looseObject({
  locked: z.boolean(),
  lockedAt: isoDateTime.nullable(),
  view: z.enum(['pooled', 'by-arm']),
  analysisSets: z.array(z.object({ id: z.string(), n: z.number() })),
  endpoints: z.array(z.looseObject({ outcomeId: z.string(), measure: z.string() })),
});

/** The report's data (what report.html and the PDF render). */
export const report = z.looseObject({
  study: z.looseObject({ id: z.string(), title: z.string(), locked: z.boolean() }),
  cutOff: isoDate,
  view: z.enum(['pooled', 'by-arm']),
  flow: z.looseObject({ screened: z.number(), enrolled: z.number(), randomized: z.number() }),
});

export const lockResult = z.object({ locked: z.literal(true), lockedAt: isoDateTime, lockedBy: z.string(), reason: z.string() });

/** A page of the audit trail, newest first; a blinded reader's records carry no hash and no arm change. */
export const auditPage = z.object({
  records: z.array(
    z.looseObject({
      seq: z.number(),
      at: isoDateTime,
      actor: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string(),
      studyId: z.string().nullable(),
      changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
      reason: z.string().nullable(),
      chain: z.string(),
      hash: z.string().optional(),
      prevHash: z.string().optional(),
    }),
  ),
  next: z.number().nullable(),
});

/** The review's tables of published and unpublished trials (filtered by disease or dose when asked). */
export const evidence = z.union([z.array(z.record(z.string(), z.unknown())), z.record(z.string(), z.unknown())]);

/** Request. */
export const trailQuery = z.object({
  entity: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
