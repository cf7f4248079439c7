import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { criteriaColumns } from '../../eligibility/columns.js';
import { evaluateEligibility } from '../../eligibility/evaluate.js';
import type { Criterion } from '../../eligibility/expression.js';
import { attestationFactName, findFact, isAttestationFact, type FactDefinition } from '../../eligibility/facts.js';
import { parseCriteriaText } from '../../eligibility/parse-criteria.js';
import { readFact, type FactValue } from '../../eligibility/patient-facts.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import type { RecordedAttestation } from '../../enrolment/screening-decision.js';
import { listScreeningRecords } from '../../store/screening-records.js';
import { recordScreening } from '../../use-cases/record-screening.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';

const isoDate = z.iso.date();

const parseBody = z.object({ text: z.string().min(1).max(200_000) });

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
function screeningBody(attestable: ReadonlySet<string>) {
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

/** Ids of the criteria that have an attested part (those a person must attest). */
function attestableIds(criteria: readonly Criterion[]): Set<string> {
  const attested = new Set(
    criteriaColumns(criteria)
      .map((c) => c.name)
      .filter(isAttestationFact),
  );
  return new Set(criteria.filter((c) => attested.has(attestationFactName(c.id))).map((c) => c.id));
}

/** The fact dictionary entries the criteria read (attestations are listed apart). */
function factsNeeded(criteria: readonly Criterion[]): FactDefinition[] {
  return criteriaColumns(criteria).flatMap((c) => {
    const def = findFact(c.name);
    return def ? [def] : [];
  });
}

export const eligibilityRoutes: RouteModule = (app, { db, now }) => {
  app.post('/api/eligibility/parse', { schema: { tags: ['eligibility'], body: doc(parseBody) }, config: { action: 'criteria.parse' } }, async (req) => {
    return parseCriteriaText(parseInput(parseBody, req.body).text);
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/eligibility/criteria', { schema: { tags: ['eligibility'] }, config: { action: 'study.read' } }, async (req) => {
    const study = studyOf(req);
    const criteria = protocolCriteria(study.protocol.eligibility);
    return { protocolVersion: study.protocolVersion, criteria, facts: factsNeeded(criteria), attestable: [...attestableIds(criteria)] };
  });

  app.get<{ Params: { id: string } }>('/api/participants/:id/screening', { schema: { tags: ['eligibility'] }, config: { action: 'participant.read' } }, async (req) => {
    const { participant } = await visibleParticipant(db, req, req.params.id);
    return listScreeningRecords(db, participant.id);
  });

  app.post<{ Params: { id: string } }>(
    '/api/participants/:id/screening',
    { schema: { tags: ['eligibility'], body: doc(screeningBody(new Set())) }, config: { action: 'participant.enrol' } },
    async (req, reply) => {
      const p = principalOf(req);
      const { participant, study } = await visibleParticipant(db, req, req.params.id);
      const criteria = protocolCriteria(study.protocol.eligibility);
      const body = parseInput(screeningBody(attestableIds(criteria)), req.body);
      const facts = body.facts.values;

      const at = now();
      const attestations: RecordedAttestation[] = body.attestations.map((a) => ({ criterionId: a.criterionId, holds: a.holds, userId: p.userId, username: p.username, at: at.toISOString() }));
      for (const a of attestations) facts[attestationFactName(a.criterionId)] = { holds: a.holds, by: a.username, at: isoDay(at) };
      const ref = { screening: body.referenceDate, ...(body.firstDose ? { firstDose: body.firstDose } : {}) };
      const result = evaluateEligibility(criteria, facts, ref);

      const { record, status } = await recordScreening(db, { actor: p.userId, at }, participant, study.protocol, {
        screenedOn: body.referenceDate,
        firstDose: body.firstDose,
        protocolVersion: study.protocolVersion,
        facts: body.facts.entered,
        attestations,
        result,
      });
      reply.status(201);
      return { participant: { id: participant.id, status }, evaluation: result, record };
    },
  );
};
