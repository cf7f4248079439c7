import type { AdverseEvent, AdverseEventFields } from '../safety/adverse-event.js';
import { updateAdverseEvent } from '../store/adverse-events.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import type { Actor } from './actor.js';

/** Confirm or dismiss a proposed adverse event, or correct one, with the reason for the change. */
export function reviseAdverseEvent(db: Db, who: Actor, studyId: string, id: string, f: AdverseEventFields, reason: string): Promise<AdverseEvent> {
  return audited(db, { ...who, studyId }, (w) => updateAdverseEvent(w, id, f, reason));
}
