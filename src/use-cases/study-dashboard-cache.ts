import type { Protocol } from '../protocol/schema.js';
import { studyWriteMark } from '../store/dashboard-counts.js';
import { deepFreeze } from '../store/deep-freeze.js';
import type { Queryable } from '../store/db.js';
import { listParticipants } from '../store/participants.js';
import type { Study } from '../store/studies.js';
import { CalendarCache } from './calendar-cache.js';
import { studyDashboard, type Dashboard } from './study-dashboard.js';

/**
 * Dashboards built, by the protocol they were built with: a study's protocol object is replaced
 * whenever its row changes, in this process or another (study-states.ts), so a changed protocol starts
 * afresh. Under it, by week and sites, the last dashboard with the study's write mark it was read
 * after; a few dozen weeks × site sets per protocol, least recently used first out.
 */
const built = new WeakMap<Protocol, CalendarCache<{ mark: number; dashboard: Promise<Dashboard> | undefined }>>();
const perProtocol = 32;

/**
 * The study's dashboard for the week from `from`, for the participants at `sites`. Built again only
 * when the study's data changed since it was last built (its audit chain grew, studyWriteMark): the
 * mark is read before the data, so a dashboard is never kept under a mark older than what it shows,
 * and a write by another process is seen at the next read. Before masking: the masking hook masks
 * it for a blinded reader as it would any answer. Frozen.
 */
export async function cachedStudyDashboard(q: Queryable, study: Study, sites: 'all' | readonly string[], from: string): Promise<Dashboard> {
  const mark = await studyWriteMark(q, study.id);
  let byWeek = built.get(study.protocol);
  if (!byWeek) built.set(study.protocol, (byWeek = new CalendarCache(perProtocol)));
  const key = JSON.stringify([from, sites]);
  const last = byWeek.getOrBuild(key, () => ({ mark: -1, dashboard: undefined }));
  if (last.mark === mark && last.dashboard) return last.dashboard;
  const dashboard = listParticipants(q, study.id, sites).then(async (participants) => deepFreeze(await studyDashboard(q, study.protocol, participants, from)));
  // Concurrent readers after the same mark share one build; a build after a later mark is not replaced by one after an earlier.
  if (mark > last.mark) Object.assign(last, { mark, dashboard });
  dashboard.catch(() => {
    if (last.dashboard === dashboard) Object.assign(last, { mark: -1, dashboard: undefined });
  });
  return dashboard;
}
