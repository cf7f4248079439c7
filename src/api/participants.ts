import { z } from 'zod';
import { participantStatuses } from '../enrolment/participant-lifecycle.js';
import { isoDate } from './common.js';

/** Participants: registration, their lifecycle, consent and dosing. */

export const newParticipantBody = z.object({
  siteId: z.string().min(1),
  code: z.string().trim().min(1).max(40),
  sex: z.enum(['female', 'male']),
  birthDate: isoDate,
});

export const transitionBody = z.object({
  to: z.enum(participantStatuses),
  reason: z.string().trim().min(1).optional(),
  date: isoDate.optional(),
});

export const consentBody = z.object({ signedOn: isoDate });

export const doseBody = z
  .object({
    day: z.number().int(),
    date: isoDate,
    status: z.enum(['given', 'held']),
    reason: z.string().trim().min(1).optional(),
    /** Reason for change when the day was already recorded. */
    changeReason: z.string().trim().min(1).optional(),
  })
  .refine((d) => d.status === 'given' || d.reason !== undefined, { message: 'a held dose needs a reason', path: ['reason'] });

/** A participant in a list; `armId` only reaches an unblinded reader (the masking hook removes it). */
export const participantSummary = z.object({
  id: z.string(),
  code: z.string(),
  siteId: z.string(),
  status: z.enum(participantStatuses),
  statusOn: isoDate.nullable(),
  enrolledOn: isoDate.nullable(),
  startDate: isoDate.nullable(),
  kitNumber: z.string().nullable(),
  armId: z.string().nullable().optional(),
  /** The consent version still to be signed after an amendment asked for re-consent (null: none). */
  reconsentNeeded: z.string().nullable(),
});

export const consent = z.object({ formVersion: z.string(), signedOn: isoDate });

export const participantDetail = participantSummary.extend({
  studyId: z.string(),
  sex: z.enum(['female', 'male']),
  birthDate: isoDate,
  statusReason: z.string().nullable(),
  consents: z.array(consent),
});

export const recordedDose = z.object({ day: z.number(), date: isoDate, status: z.enum(['given', 'held']), reason: z.string().nullable() });

/** The dosing calendar; a blinded reader gets the kit's "study drug (blinded)", and no amount where the arms differ. */
export const calendar = z.object({
  startDate: isoDate,
  doses: z.array(
    z.object({
      day: z.number(),
      date: isoDate,
      dose: z.number().optional(),
      unit: z.string().optional(),
      cycle: z.number(),
      status: z.enum(['due', 'held']),
      intervention: z.string().optional(),
      reason: z.string().optional(),
      recorded: recordedDose.nullable(),
    }),
  ),
  visits: z.array(z.looseObject({ id: z.string(), name: z.string(), day: z.number(), date: isoDate, windowBefore: z.number(), windowAfter: z.number() })),
  totalDose: z.number().optional(),
  unit: z.string().optional(),
  armId: z.string().optional(),
});
