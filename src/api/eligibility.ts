import { z } from 'zod';
import { participantStatuses } from '../enrolment/participant-lifecycle.js';
import { AppError } from '../errors/app-error.js';
import { isAttestationFact } from '../eligibility/facts.js';
import { readFact, type FactValue } from '../eligibility/patient-facts.js';
import { isoDate, isoDateTime } from './common.js';

/** Criteria, their parse, and a participant's screenings. */

/**
 * Read the entered facts into evaluation form, each bad one an issue at its path (facts.NAME).
 * Weight is read first because a per-kg dose needs it. Attestations come only through
 * `attestations`, so that who and when are never taken from the client.
 */
export const factsField = z.record(z.string(), z.unknown()).transform((entered, ctx) => {
  const values: Record<string, FactValue | undefined> = {};
  const names = Object.keys(entered).sort((a, b) => Number(b === 'weight') - Number(a === 'weight'));
  for (const name of names) {
    if (isAttestationFact(name)) {
      ctx.addIssue({ code: 'custom', message: 'an attestation goes in field "attestations" as {criterionId, holds}', path: [name], input: entered[name] });
      continue;
    }
    const path = `facts.${name}`;
    try {
      const w = values.weight;
      values[name] = readFact(name, entered[name], path, typeof w === 'number' ? w : undefined);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      // readFact's sentence starts with the path and ends with a full stop; the issue carries the path apart.
      ctx.addIssue({ code: 'custom', message: e.message.replace(`${path}: `, '').replace(/\.$/, ''), path: [name], input: entered[name] });
    }
  }
  return { entered, values };
});

/** The screening body for a study whose attestable criteria are `attestable`. */
export function screeningBody(attestable: ReadonlySet<string>) {
  const known = [...attestable].join(', ');
  return z.object({
    /** Fact name → value, as the fact dictionary reads it (number, "number unit", date, yes/no, codes). */
    facts: factsField,
    /** Whether each attested criterion's text holds; who and when are taken from the session and the server clock. */
    attestations: z
      .array(
        z.object({
          criterionId: z.string().refine((id) => attestable.has(id), { error: (i) => `"${String(i.input)}" is not a criterion that needs an attestation (those are ${known})` }),
          holds: z.boolean(),
        }),
      )
      .default([])
      .superRefine((list, ctx) => {
        list.forEach((a, i) => {
          if (list.findIndex((b) => b.criterionId === a.criterionId) < i)
            ctx.addIssue({ code: 'custom', message: `"${a.criterionId}" is attested twice`, path: [i, 'criterionId'], input: a.criterionId });
        });
      }),
    referenceDate: isoDate,
    firstDose: isoDate.optional(),
  });
}

/** A criterion in the criteria language, as a designer types it. */
const criterionExpression = z.string().trim().min(1, 'write an expression').max(2000);

export const expressionCheckBody = z.object({ expression: criterionExpression });

export const criterionPreviewBody = z.object({
  /** The expression to try; absent: the criterion as the protocol reads it now. */
  expression: criterionExpression.optional(),
  facts: factsField,
  /** Whether the attested part holds for the sample patient; absent: not attested (unknown). */
  attested: z.boolean().optional(),
  referenceDate: isoDate,
  firstDose: isoDate.optional(),
});

export const criteriaCorrectionsBody = z.object({
  /** Criterion id → expression in the criteria language, or null to go back to the parse of the text. */
  corrections: z.record(z.string(), criterionExpression.nullable()),
  reason: z.string().trim().min(1).max(500).optional(),
  effectiveDate: isoDate.optional(),
});

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
