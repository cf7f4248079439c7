import { z } from 'zod';
import { participantStatuses } from '../enrolment/participant-lifecycle.js';
import { isoDate, isoDateTime } from './common.js';

/** Criteria, their parse, and a participant's screenings. */

const criterionVerdict = z.looseObject({ id: z.string(), side: z.enum(['inclusion', 'exclusion']), text: z.string(), status: z.enum(['met', 'not-met', 'unknown']), reason: z.string() });
const evaluation = z.looseObject({ status: z.enum(['eligible', 'ineligible', 'incomplete']), criteria: z.array(criterionVerdict), failed: z.array(z.string()), missing: z.array(z.string()) });

const parsedCriterion = z.looseObject({
  id: z.string(),
  side: z.enum(['inclusion', 'exclusion']),
  text: z.string(),
  computability: z.enum(['computable', 'partly-computable', 'attested']),
  expr: z.looseObject({ kind: z.string() }),
});

export const parsedCriteria = z.looseObject({ criteria: z.array(parsedCriterion), notes: z.array(z.unknown()) });

export const studyCriteria = z.looseObject({
  protocolVersion: z.string(),
  criteria: z.array(parsedCriterion),
  facts: z.array(z.looseObject({ name: z.string(), type: z.string(), description: z.string() })),
  attestable: z.array(z.string()),
});

export const screeningRecord = z.looseObject({
  id: z.string(),
  participantId: z.string(),
  screenedOn: isoDate,
  firstDose: isoDate.nullable(),
  protocolVersion: z.string(),
  decision: z.enum(['eligible', 'ineligible', 'incomplete']),
  facts: z.record(z.string(), z.unknown()),
  attestations: z.array(z.object({ criterionId: z.string(), holds: z.boolean(), userId: z.string(), username: z.string(), at: isoDateTime })),
  explanation: z.looseObject({ summary: z.string() }),
  screenedBy: z.string(),
  recordedAt: isoDateTime,
});

export const screeningOutcome = z.object({ participant: z.object({ id: z.string(), status: z.enum(participantStatuses) }), evaluation, record: screeningRecord });

/** A designer's corrections: each criterion's verbatim text, its parse with the reason, and the saved expression. */
export const criterionCorrections = z.looseObject({
  studyId: z.string(),
  status: z.string(),
  protocolVersion: z.string(),
  criteria: z.array(z.looseObject({ id: z.string(), text: z.string() })),
  facts: z.array(z.looseObject({ name: z.string() })),
});

export const validatedExpression = z.object({
  ok: z.literal(true),
  computability: z.enum(['computable', 'partly-computable', 'attested']),
  expression: z.string(),
  notComputable: z.string().optional(),
  facts: z.array(z.string()),
});

export const criterionPreview = z.object({
  criterionId: z.string(),
  side: z.enum(['inclusion', 'exclusion']),
  computability: z.enum(['computable', 'partly-computable', 'attested']),
  status: z.enum(['met', 'not-met', 'unknown']),
  fails: z.boolean(),
  reason: z.string(),
  factsUsed: z.record(z.string(), z.string()),
  missing: z.array(z.string()),
});

export const savedCorrections = z.object({ studyId: z.string(), protocolVersion: z.string(), amendment: z.looseObject({ version: z.string() }).nullable() });
