import type { z } from 'zod';
import type { trailQuery } from '../../src/api/analysis.js';
import type { screeningBody } from '../../src/api/eligibility.js';
import type { ExportTableName } from '../../src/interop/csv-export/export-tables.js';
import { get, patch, post } from './api/request.js';
import { pageSize } from './paging.js';
import type * as T from './api/types.js';

/**
 * The web application's only way to the server: one function per endpoint, typed by the API's
 * contract (src/api, through ./api/types.ts).
 */

export { ApiError, request, toApiError } from './api/request.js';
export type * from './api/types.js';
export type { ExportTableName };

/** A screening as the server records it: facts as typed, and each attestation (who and when are the server's). */
export type ScreeningInput = z.input<ReturnType<typeof screeningBody>>;
export type EvidenceRow = Readonly<Record<string, unknown>>;

/** Which records: of one table (`entity`), of one row of it (`entityId`), older than `before`; `limit` at a time. */
export type AuditFilter = Partial<z.output<typeof trailQuery>>;

const e = encodeURIComponent;

/** The page (0-based) shown of each of the dashboard's lists. */
export type DashboardPages = Readonly<Record<keyof T.Dashboard['paging'], number>>;

/** The query string of an audit trail request: only the filters given, trimmed, each encoded ('' for none). */
export function auditQuery(f: object): string {
  const pairs = Object.entries(f)
    .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
    .filter(([, v]) => v !== undefined && v !== '');
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${e(String(v))}`).join('&')}` : '';
}

/** Where one table of a study's CSV export downloads from (a link, not a fetch: the browser saves the file). */
export const exportCsvUrl = (studyId: string, table: ExportTableName): string => `/api/studies/${e(studyId)}/export/${e(table)}.csv`;

export const api = {
  login: (username: string, password: string) => post<T.Session>('/api/auth/login', { username, password }),
  logout: () => post<unknown>('/api/auth/logout'),
  me: () => get<T.Session>('/api/auth/me'),

  studies: () => get<T.StudySummary[]>('/api/studies'),
  study: (studyId: string) => get<T.StudyDetail>(`/api/studies/${e(studyId)}`),
  sites: (studyId: string) => get<T.SiteView[]>(`/api/studies/${e(studyId)}/sites`),
  dashboard: (studyId: string, date: string, pages: DashboardPages) =>
    get<T.Dashboard>(
      `/api/studies/${e(studyId)}/dashboard?date=${e(date)}&limit=${pageSize}&visitsDueOffset=${pages.visitsDue * pageSize}&visitsOverdueOffset=${pages.visitsOverdue * pageSize}&dosesDueOffset=${pages.dosesDue * pageSize}`,
    ),

  participants: (studyId: string) => get<T.Participant[]>(`/api/studies/${e(studyId)}/participants`),
  addParticipant: (studyId: string, p: T.NewParticipant) => post<T.Participant>(`/api/studies/${e(studyId)}/participants`, p),
  participant: (id: string) => get<T.Participant>(`/api/participants/${e(id)}`),
  transition: (id: string, t: T.Transition) => post<T.Participant>(`/api/participants/${e(id)}/transition`, t),
  screen: (id: string, s: ScreeningInput) => post<T.ScreeningOutcome>(`/api/participants/${e(id)}/screening`, s),

  calendar: (id: string) => get<T.Calendar>(`/api/participants/${e(id)}/calendar`),
  recordDose: (id: string, d: T.DoseRecord) => post<unknown>(`/api/participants/${e(id)}/doses`, d),

  visits: (id: string) => get<T.VisitRow[]>(`/api/participants/${e(id)}/visits`),
  immunePanels: (id: string) => get<T.ImmunePanelRow[]>(`/api/participants/${e(id)}/immune-panels`),
  saveVisit: (id: string, visitId: string, v: T.VisitInput) => post<unknown>(`/api/participants/${e(id)}/visits/${e(visitId)}/observations`, v),

  randomize: (id: string) => post<T.Randomization>(`/api/participants/${e(id)}/randomize`),
  dispensing: (studyId: string) => get<T.DispensingRow[]>(`/api/studies/${e(studyId)}/dispensing`),
  dispense: (id: string, kitNumber: string) => post<unknown>(`/api/participants/${e(id)}/dispense`, { kitNumber }),
  unblind: (id: string, reason: string, password: string) => post<T.Unblinding>(`/api/participants/${e(id)}/unblind`, { reason, password }),

  adverseEvents: (id: string) => get<T.AdverseEvent[]>(`/api/participants/${e(id)}/adverse-events`),
  addAdverseEvent: (id: string, ae: T.NewAdverseEvent) => post<T.AdverseEvent>(`/api/participants/${e(id)}/adverse-events`, ae),
  decideAdverseEvent: (aeId: string, d: T.AdverseEventDecision) => patch<T.AdverseEvent>(`/api/adverse-events/${e(aeId)}`, d),

  queries: (studyId: string, status?: T.QueryStatus) => get<T.DataQuery[]>(`/api/studies/${e(studyId)}/queries${status ? `?status=${e(status)}` : ''}`),
  raiseQuery: (q: T.NewQuery) => post<T.DataQuery>('/api/queries', q),
  answerQuery: (queryId: string, a: T.QueryAnswer) => post<T.DataQuery>(`/api/queries/${e(queryId)}/answer`, a),
  closeQuery: (queryId: string) => post<T.DataQuery>(`/api/queries/${e(queryId)}/close`),

  auditTrail: (studyId: string, f: AuditFilter) => get<T.AuditPage>(`/api/studies/${e(studyId)}/audit${auditQuery(f)}`),

  evidence: (q: { disease?: string; dose?: string } = {}) => get<EvidenceRow[] | Readonly<Record<string, EvidenceRow[]>>>(`/api/evidence${auditQuery(q)}`),
  evidenceEffects: () => get<T.ReportedEffect[]>('/api/evidence/effects'),
  sampleSize: (q: { effect: string; alpha?: string; power?: string; ratio?: string }) => get<T.SampleSize>(`/api/evidence/sample-size${auditQuery(q)}`),
};
