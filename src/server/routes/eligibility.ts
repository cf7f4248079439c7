import { z } from 'zod';
import { criteriaColumns } from '../../eligibility/columns.js';
import { evaluateEligibility } from '../../eligibility/evaluate.js';
import type { Criterion } from '../../eligibility/expression.js';
import { attestationFactName, findFact, isAttestationFact, type FactDefinition } from '../../eligibility/facts.js';
import { parseCriteriaText } from '../../eligibility/parse-criteria.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import type { RecordedAttestation } from '../../enrolment/screening-decision.js';
import { listScreeningRecords } from '../../store/screening-records.js';
import { recordScreening } from '../../use-cases/record-screening.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { isoDay } from '../../dates/iso-date.js';
import { doc } from '../openapi.js';
import { screeningBody } from '../../api/eligibility.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';

const parseBody = z.object({ text: z.string().min(1).max(200_000) });

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
