import type { AdverseEvent, AdverseEventFields } from '../safety/adverse-event.js';
import type { Participant } from '../enrolment/participant.js';
import { insertAdverseEvent } from '../store/adverse-events.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import type { Actor } from './actor.js';

/** Enter an adverse event the site observed (confirmed unless said otherwise). */
export function recordAdverseEvent(db: Db, who: Actor, p: Participant, f: AdverseEventFields & Required<Pick<AdverseEventFields, 'term' | 'onsetDate' | 'grade'>>): Promise<AdverseEvent> {
  return audited(db, { ...who, studyId: p.studyId }, (w) => insertAdverseEvent(w, p.id, f));
}
