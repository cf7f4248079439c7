import type { RoleAssignment } from '../../src/access/index.js';
import type { ExportTableName } from '../../src/interop/csv-export/export-tables.js';
import type { AuditTrailRecord } from '../../src/store/audit-trail.js';
import type { PanelInput } from '../../src/instruments/immune/panel.js';
import type { Protocol } from '../../src/protocol/schema.js';
import type { QueryStatus } from '../../src/data-queries/data-query.js';
import type { Dashboard, DoseDue, VisitDue } from '../../src/use-cases/study-dashboard.js';
import type { StoredLab, VisitData } from '../../src/visits/visit-data.js';
import type { DataQuery as ServerDataQuery, QueryListing } from '../../src/data-queries/data-query.js';

/**
 * The web application's only way to the server. One function per endpoint; types mirror the API's
 * JSON. Errors come back as the API's error body (`{error:{code,message,path}}`) and are thrown as
 * `ApiError`, so a form can place the message beside the field named by `path`.
 */

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly path: string | undefined;
  constructor(code: string, message: string, status: number, path?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.path = path;
  }
}

/** Any failure as an ApiError, so a form can place its message beside the field it names. */
export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError('Failed', String(err), 0);
}

export type ParticipantStatus =
  | 'screening'
  | 'eligible'
  | 'ineligible'
  | 'consented'
  | 'enrolled'
  | 'randomized'
  | 'on-treatment'
  | 'completed'
  | 'withdrawn';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  /** Set by an administrator's reset (or a new account): the server refuses everything else until it is changed. */
  readonly mustChangePassword?: boolean;
}
export interface Session {
  readonly user: User;
  readonly roles: readonly RoleAssignment[];
}

export interface StudySummary {
  readonly id: string;
  readonly protocolId: string;
  readonly title: string;
  readonly registryId: string | null;
  readonly phase: string;
  readonly enrolmentTarget: number;
  readonly enrolled: number;
}

export interface StudyDetail {
  readonly study: { readonly id: string; readonly protocolId: string; readonly protocolVersion: string; readonly title: string };
  /** The protocol as stored. The app never renders its arms: masked users must not meet them. */
  readonly protocol: Protocol;
}
export interface SiteView {
  readonly id: string;
  readonly name: string;
  readonly city?: string;
  readonly country?: string;
}

export interface Participant {
  readonly id: string;
  readonly studyId?: string;
  readonly code: string;
  readonly siteId: string;
  readonly status: ParticipantStatus;
  readonly enrolledOn: string | null;
  readonly startDate: string | null;
  readonly sex?: string;
  readonly birthDate?: string;
  /** Set once randomized; the arm fields only reach unblinded roles. */
  readonly kitNumber?: string | null;
  readonly armId?: string;
}
export interface NewParticipant {
  readonly siteId: string;
  readonly code: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
}
export interface Transition {
  readonly to: ParticipantStatus;
  readonly reason?: string;
  readonly date?: string;
}
/** A screening as the server records it: facts as typed, and each attestation (who and when are the server's). */
export interface ScreeningInput {
  readonly facts: Readonly<Record<string, string>>;
  readonly attestations: readonly { readonly criterionId: string; readonly holds: boolean }[];
  readonly referenceDate: string;
  readonly firstDose?: string;
}
export interface ScreeningOutcome {
  readonly participant: { readonly id: string; readonly status: ParticipantStatus };
  readonly evaluation: { readonly status: 'eligible' | 'ineligible' | 'incomplete'; readonly failed: readonly string[]; readonly missing: readonly string[] };
  readonly record: { readonly id: string; readonly explanation: { readonly summary: string } };
}

/** The protocol's status of a dosing day ('held' once a hold is recorded); `recorded` is what was entered. */
export interface CalendarDose {
  readonly day: number;
  readonly date: string;
  readonly dose: number;
  readonly unit: string;
  readonly cycle: number;
  readonly status: 'due' | 'held';
  readonly reason?: string;
  readonly recorded: { readonly day: number; readonly date: string; readonly status: 'given' | 'held'; readonly reason: string | null } | null;
}
export interface CalendarVisit {
  readonly id: string;
  readonly name: string;
  readonly day: number;
  readonly date: string;
  readonly windowBefore: number;
  readonly windowAfter: number;
}
export interface Calendar {
  readonly startDate: string;
  readonly doses: readonly CalendarDose[];
  readonly visits: readonly CalendarVisit[];
  readonly totalDose: number;
  readonly unit: string;
}
export interface DoseRecord {
  readonly day: number;
  readonly date: string;
  readonly status: 'given' | 'held';
  readonly reason?: string;
  /** Needed when the day was recorded before (audit trail). */
  readonly changeReason?: string;
}

/** A study's week from the day asked for; the server's types (src/use-cases/study-dashboard.ts), erased at build. */
export type { Dashboard, DoseDue, VisitDue };

/** One instrument's saved items at one visit (the visit form's unit of editing). */
export interface Observation {
  readonly visitId: string;
  readonly instrument: string;
  readonly items: Readonly<Record<string, number>>;
  readonly date: string;
}
export interface LabValue {
  readonly analyte: string;
  readonly value: number;
  readonly unit: string;
}
/** One visit's saved data and its graded labs: the server's types (src/visits/visit-data.ts). */
export type { StoredLab, VisitData };
/** One protocol visit of a participant: its schedule, what was saved and the server's instrument scores. */
/** One saved immune panel as the server computed it: each subset's % of parent and cells/µL. */
export interface ImmunePanelRow {
  readonly visitId: string;
  readonly date: string;
  readonly panel: {
    readonly subsets: Readonly<Record<string, { readonly id: string; readonly percentOfParent: number | null; readonly absolutePerUl: number | null }>>;
    readonly tregTh17Ratio: number | null;
  };
}
export interface VisitRow {
  readonly visitId: string;
  readonly visitName: string;
  readonly day: number;
  readonly saved: VisitData | null;
  readonly scores: readonly { readonly instrument: string; readonly total: number }[];
}
/** What a visit form sends; `reason` is required by the server when saved values change. */
export interface VisitInput {
  readonly date: string;
  readonly values: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly labs?: readonly LabValue[];
  readonly panel?: PanelInput;
  readonly reason?: string;
}

export type EvidenceRow = Readonly<Record<string, unknown>>;

export type Relatedness = 'not-related' | 'unlikely' | 'possible' | 'probable' | 'definite';
export interface AdverseEvent {
  readonly id: string;
  readonly term: string;
  readonly onsetDate: string;
  readonly endDate?: string | null;
  readonly grade: number;
  readonly serious: boolean;
  readonly seriousCriteria?: readonly string[];
  readonly relatedness: Relatedness | null;
  readonly actionTaken?: string | null;
  readonly outcome?: string | null;
  readonly status?: 'proposed' | 'confirmed' | 'dismissed';
}
export interface NewAdverseEvent {
  readonly term: string;
  readonly onsetDate: string;
  readonly grade: number;
  readonly serious: boolean;
  readonly relatedness: Relatedness;
}
/**
 * The investigator's decision on a proposed event (PATCH): confirmed with its assessment, or
 * dismissed; `reason` goes into the audit trail either way.
 */
export type AdverseEventDecision =
  | {
      readonly status: 'confirmed';
      readonly reason: string;
      readonly serious: boolean;
      readonly seriousCriteria: readonly string[];
      readonly relatedness?: Relatedness;
      readonly actionTaken?: string;
      readonly outcome?: string;
    }
  | { readonly status: 'dismissed'; readonly reason: string };

export type { QueryStatus };
/**
 * A data query on one saved value (src/data-queries/data-query.ts); the study's query list adds the participant's
 * code and who raised, answered and closed it, which the replies to a raise or an answer leave out.
 */
export type DataQuery = ServerDataQuery & Partial<Pick<QueryListing, 'participantCode' | 'raisedByName' | 'answeredByName' | 'closedByName'>>;
export interface NewQuery {
  readonly participantId: string;
  readonly visitId: string;
  readonly field: string;
  readonly text: string;
}
/** The site's answer; with `correction` the server saves the corrected value, the answer being the reason. */
export interface QueryAnswer {
  readonly text: string;
  readonly correction?: number;
}

/** What randomization answers. `armId` is absent for a blinded role (the server masks it). */
export interface Randomization {
  readonly kitNumber: string;
  readonly armId?: string;
}
/** A kit the pharmacist is to dispense (or has dispensed) for one participant. */
export interface DispensingRow {
  readonly participantId: string;
  readonly code: string;
  readonly kitNumber: string;
  readonly armId?: string;
  readonly dispensedAt: string | null;
}
export interface Unblinding {
  readonly armId: string;
  readonly kitNumber: string;
}

/**
 * One record of a study's audit trail as the server sends it. A blinded reader's has no hash (a hash
 * covers the arm, so it could be tested against each arm) and no change of an arm field.
 */
export type AuditEntry = Omit<AuditTrailRecord, 'hash' | 'prevHash'> & { readonly hash?: string; readonly prevHash?: string };
/** A page of the trail, newest first; `next` is the `before` of the next (older) page, null after the oldest. */
export interface AuditPage {
  readonly records: readonly AuditEntry[];
  readonly next: number | null;
}
/** Which records: of one table (`entity`), of one row of it (`entityId`), older than `before`; `limit` at a time. */
export interface AuditFilter {
  readonly entity?: string;
  readonly entityId?: string;
  readonly before?: number;
  readonly limit?: number;
}
export type { ExportTableName };

export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; path?: string } } | undefined)?.error;
    throw new ApiError(err?.code ?? 'HttpError', err?.message ?? `The server answered ${res.status} to ${method} ${url}.`, res.status, err?.path);
  }
  return json as T;
}

const get = <T>(url: string) => request<T>('GET', url);
const post = <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {});
const patch = <T>(url: string, body: unknown) => request<T>('PATCH', url, body);
const e = encodeURIComponent;

/** The query string of an audit trail request: only the filters given, trimmed, each encoded ('' for none). */
export function auditQuery(f: AuditFilter): string {
  const pairs = Object.entries(f)
    .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
    .filter(([, v]) => v !== undefined && v !== '');
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${e(String(v))}`).join('&')}` : '';
}

/** Where one table of a study's CSV export downloads from (a link, not a fetch: the browser saves the file). */
export const exportCsvUrl = (studyId: string, table: ExportTableName): string => `/api/studies/${e(studyId)}/export/${e(table)}.csv`;

export const api = {
  login: (username: string, password: string) => post<Session>('/api/auth/login', { username, password }),
  logout: () => post<unknown>('/api/auth/logout'),
  me: () => get<Session>('/api/auth/me'),

  studies: () => get<StudySummary[]>('/api/studies'),
  study: (studyId: string) => get<StudyDetail>(`/api/studies/${e(studyId)}`),
  sites: (studyId: string) => get<SiteView[]>(`/api/studies/${e(studyId)}/sites`),
  dashboard: (studyId: string, date: string) => get<Dashboard>(`/api/studies/${e(studyId)}/dashboard?date=${e(date)}`),

  participants: (studyId: string) => get<Participant[]>(`/api/studies/${e(studyId)}/participants`),
  addParticipant: (studyId: string, p: NewParticipant) => post<Participant>(`/api/studies/${e(studyId)}/participants`, p),
  participant: (id: string) => get<Participant>(`/api/participants/${e(id)}`),
  transition: (id: string, t: Transition) => post<Participant>(`/api/participants/${e(id)}/transition`, t),
  screen: (id: string, s: ScreeningInput) => post<ScreeningOutcome>(`/api/participants/${e(id)}/screening`, s),

  calendar: (id: string) => get<Calendar>(`/api/participants/${e(id)}/calendar`),
  recordDose: (id: string, d: DoseRecord) => post<unknown>(`/api/participants/${e(id)}/doses`, d),

  visits: (id: string) => get<VisitRow[]>(`/api/participants/${e(id)}/visits`),
  immunePanels: (id: string) => get<ImmunePanelRow[]>(`/api/participants/${e(id)}/immune-panels`),
  saveVisit: (id: string, visitId: string, v: VisitInput) => post<unknown>(`/api/participants/${e(id)}/visits/${e(visitId)}/observations`, v),

  randomize: (id: string) => post<Randomization>(`/api/participants/${e(id)}/randomize`),
  dispensing: (studyId: string) => get<DispensingRow[]>(`/api/studies/${e(studyId)}/dispensing`),
  dispense: (id: string, kitNumber: string) => post<unknown>(`/api/participants/${e(id)}/dispense`, { kitNumber }),
  unblind: (id: string, reason: string, password: string) => post<Unblinding>(`/api/participants/${e(id)}/unblind`, { reason, password }),

  adverseEvents: (id: string) => get<AdverseEvent[]>(`/api/participants/${e(id)}/adverse-events`),
  addAdverseEvent: (id: string, ae: NewAdverseEvent) => post<AdverseEvent>(`/api/participants/${e(id)}/adverse-events`, ae),
  decideAdverseEvent: (aeId: string, d: AdverseEventDecision) => patch<AdverseEvent>(`/api/adverse-events/${e(aeId)}`, d),

  queries: (studyId: string, status?: QueryStatus) => get<DataQuery[]>(`/api/studies/${e(studyId)}/queries${status ? `?status=${e(status)}` : ''}`),
  raiseQuery: (q: NewQuery) => post<DataQuery>('/api/queries', q),
  answerQuery: (queryId: string, a: QueryAnswer) => post<DataQuery>(`/api/queries/${e(queryId)}/answer`, a),
  closeQuery: (queryId: string) => post<DataQuery>(`/api/queries/${e(queryId)}/close`),

  auditTrail: (studyId: string, f: AuditFilter) => get<AuditPage>(`/api/studies/${e(studyId)}/audit${auditQuery(f)}`),

  evidence: () => get<EvidenceRow[] | Readonly<Record<string, EvidenceRow[]>>>('/api/evidence'),
};
