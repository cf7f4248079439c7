import { builtinForms } from '../../forms/builtin/index.js';
import { readFormValues, saveFormValues } from '../../use-cases/save-form-values.js';
import { principalOf, type RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';
import { formValuesBody } from '../../api/forms.js';

type Params = { id: string; visitId: string; formId: string };

/** Defined forms: their definitions, and a participant's values of one at a visit. */
export const formRoutes: RouteModule = (app, { db, now }) => {
  app.get('/api/forms', { schema: { tags: ['forms'] }, config: { action: 'form.read' } }, async () => builtinForms);

  app.get<{ Params: Params }>('/api/participants/:id/visits/:visitId/forms/:formId', { schema: { tags: ['forms'] }, config: { action: 'visit.read' } }, async (req) => {
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    return { visitId: req.params.visitId, ...(await readFormValues(db, participant, study.protocol, req.params.visitId, req.params.formId)) };
  });

  app.post<{ Params: Params }>(
    '/api/participants/:id/visits/:visitId/forms/:formId',
    { schema: { tags: ['forms'], body: doc(formValuesBody) }, config: { action: 'visit.enter' } },
    async (req, reply) => {
      const p = principalOf(req);
      const { participant, study } = await visibleParticipant(db, req, req.params.id);
      const body = parseInput(formValuesBody, req.body);
      const saved = await saveFormValues(db, { actor: p.userId, at: now() }, participant, study.protocol, req.params.visitId, req.params.formId, body, body.reason);
      reply.status(201);
      return saved;
    },
  );
};
