import { z } from 'zod';
import { isoDateTime } from './common.js';
import { queryStatuses } from '../data-queries/data-query.js';

/** Data queries on one saved value: raised by a monitor, answered by the site, closed by their raiser. */

export const dataQuery = z.object({
  id: z.string(),
  studyId: z.string(),
  siteId: z.string(),
  participantId: z.string(),
  visitId: z.string().nullable(),
  field: z.string(),
  text: z.string(),
  status: z.enum(queryStatuses),
  raisedBy: z.string(),
  raisedAt: isoDateTime,
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
  closedBy: z.string().nullable(),
  closedAt: isoDateTime.nullable(),
});

export const queryListing = dataQuery.extend({ participantCode: z.string(), raisedByName: z.string(), answeredByName: z.string().nullable(), closedByName: z.string().nullable() });

export const raiseBody = z.object({
  participantId: z.string().min(1),
  visitId: z.string().min(1).optional(),
  /** A visit-form field id: `<instrument>.<item>`, `labs.<analyte>`, `immune-panel.<subset>`. */
  field: z.string().trim().min(1).max(100),
  text: z.string().trim().min(1).max(2000),
});
export const answerBody = z.object({ text: z.string().trim().min(1).max(2000), correction: z.number().optional() });
export const listQuery = z.object({ status: z.enum(queryStatuses).optional(), siteId: z.string().min(1).optional() });
