import type { AdverseEvent, AdverseEventFields } from '../safety/adverse-event.js';
import { isoDay } from '../dates/iso-date.js';
import { checkPlausibleDate, participantDateRange } from '../edit-checks/plausible-date.js';
import type { Participant } from '../enrolment/participant.js';
import { insertAdverseEvent } from '../store/adverse-events.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import type { Actor } from './actor.js';

type NewAdverseEvent = AdverseEventFields & Required<Pick<AdverseEventFields, 'term' | 'onsetDate' | 'grade'>>;

/** Enter an adverse event the site observed (confirmed unless said otherwise). */
export function recordAdverseEvent(db: Db, who: Actor, p: Participant, f: NewAdverseEvent): Promise<AdverseEvent> {
  return audited(db, { ...who, studyId: p.studyId }, (w) => recordAdverseEventIn(w, p, f));
}

/** The same inside a caller's audited transaction (an import replaying a source's events): its dates checked against the participant's life and today. */
export function recordAdverseEventIn(w: AuditedTx, p: Participant, f: NewAdverseEvent): Promise<AdverseEvent> {
  const range = participantDateRange(p.birthDate, isoDay(w.ctx.at));
  checkPlausibleDate('onsetDate', f.onsetDate, range);
  if (f.endDate) checkPlausibleDate('endDate', f.endDate, range);
  return insertAdverseEvent(w, p.id, f);
}
