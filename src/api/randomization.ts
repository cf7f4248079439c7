import { z } from 'zod';
import { isoDateTime } from './common.js';
import { participantStatuses } from '../enrolment/participant-lifecycle.js';

/** Randomization, dispensing and emergency unblinding; an arm only ever reaches an unblinded reader. */

export const randomized = z.object({ id: z.string(), code: z.string(), status: z.enum(participantStatuses), kitNumber: z.string().nullable(), armId: z.string().nullable().optional() });

export const dispensingRow = z.object({
  participantId: z.string(),
  code: z.string(),
  siteId: z.string(),
  kitNumber: z.string(),
  armId: z.string().optional(),
  dispensed: z.boolean(),
  dispensedAt: isoDateTime.nullable(),
});

export const dispensed = z.looseObject({ participantId: z.string(), kitNumber: z.string(), dispensedAt: isoDateTime });

export const unblinding = z.object({ id: z.string(), code: z.string(), armId: z.string().nullable(), kitNumber: z.string().nullable() });

export const notification = z.object({ id: z.string(), kind: z.string(), participantId: z.string(), text: z.string(), createdBy: z.string(), createdAt: isoDateTime });

/** The sealed list and what was drawn from it, for the unblinded statistician's audit. */
export const allocationAudit = z.object({
  scheme: z.looseObject({ scheme: z.string() }),
  seed: z.string(),
  allocations: z.array(z.looseObject({ participantId: z.string(), code: z.string(), siteId: z.string(), armId: z.string(), kitNumber: z.string() })),
  list: z.record(z.string(), z.array(z.looseObject({ index: z.number(), armId: z.string() }))),
});

export const randomizeBody = z.object({
  /** Values of the scheme's non-site factors (site is the participant's own). */
  covariates: z.record(z.string(), z.string()).default({}),
});
export const dispenseBody = z.object({ kitNumber: z.string().trim().min(1) });
export const unblindBody = z.object({ reason: z.string().trim().min(1, 'a reason for breaking the code is required'), password: z.string().min(1) });
