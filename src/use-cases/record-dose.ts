import { isoDay } from '../dates/iso-date.js';
import { checkDoseEntry, type DoseEntry } from '../dosing/dose-entry.js';
import { checkPlausibleDate, participantDateRange } from '../edit-checks/plausible-date.js';
import type { RecordedDose } from '../dosing/participant-calendar.js';
import type { Participant } from '../enrolment/participant.js';
import type { Protocol } from '../protocol/schema.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { saveDose } from '../store/doses.js';
import type { Actor } from './actor.js';
import { participantCalendarOf } from './participant-calendars.js';

/** Record a dose given or held on a dosing day, inside a transaction (recording a day again is a correction). */
export async function recordDoseIn(w: AuditedTx, p: Participant, protocol: Protocol, d: DoseEntry, changeReason: string | undefined): Promise<RecordedDose> {
  checkPlausibleDate('date', d.date, participantDateRange(p.birthDate, isoDay(w.ctx.at)));
  const calendar = await participantCalendarOf(w.tx, p, protocol);
  const existing = calendar.doses.find((c) => c.day === d.day)?.recorded ?? undefined;
  return saveDose(w, p.id, checkDoseEntry(p, calendar, existing, d, changeReason), changeReason);
}

/** Record a dose (see recordDoseIn), audited. */
export function recordDose(db: Db, who: Actor, p: Participant, protocol: Protocol, d: DoseEntry, changeReason: string | undefined): Promise<RecordedDose> {
  return audited(db, { ...who, studyId: p.studyId }, (w) => recordDoseIn(w, p, protocol, d, changeReason));
}
