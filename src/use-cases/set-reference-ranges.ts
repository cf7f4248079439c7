import type { ListedReferenceRange, SiteReferenceRange } from '../safety/reference-ranges.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { setSiteReferenceRanges } from '../store/reference-ranges.js';
import type { Actor } from './actor.js';

/**
 * Enter or correct a site's laboratory reference ranges (a changed range needs `reason`): the nine
 * safety labs, and the upper limits of CK and 24-hour proteinuria that grade the protocol's lab forms;
 * the site's ranges after, a default the site has not replaced marked `assumed`.
 */
export function setReferenceRanges(db: Db, who: Actor, studyId: string, siteId: string, ranges: readonly SiteReferenceRange[], reason: string | undefined): Promise<ListedReferenceRange[]> {
  return audited(db, { ...who, studyId }, (w) => setSiteReferenceRanges(w, studyId, siteId, ranges, reason));
}
