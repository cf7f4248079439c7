import { AppError } from '../errors/app-error.js';
import { doseHoldDays, holdsOnDoseDays, type DoseHold } from '../instruments/index.js';
import { buildCalendar, type Calendar, type CalendarDose } from '../protocol/calendar/build-calendar.js';
import type { Protocol } from '../protocol/schema.js';
import { datedAdverseEvents, listAdverseEvents } from './adverse-events.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import type { Participant } from './participants.js';

interface DoseRow {
  id: string;
  participant_id: string;
  day: number;
  dose_date: string;
  status: 'given' | 'held';
  reason: string | null;
}

export interface RecordedDose {
  readonly day: number;
  readonly date: string;
  readonly status: 'given' | 'held';
  readonly reason: string | null;
}

export interface ParticipantCalendar extends Calendar {
  readonly startDate: string;
  readonly doses: readonly (CalendarDose & { readonly recorded: RecordedDose | null })[];
}

const toDose = (r: DoseRow): RecordedDose => ({ day: r.day, date: r.dose_date, status: r.status, reason: r.reason });

/** Rows of `rows` grouped by participant, every id of `ids` present (empty when it has none). */
function byParticipant<T>(ids: readonly string[], rows: readonly T[], idOf: (r: T) => string): Map<string, T[]> {
  const m = new Map(ids.map((id) => [id, [] as T[]]));
  for (const r of rows) m.get(idOf(r))?.push(r);
  return m;
}

function startedArm(p: Participant): { armId: string; startDate: string } {
  if (p.startDate === null || p.armId === null) {
    throw new AppError('ParticipantNotStarted', `Participant ${p.code} has not started treatment, so there is no dosing calendar yet.`, 409);
  }
  return { armId: p.armId, startDate: p.startDate };
}

interface LabRow {
  participant_id: string;
  date: string;
  analyte: string;
  value: number;
  unit: string;
}

/** What the dose-hold rules read of one participant: labs by date and confirmed adverse events. */
interface RuleInputs {
  readonly labs: readonly LabRow[];
  readonly adverseEvents: ReturnType<typeof datedAdverseEvents>;
}

/**
 * The holds the protocol's dose-hold rules put on the due doses, from the participant's labs and
 * confirmed adverse events. A dose already recorded as given stays given: the rules act on what is to come.
 */
function ruleHolds(protocol: Protocol, armId: string, startDate: string, inputs: RuleInputs, recorded: readonly RecordedDose[], recordedHolds: readonly DoseHold[]): DoseHold[] {
  const rules = protocol.doseHoldRules ?? [];
  if (rules.length === 0) return [];
  const given = new Set(recorded.filter((d) => d.status === 'given').map((d) => d.day));
  const holdDays = doseHoldDays(rules, { start: startDate, lastDay: protocol.design.durationDays, labs: inputs.labs, adverseEvents: inputs.adverseEvents }).filter(
    (h) => !given.has(h.day),
  );
  return holdsOnDoseDays(holdDays, (holds) =>
    buildCalendar(protocol, armId, startDate, { holds: [...recordedHolds, ...holds] })
      .doses.filter((d) => d.status === 'due')
      .map((d) => d.day),
  );
}

/**
 * The protocol calendar of each participant from their start date, with held doses applied (recorded
 * holds and the protocol's dose-hold rules) and every recorded dose beside its day. Three queries for
 * any number of participants, so a study-wide view does not pay a round trip per participant.
 */
export async function participantCalendars(q: Queryable, participants: readonly Participant[], protocol: Protocol): Promise<Map<string, ParticipantCalendar>> {
  const started = participants.map((p) => ({ p, ...startedArm(p) }));
  const ids = participants.map((p) => p.id);
  const doses = byParticipant(ids, await q.query<DoseRow>('SELECT * FROM doses WHERE participant_id = ANY($1::uuid[]) ORDER BY day', [ids]), (r) => r.participant_id);
  const hasRules = (protocol.doseHoldRules ?? []).length > 0;
  const labs = byParticipant(
    ids,
    hasRules
      ? await q.query<LabRow>(
          `SELECT o.participant_id, v.visit_date AS date, o.key AS analyte, o.value_num AS value, o.unit FROM observations o JOIN visits v ON v.id = o.visit_row_id
            WHERE o.participant_id = ANY($1::uuid[]) AND o.kind = 'lab' ORDER BY v.visit_date, o.key`,
          [ids],
        )
      : [],
    (r) => r.participant_id,
  );
  const events = byParticipant(ids, hasRules ? await listAdverseEvents(q, ids) : [], (e) => e.participantId);
  const calendars = new Map<string, ParticipantCalendar>();
  for (const { p, armId, startDate } of started) {
    const recorded = (doses.get(p.id) ?? []).map(toDose);
    const recordedHolds = recorded.filter((d) => d.status === 'held').map((d) => ({ day: d.day, reason: d.reason ?? '' }));
    const inputs = { labs: labs.get(p.id) ?? [], adverseEvents: datedAdverseEvents(events.get(p.id) ?? []) };
    const holds = [...recordedHolds, ...ruleHolds(protocol, armId, startDate, inputs, recorded, recordedHolds)];
    const calendar = buildCalendar(protocol, armId, startDate, { holds });
    const byDay = new Map(recorded.map((d) => [d.day, d]));
    calendars.set(p.id, { ...calendar, startDate, doses: calendar.doses.map((d) => ({ ...d, recorded: byDay.get(d.day) ?? null })) });
  }
  return calendars;
}

/** One participant's calendar (see participantCalendars). */
export async function participantCalendar(q: Queryable, p: Participant, protocol: Protocol): Promise<ParticipantCalendar> {
  return (await participantCalendars(q, [p], protocol)).get(p.id) as ParticipantCalendar;
}

export interface DoseEntry {
  readonly day: number;
  readonly date: string;
  readonly status: 'given' | 'held';
  readonly reason?: string | undefined;
}

/**
 * Record a dose as given or held on a dosing day of the calendar. Recording the same day again is
 * a correction and needs a reason.
 */
export async function recordDose(w: AuditedTx, p: Participant, protocol: Protocol, d: DoseEntry, changeReason: string | undefined): Promise<RecordedDose> {
  const calendar = await participantCalendar(w.tx, p, protocol);
  if (!calendar.doses.some((c) => c.day === d.day)) {
    throw new AppError('DoseOutsideCalendar', `Study day ${d.day} is not a dosing day in participant ${p.code}'s calendar.`, 400, 'day');
  }
  const values = { dose_date: d.date, status: d.status, reason: d.reason ?? null };
  const [existing] = await w.tx.query<DoseRow>('SELECT * FROM doses WHERE participant_id = $1 AND day = $2', [p.id, d.day]);
  if (!existing) return toDose(await w.insert<DoseRow>('doses', { participant_id: p.id, day: d.day, ...values }));
  const same = existing.dose_date === values.dose_date && existing.status === values.status && existing.reason === values.reason;
  if (!same && !changeReason) {
    throw new AppError('ReasonRequired', `Day ${d.day} is already recorded for participant ${p.code}; correcting it needs a reason in field "changeReason".`, 400, 'changeReason');
  }
  const row = await w.update<DoseRow>('doses', { id: existing.id }, values, changeReason);
  return toDose(row);
}
