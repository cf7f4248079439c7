import type { ReferenceRange } from '../safety/reference-ranges.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { setSiteReferenceRanges } from '../store/reference-ranges.js';
import type { Actor } from './actor.js';

/** Enter or correct a site's laboratory reference ranges (a changed range needs `reason`); the site's ranges after. */
export function setReferenceRanges(db: Db, who: Actor, studyId: string, siteId: string, ranges: readonly ReferenceRange[], reason: string | undefined): Promise<ReferenceRange[]> {
  return audited(db, { ...who, studyId }, (w) => setSiteReferenceRanges(w, studyId, siteId, ranges, reason));
}
