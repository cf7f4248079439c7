import { AppError } from '../errors/app-error.js';
import { correctedVisitInput } from '../data-queries/corrected-visit-input.js';
import { checkAnswerable, type DataQuery } from '../data-queries/data-query.js';
import type { Participant } from '../enrolment/participant.js';
import type { Protocol } from '../protocol/schema.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { participantVisitData } from '../store/observations.js';
import { updateQuery } from '../store/queries.js';
import type { Actor } from './actor.js';
import { saveVisitObservationsIn } from './save-visit-observations.js';
import { visitDataErrors } from '../store/observations-errors.js';

/**
 * The site's answer to an open query, with an optional correction of the queried value: the visit is
 * saved again with that one value replaced, through the same checks as the form, in the same transaction.
 */
export function answerQuery(db: Db, who: Actor, query: DataQuery, p: Participant, protocol: Protocol, answer: { text: string; correction?: number | undefined }): Promise<DataQuery> {
  return audited(db, { ...who, studyId: query.studyId }, async (w) => {
    checkAnswerable(query);
    if (answer.correction !== undefined) {
      const visit = query.visitId === null ? undefined : (await participantVisitData(w.tx, p.id)).find((v) => v.visitId === query.visitId);
      if (!visit) throw new AppError(visitDataErrors.CORRECTION_NOT_ALLOWED, `Query ${query.id} names no saved visit, so a correction cannot be applied; answer it without one.`, 'correction');
      const input = correctedVisitInput(visit, query.field, answer.correction);
      await saveVisitObservationsIn(w, p, protocol, visit.visitId, input, `Correction for query ${query.id}: ${query.text}`);
    }
    return updateQuery(w, query.id, { status: 'answered', answer: answer.text, answered_by: who.actor, answered_at: who.at }, `Site answer to query ${query.id}`);
  });
}
