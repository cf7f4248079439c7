import { addDays } from '../dates/iso-date.js';
import type { Protocol } from '../protocol/schema.js';
import type { ParticipantCalendar } from '../dosing/participant-calendar.js';
import type { Participant } from '../enrolment/participant.js';
import { funnelCounts, type PathStage } from '../enrolment/furthest-stage.js';
import { accountedVisits, confirmedAdverseEventsByGrade, openQueryCount } from '../store/dashboard-counts.js';
import type { Queryable } from '../store/db.js';
import { participantCalendars } from './participant-calendars.js';

export interface VisitDue {
  readonly participantId: string;
  readonly code: string;
  readonly visitId: string;
  readonly name: string;
  readonly date: string;
  readonly earliest: string;
  readonly latest: string;
}

export interface DoseDue {
  readonly participantId: string;
  readonly code: string;
  readonly day: number;
  readonly date: string;
}

export interface Dashboard {
  readonly enrolment: {
    readonly target: number;
    readonly enrolled: number;
    readonly byStatus: Readonly<Record<string, number>>;
    /** The screening funnel: participants who reached each stage or a later one (its "enrolled" is `enrolled`). */
    readonly funnel: Readonly<Record<PathStage, number>>;
  };
  /** The week shown: `from` (the day asked for) to `to`, six days later, both included. */
  readonly week: { readonly from: string; readonly to: string };
  /** Visits whose window is open on at least one day of the week and that have no saved data. */
  readonly visitsDue: readonly VisitDue[];
  /** Visits whose window closed before the week, with no saved data and not marked missed. */
  readonly visitsOverdue: readonly VisitDue[];
  readonly dosesDue: readonly DoseDue[];
  readonly openQueries: number;
  readonly adverseEventsByGrade: Readonly<Record<string, number>>;
}

/** A dashboard week is the day asked for and the six after it. */
const WEEK_DAYS = 7;

/** One participant's share of a week's lists. */
interface Part {
  readonly key: string;
  readonly due: readonly VisitDue[];
  readonly overdue: readonly VisitDue[];
  readonly doses: readonly DoseDue[];
}

/**
 * Each calendar's last share, by the calendar: the calendar cache (participant-calendars.ts) gives the
 * same object while the calendar's inputs are unchanged, and the share is a pure function of the
 * calendar, the week, the participant's code and its visits accounted for, so it is kept under
 * exactly those (a weak map: it goes with its calendar). Items are frozen: later dashboards share them.
 */
const parts = new WeakMap<ParticipantCalendar, Part>();

function partOf(p: Participant, cal: ParticipantCalendar, accounted: readonly string[], from: string, to: string): Part {
  const key = JSON.stringify([from, p.id, p.code, accounted]);
  const known = parts.get(cal);
  if (known?.key === key) return known;
  const done = new Set(accounted);
  const due: VisitDue[] = [];
  const overdue: VisitDue[] = [];
  const doses: DoseDue[] = [];
  for (const v of cal.visits) {
    if (done.has(v.id)) continue;
    const item = Object.freeze({ participantId: p.id, code: p.code, visitId: v.id, name: v.name, date: v.date, earliest: v.earliest, latest: v.latest });
    if (v.latest < from) overdue.push(item);
    else if (v.earliest <= to) due.push(item);
  }
  for (const d of cal.doses) {
    if (from <= d.date && d.date <= to && d.status === 'due' && d.recorded === null) doses.push(Object.freeze({ participantId: p.id, code: p.code, day: d.day, date: d.date }));
  }
  const part = { key, due, overdue, doses };
  parts.set(cal, part);
  return part;
}

/** The last codes ranked, and their ranks: a study's codes rarely change between dashboards. */
let ranked: { readonly codes: string; readonly rank: ReadonlyMap<string, number> } = { codes: '', rank: new Map() };

/** Each code's place in the locale's order (localeCompare); codes it finds equal share a place. */
function codeRanks(codes: readonly string[]): ReadonlyMap<string, number> {
  const key = JSON.stringify(codes);
  if (ranked.codes === key) return ranked.rank;
  const sorted = [...new Set(codes)].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  sorted.forEach((code, i) => rank.set(code, i > 0 && sorted[i - 1]!.localeCompare(code) === 0 ? rank.get(sorted[i - 1]!)! : i));
  ranked = { codes: key, rank };
  return rank;
}

/**
 * By date, then code as localeCompare orders codes (its ranks, compared as numbers: a week's lists
 * run to thousands of items). ISO dates order as their characters do.
 */
function byDate(rank: ReadonlyMap<string, number>) {
  return <T extends { date: string; code: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rank.get(a.code)! - rank.get(b.code)!);
}

/** What a dashboard is built from, per participant; read for some participants and merged (study-dashboard-cache.ts). */
export interface DashboardInputs {
  readonly participants: ReadonlyMap<string, Participant>;
  /** Visits accounted for, by participant (absent: none). */
  readonly accounted: ReadonlyMap<string, readonly string[]>;
  /** The calendar of each participant on treatment. */
  readonly calendars: ReadonlyMap<string, ParticipantCalendar>;
}

const onTreatment = (p: Participant) => p.status === 'on-treatment' && p.startDate !== null && p.armId !== null;

/** The dashboard inputs of the participants given (already filtered to the user's sites). */
export async function readDashboardInputs(q: Queryable, protocol: Protocol, participants: readonly Participant[]): Promise<DashboardInputs> {
  const accounted = await accountedVisits(
    q,
    participants.map((p) => p.id),
  );
  const calendars = await participantCalendars(q, participants.filter(onTreatment), protocol);
  return { participants: new Map(participants.map((p) => [p.id, p])), accounted, calendars };
}

/**
 * A study's week from `from` for the participants of `inputs`: visits due (window open during the
 * week) and overdue (window closed before it), neither with saved data; doses due during the week
 * and not recorded. The open queries and confirmed adverse events are counted afresh.
 */
export async function dashboardFrom(q: Queryable, protocol: Protocol, inputs: DashboardInputs, from: string): Promise<Dashboard> {
  const to = addDays(from, WEEK_DAYS - 1);
  const participants = [...inputs.participants.values()];
  const byStatus: Record<string, number> = {};
  for (const p of participants) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
  const ids = participants.map((p) => p.id);
  const visitsDue: VisitDue[] = [];
  const visitsOverdue: VisitDue[] = [];
  const dosesDue: DoseDue[] = [];
  const treated = participants.filter(onTreatment);
  for (const p of treated) {
    const part = partOf(p, inputs.calendars.get(p.id)!, inputs.accounted.get(p.id) ?? [], from, to);
    for (const v of part.due) visitsDue.push(v);
    for (const v of part.overdue) visitsOverdue.push(v);
    for (const d of part.doses) dosesDue.push(d);
  }
  const order = byDate(codeRanks(treated.map((p) => p.code)));
  const openQueries = await openQueryCount(q, ids);
  const grades = await confirmedAdverseEventsByGrade(q, ids);
  return {
    enrolment: { target: protocol.enrolment.target, enrolled: participants.filter((p) => p.enrolledOn !== null).length, byStatus, funnel: funnelCounts(participants) },
    week: { from, to },
    visitsDue: visitsDue.sort(order),
    visitsOverdue: visitsOverdue.sort(order),
    dosesDue: dosesDue.sort(order),
    openQueries,
    adverseEventsByGrade: grades,
  };
}

/** A study's week from `from` for the participants given (already filtered to the user's sites); see dashboardFrom. */
export async function studyDashboard(q: Queryable, protocol: Protocol, participants: readonly Participant[], from: string): Promise<Dashboard> {
  return dashboardFrom(q, protocol, await readDashboardInputs(q, protocol, participants), from);
}
