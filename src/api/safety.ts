import { z } from 'zod';
import { actionsTaken, aeOutcomes, aeStatuses, relatednessLevels, seriousCriteria } from '../safety/adverse-event.js';
import { isoDate } from './common.js';

/** Adverse events: reported by the site, proposed from graded labs, decided by the investigator. */

export const adverseEvent = z.object({
  id: z.string(),
  participantId: z.string(),
  status: z.enum([...aeStatuses, 'withdrawn']),
  term: z.string(),
  onsetDate: isoDate,
  endDate: isoDate.nullable(),
  grade: z.number().int(),
  serious: z.boolean(),
  seriousCriteria: z.array(z.enum(seriousCriteria)),
  relatedness: z.enum(relatednessLevels).nullable(),
  actionTaken: z.enum(actionsTaken).nullable(),
  outcome: z.enum(aeOutcomes).nullable(),
  sourceObservationId: z.string().nullable(),
});

/** The study's list adds who and where. */
export const studyAdverseEvent = adverseEvent.extend({ participantCode: z.string().optional(), siteId: z.string().optional() });

const aeFields = {
  term: z.string().trim().min(1, 'enter the adverse event term, as CTCAE v5.0 names it').max(200),
  onsetDate: z.iso.date(),
  endDate: z.iso.date().nullable(),
  grade: z.number().int().min(1).max(5),
  serious: z.boolean(),
  seriousCriteria: z.array(z.enum(seriousCriteria)),
  relatedness: z.enum(relatednessLevels),
  actionTaken: z.enum(actionsTaken),
  outcome: z.enum(aeOutcomes),
};

export const newAeBody = z.object({
  ...aeFields,
  endDate: aeFields.endDate.optional(),
  serious: aeFields.serious.default(false),
  seriousCriteria: aeFields.seriousCriteria.default([]),
  actionTaken: aeFields.actionTaken.optional(),
  outcome: aeFields.outcome.optional(),
});

export const patchAeBody = z.object({
  ...Object.fromEntries(Object.entries(aeFields).map(([k, s]) => [k, s.optional()])),
  status: z.enum(aeStatuses).optional(),
  reason: z.string().trim().min(1),
}) as z.ZodType<Partial<z.output<z.ZodObject<typeof aeFields>>> & { status?: (typeof aeStatuses)[number]; reason: string }>;
