import { AppError } from '../errors/app-error.js';
import { correctedFormValues } from '../data-queries/corrected-form-values.js';
import { correctedVisitInput } from '../data-queries/corrected-visit-input.js';
import { checkAnswerable, type DataQuery } from '../data-queries/data-query.js';
import type { Participant } from '../enrolment/participant.js';
import { studyForm } from '../forms/study-forms.js';
import { validateFilledForm } from '../forms/validate-form.js';
import { isInstrumentId } from '../instruments/index.js';
import type { Protocol } from '../protocol/schema.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { participantVisitData } from '../store/observations.js';
import { updateQuery } from '../store/queries.js';
import type { Actor } from './actor.js';
import { readFormValues, saveFormValuesIn } from './save-form-values.js';
import { saveVisitObservationsIn } from './save-visit-observations.js';
import { visitDataErrors } from '../store/observations-errors.js';

/**
 * The site's answer to an open query, with an optional correction of the queried value, applied in
 * the same transaction through the same checks as entry: a visit-form field (instrument item, lab,
 * immune-panel subset) saves the visit again with that one value replaced; a defined form's item
 * (`nfl.serum`) saves that form's values again under the version they were entered with.
 */
export function answerQuery(db: Db, who: Actor, query: DataQuery, p: Participant, protocol: Protocol, answer: { text: string; correction?: number | undefined }): Promise<DataQuery> {
  return audited(db, { ...who, studyId: query.studyId }, async (w) => {
    checkAnswerable(query);
    if (answer.correction !== undefined) {
      if (query.visitId === null)
        throw new AppError(visitDataErrors.CORRECTION_NOT_ALLOWED, `Query ${query.id} names no saved visit, so a correction cannot be applied; answer it without one.`, 'correction');
      const reason = `Correction for query ${query.id}: ${query.text}`;
      const formId = query.field.slice(0, query.field.indexOf('.'));
      if (!isInstrumentId(formId) && studyForm(protocol, formId) !== undefined) await correctFormValue(w, p, protocol, query.visitId, query.field, answer, reason);
      else {
        const visit = (await participantVisitData(w.tx, p.id)).find((v) => v.visitId === query.visitId);
        if (!visit) throw new AppError(visitDataErrors.CORRECTION_NOT_ALLOWED, `Query ${query.id} names no saved visit, so a correction cannot be applied; answer it without one.`, 'correction');
        await saveVisitObservationsIn(w, p, protocol, visit.visitId, correctedVisitInput(visit, query.field, answer.correction), reason);
      }
    }
    return updateQuery(w, query.id, { status: 'answered', answer: answer.text, answered_by: who.actor, answered_at: who.at }, `Site answer to query ${query.id}`);
  });
}

/**
 * A defined form's saved value corrected: the form's values saved again with the one replaced, under
 * the version they were saved with. A corrected value outside its expected range is confirmed by the
 * answer (a new query opens on it, as at entry); other values confirmed when first saved stay confirmed
 * without opening their query again.
 */
async function correctFormValue(w: AuditedTx, p: Participant, protocol: Protocol, visitId: string, field: string, answer: { text: string; correction?: number | undefined }, reason: string) {
  const formId = field.slice(0, field.indexOf('.'));
  const path = field.slice(formId.length + 1);
  const { saved } = await readFormValues(w.tx, p, protocol, visitId, formId);
  if (!saved) throw new AppError(visitDataErrors.CORRECTION_NOT_ALLOWED, `Field "${field}" has no saved value at visit ${visitId} to correct.`, 'correction');
  const values = correctedFormValues(saved.values, formId, path, answer.correction as number);
  const soft = validateFilledForm(saved.form, values).issues.filter((i) => i.code === 'FORM_SOFT_RANGE_UNCONFIRMED');
  const confirmations = Object.fromEntries(soft.map((i) => [i.path, i.path === path ? `correction answering the query: ${answer.text}` : 'confirmed when first saved']));
  const confirmedBefore = soft.map((i) => i.path).filter((x) => x !== path);
  await saveFormValuesIn(w, p, protocol, visitId, formId, { date: saved.date, values, confirmations, confirmedBefore }, reason, saved.form);
}
