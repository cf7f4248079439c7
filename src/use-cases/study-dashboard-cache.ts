import type { Protocol } from '../protocol/schema.js';
import { participantsChangedSince, studyWriteMark } from '../store/dashboard-counts.js';
import { deepFreeze } from '../store/deep-freeze.js';
import type { Queryable } from '../store/db.js';
import { listParticipants, participantsAmong } from '../store/participants.js';
import type { Study } from '../store/studies.js';
import { CalendarCache } from './calendar-cache.js';
import { dashboardFrom, readDashboardInputs, type Dashboard, type DashboardInputs } from './study-dashboard.js';

/**
 * Dashboards built, by the protocol they were built with: a study's protocol object is replaced
 * whenever its row changes, in this process or another (study-states.ts), so a changed protocol starts
 * afresh. Under it, by week and sites, the last dashboard with the study's write mark it was read
 * after; a few dozen weeks × site sets per protocol, least recently used first out.
 */
interface Built {
  mark: number;
  dashboard: Promise<Dashboard> | undefined;
  /** The inputs of the latest build done, as of its mark: a build reads again only the participants changed since (builds do not wait for each other). */
  base: { readonly mark: number; readonly inputs: DashboardInputs } | undefined;
}
const built = new WeakMap<Protocol, CalendarCache<Built>>();
const perProtocol = 32;

/**
 * The inputs as of now from those as of write mark `since`: only the participants whose data changed
 * after it (participant_changes) are read again; one gone or moved off `sites` is dropped.
 */
async function updatedInputs(q: Queryable, study: Study, sites: 'all' | readonly string[], base: DashboardInputs, since: number): Promise<DashboardInputs> {
  const changed = await participantsChangedSince(q, study.id, since);
  if (changed.length === 0) return base;
  const fresh = await readDashboardInputs(q, study.protocol, await participantsAmong(q, study.id, sites, changed));
  const participants = new Map(base.participants);
  const accounted = new Map(base.accounted);
  const calendars = new Map(base.calendars);
  for (const id of changed) [participants, accounted, calendars].forEach((m) => m.delete(id));
  for (const [id, p] of fresh.participants) participants.set(id, p);
  for (const [id, a] of fresh.accounted) accounted.set(id, a);
  for (const [id, c] of fresh.calendars) calendars.set(id, c);
  return { participants, accounted, calendars };
}

/**
 * The study's dashboard for the week from `from`, for the participants at `sites`. Built again only
 * when the study's data changed since it was last built (its audit chain grew, studyWriteMark), and
 * then from the participants whose data changed since (participant_changes, written with the audit
 * records) and the last build's inputs for the rest. The mark is read before the data, so a
 * dashboard is never kept under a mark older than what it shows, and a write by another process is
 * seen at the next read. Before masking: the masking hook masks it for a blinded reader as it would
 * any answer. Frozen.
 */
export async function cachedStudyDashboard(q: Queryable, study: Study, sites: 'all' | readonly string[], from: string): Promise<Dashboard> {
  const mark = await studyWriteMark(q, study.id);
  let byWeek = built.get(study.protocol);
  if (!byWeek) built.set(study.protocol, (byWeek = new CalendarCache(perProtocol)));
  const key = JSON.stringify([from, sites]);
  const last = byWeek.getOrBuild(key, (): Built => ({ mark: -1, dashboard: undefined, base: undefined }));
  // A dashboard after a later mark shows every write up to this one too.
  if (mark <= last.mark && last.dashboard) return last.dashboard;
  const base = last.base;
  const dashboard = (
    base === undefined ? listParticipants(q, study.id, sites).then((participants) => readDashboardInputs(q, study.protocol, participants)) : updatedInputs(q, study, sites, base.inputs, base.mark)
  ).then(async (inputs) => {
    if (last.base === undefined || mark > last.base.mark) last.base = { mark, inputs };
    return deepFreeze(await dashboardFrom(q, study.protocol, inputs, from));
  });
  // Concurrent readers after the same mark share one build; a build after a later mark is not replaced by one after an earlier.
  if (mark > last.mark) Object.assign(last, { mark, dashboard });
  dashboard.catch(() => {
    if (last.dashboard === dashboard) Object.assign(last, { mark: -1, dashboard: undefined });
  });
  return dashboard;
}
