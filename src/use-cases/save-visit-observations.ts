import { isoDay } from '../dates/iso-date.js';
import { checkLabHardLimits } from '../edit-checks/lab-hard-limits.js';
import { checkPlausibleDate, participantDateRange } from '../edit-checks/plausible-date.js';
import type { Participant } from '../enrolment/participant.js';
import type { Protocol } from '../protocol/schema.js';
import { adverseEventProposals, gradeVisitLabs } from '../safety/grade-visit-labs.js';
import { proposeAdverseEvent } from '../store/adverse-events.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { labBaselines, observationId } from '../store/observations.js';
import { siteReferenceRanges } from '../store/reference-ranges.js';
import { saveVisitForm } from '../store/visit-forms.js';
import type { SavedVisit, VisitObservationsInput } from '../visits/visit-data.js';
import { instrumentEntries, panelEntries, protocolVisit } from '../visits/visit-entries.js';
import type { Actor } from './actor.js';

/**
 * Save a visit's form inside a transaction: items validated and scored, labs graded against the site's
 * reference ranges and the participant's baseline (grade ≥ 1 proposes an adverse event), the immune
 * panel. Changing a saved value needs `reason`.
 */
export async function saveVisitObservationsIn(w: AuditedTx, p: Participant, protocol: Protocol, visitId: string, input: VisitObservationsInput, reason: string | undefined): Promise<SavedVisit> {
  const { entries, scores } = instrumentEntries(protocolVisit(protocol, visitId), input.values);
  checkPlausibleDate('date', input.date, participantDateRange(p.birthDate, isoDay(w.ctx.at)));
  checkLabHardLimits(input.labs ?? []);
  const graded = gradeVisitLabs(input.labs ?? [], await siteReferenceRanges(w.tx, p.studyId, p.siteId), await labBaselines(w.tx, p.id));
  const observations = [...entries, ...graded.map((g) => g.entry), ...(input.panel ? panelEntries(input.panel) : [])];
  const visitRowId = await saveVisitForm(w, p.id, { visitId, date: input.date, observations }, reason);
  const proposed: string[] = [];
  for (const ae of adverseEventProposals(graded, input.date)) {
    const sourceObservationId = (await observationId(w.tx, visitRowId, 'lab', ae.analyte)) as string;
    const id = await proposeAdverseEvent(w, p.id, { term: ae.term, grade: ae.grade, onsetDate: ae.onsetDate, sourceObservationId });
    if (id) proposed.push(id);
  }
  return { visitId, date: input.date, scores, labs: graded.map(({ lab, gradings }) => ({ ...lab, gradings })), proposedAdverseEvents: proposed };
}

/** Save a visit's form (see saveVisitObservationsIn), audited. */
export function saveVisitObservations(db: Db, who: Actor, p: Participant, protocol: Protocol, visitId: string, input: VisitObservationsInput, reason: string | undefined): Promise<SavedVisit> {
  return audited(db, { ...who, studyId: p.studyId }, (w) => saveVisitObservationsIn(w, p, protocol, visitId, input, reason));
}
