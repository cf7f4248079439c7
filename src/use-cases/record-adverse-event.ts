import type { AdverseEvent, AdverseEventFields } from '../safety/adverse-event.js';
import { isoDay } from '../dates/iso-date.js';
import { checkPlausibleDate, participantDateRange } from '../edit-checks/plausible-date.js';
import type { Participant } from '../enrolment/participant.js';
import { insertAdverseEvent } from '../store/adverse-events.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import type { Actor } from './actor.js';

/** Enter an adverse event the site observed (confirmed unless said otherwise). */
export function recordAdverseEvent(db: Db, who: Actor, p: Participant, f: AdverseEventFields & Required<Pick<AdverseEventFields, 'term' | 'onsetDate' | 'grade'>>): Promise<AdverseEvent> {
  const range = participantDateRange(p.birthDate, isoDay(who.at));
  checkPlausibleDate('onsetDate', f.onsetDate, range);
  if (f.endDate) checkPlausibleDate('endDate', f.endDate, range);
  return audited(db, { ...who, studyId: p.studyId }, (w) => insertAdverseEvent(w, p.id, f));
}
