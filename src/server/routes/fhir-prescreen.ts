import { fhirFactsBody } from '../../api/fhir.js';
import { bundleFacts } from '../../interop/fhir/patient-facts.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';

/** An EHR export of one patient runs to a few megabytes with its lab history. */
const bundleBodyLimit = 16 * 1024 * 1024;

/**
 * Pre-screening from the EHR: a patient's FHIR Bundle in, the screening facts and what was not
 * read out. Nothing is written; the person screening checks the facts and submits the screening.
 */
export const fhirPrescreenRoutes: RouteModule = (app, { db }) => {
  app.post<{ Params: { id: string } }>(
    '/api/participants/:id/screening/fhir-facts',
    { schema: { tags: ['eligibility', 'import'], body: doc(fhirFactsBody) }, bodyLimit: bundleBodyLimit, config: { action: 'participant.enrol' } },
    async (req) => {
      await visibleParticipant(db, req, req.params.id);
      const body = parseInput(fhirFactsBody, req.body);
      return bundleFacts(body.bundle, body.referenceDate ? { referenceDate: body.referenceDate } : {});
    },
  );
};
