import { AppError } from '../../errors/app-error.js';
import { criteriaColumns, ID_COLUMN } from '../../eligibility/columns.js';
import { correctedCriterion } from '../../eligibility/corrected-criterion.js';
import { criterionReadings } from '../../eligibility/criterion-readings.js';
import { evaluateEligibility } from '../../eligibility/evaluate.js';
import { formatExpr } from '../../eligibility/expression.js';
import { factDictionary } from '../../eligibility/fact-dictionary.js';
import { attestationFactName } from '../../eligibility/facts.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import type { Study } from '../../store/studies.js';
import { correctCriteria } from '../../use-cases/correct-criterion.js';
import { studyOf } from '../access.js';
import { callerOf } from '../caller.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { criteriaCorrectionsBody, criterionPreviewBody, expressionCheckBody } from '../../api/eligibility.js';
import { storeErrors } from '../../store/errors.js';

type Params = { studyId: string; criterionId: string };

/** The protocol line `id` of the study (a 404 naming the ids it has otherwise). */
function lineOf(study: Study, id: string) {
  const found = criterionReadings(study.protocol.eligibility).find((c) => c.id === id);
  if (!found) throw new AppError(storeErrors.NOT_FOUND, `Study ${study.id} has no criterion "${id}".`, 'criterionId');
  return found;
}

/** Correcting by hand what the parser left attested: the readings, validation as typed, a preview on a sample patient, and saving. */
export const eligibilityCorrectionRoutes: RouteModule = (app, { db, now }) => {
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/eligibility/corrections', { schema: { tags: ['eligibility'] }, config: { action: 'study.read' } }, async (req) => {
    const study = studyOf(req);
    return { studyId: study.id, status: study.status, protocolVersion: study.protocolVersion, criteria: criterionReadings(study.protocol.eligibility), facts: factDictionary };
  });

  app.post<{ Params: Params }>(
    '/api/studies/:studyId/eligibility/criteria/:criterionId/validate',
    { schema: { tags: ['eligibility'], body: doc(expressionCheckBody) }, config: { action: 'criteria.correct' } },
    async (req) => {
      const line = lineOf(studyOf(req), req.params.criterionId);
      const c = correctedCriterion(line.id, line.side, line.text, parseInput(expressionCheckBody, req.body).expression);
      // The facts a preview needs (attestations apart), as the screening CSV's columns name them.
      const facts = criteriaColumns([c])
        .filter((col) => col.name !== ID_COLUMN && col.type !== 'attestation')
        .map((col) => col.name);
      return { ok: true, computability: c.computability, expression: formatExpr(c.expr), ...(c.notComputable ? { notComputable: c.notComputable } : {}), facts };
    },
  );

  app.post<{ Params: Params }>(
    '/api/studies/:studyId/eligibility/criteria/:criterionId/preview',
    { schema: { tags: ['eligibility'], body: doc(criterionPreviewBody) }, config: { action: 'criteria.correct' } },
    async (req) => {
      const study = studyOf(req);
      const line = lineOf(study, req.params.criterionId);
      const body = parseInput(criterionPreviewBody, req.body);
      const criterion =
        body.expression === undefined ? protocolCriteria(study.protocol.eligibility).find((c) => c.id === line.id)! : correctedCriterion(line.id, line.side, line.text, body.expression);
      const facts = body.facts.values;
      if (body.attested !== undefined) facts[attestationFactName(line.id)] = { holds: body.attested, by: 'preview', at: body.referenceDate };
      const [result] = evaluateEligibility([criterion], facts, { screening: body.referenceDate, ...(body.firstDose ? { firstDose: body.firstDose } : {}) }).criteria;
      const { status, fails, reason, factsUsed, missing } = result!;
      return { criterionId: line.id, side: line.side, computability: criterion.computability, status, fails, reason, factsUsed, missing };
    },
  );

  app.put<{ Params: { studyId: string } }>(
    '/api/studies/:studyId/eligibility/corrections',
    { schema: { tags: ['eligibility'], body: doc(criteriaCorrectionsBody) }, config: { action: 'criteria.correct' } },
    async (req) => {
      const study = studyOf(req);
      const saved = await correctCriteria({ db, by: callerOf(req), at: now() }, study.id, parseInput(criteriaCorrectionsBody, req.body));
      return saved;
    },
  );
};
