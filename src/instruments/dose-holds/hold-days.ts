import { AppError } from '../../errors/app-error.js';
import { convertLab } from '../ctcae/lab-units.js';
import { studyDay } from '../../dates/iso-date.js';
import { parseDoseHoldRules, type DoseHoldRule } from './rules.js';
import { instrumentsErrors } from '../errors.js';

export type DatedLab = { readonly date: string; readonly analyte: string; readonly value: number; readonly unit: string };

export type DatedAdverseEvent = {
  readonly term: string;
  readonly grade: 1 | 2 | 3 | 4 | 5;
  /** The investigator's causality assessment reduced to related / not related to study drug. */
  readonly related: boolean;
  readonly onsetDate: string;
  readonly resolvedDate?: string;
};

export type ParticipantRecord = {
  /** Study day 1 (first dose). */
  readonly start: string;
  /** Last study day a hold can fall on (e.g. the protocol's design.durationDays). */
  readonly lastDay: number;
  readonly labs: readonly DatedLab[];
  readonly adverseEvents: readonly DatedAdverseEvent[];
};

/** The shape buildCalendar (src/protocol/calendar) takes as `holds`. */
export type DoseHold = { readonly day: number; readonly reason: string };

type Period = { readonly from: number; readonly to: number; readonly reason: string };

function labPeriods(rule: Extract<DoseHoldRule, { kind: 'lab-below' }>, record: ParticipantRecord): Period[] {
  const labs = record.labs
    .map((lab, i) => ({ lab, day: studyDay(record.start, lab.date, `labs[${i}].date`), i }))
    .filter(({ lab }) => lab.analyte === rule.analyte)
    .sort((a, b) => a.day - b.day);
  return labs.flatMap(({ lab, day, i }, k) => {
    const value = convertLab(rule.analyte, lab.value, lab.unit, rule.unit);
    if (!(value < rule.threshold)) return [];
    // Until the next result of the analyte on a later day (a second result the same day does not end the hold).
    const next = labs.slice(k + 1).find((l) => l.day > day);
    return [
      {
        from: day,
        to: next === undefined ? record.lastDay : next.day - 1,
        reason: `${rule.analyte} ${lab.value} ${lab.unit} on ${lab.date} (labs[${i}]) is below the hold threshold of ${rule.threshold} ${rule.unit}`,
      },
    ];
  });
}

function aePeriods(rule: Extract<DoseHoldRule, { kind: 'related-ae-grade' }>, record: ParticipantRecord): Period[] {
  return record.adverseEvents.flatMap((ae, i) => {
    if (!ae.related || ae.grade < rule.minGrade) return [];
    const from = studyDay(record.start, ae.onsetDate, `adverseEvents[${i}].onsetDate`);
    const resolved = ae.resolvedDate === undefined ? undefined : studyDay(record.start, ae.resolvedDate, `adverseEvents[${i}].resolvedDate`);
    if (resolved !== undefined && resolved < from) {
      throw new AppError(instrumentsErrors.DATE_ORDER_INVALID, `adverseEvents[${i}].resolvedDate ${ae.resolvedDate} is before its onsetDate ${ae.onsetDate}.`, `adverseEvents[${i}].resolvedDate`);
    }
    const until = ae.resolvedDate === undefined ? 'not resolved' : `resolved ${ae.resolvedDate}`;
    return [
      {
        from,
        to: resolved === undefined ? record.lastDay : resolved - 1,
        reason: `related grade ${ae.grade} adverse event "${ae.term}" from ${ae.onsetDate} (${until}) reaches the hold grade ${rule.minGrade}`,
      },
    ];
  });
}

/**
 * Every study day (1 … lastDay) on which the protocol's rules hold dosing, with the reason(s).
 * Days before day 1 are dropped: a low screening result holds from day 1 until a later result.
 */
export function doseHoldDays(rulesInput: unknown, record: ParticipantRecord): DoseHold[] {
  const rules = parseDoseHoldRules(rulesInput);
  if (!Number.isInteger(record.lastDay) || record.lastDay < 1) {
    throw new AppError(instrumentsErrors.HOLD_RULE_INVALID, `lastDay must be a whole study day of 1 or more, not ${record.lastDay}.`, 'lastDay');
  }
  const periods = rules.flatMap((rule) => (rule.kind === 'lab-below' ? labPeriods(rule, record) : aePeriods(rule, record)));
  const reasons = new Map<number, string[]>();
  for (const p of periods) {
    for (let day = Math.max(1, p.from); day <= Math.min(record.lastDay, p.to); day++) reasons.set(day, [...(reasons.get(day) ?? []), p.reason]);
  }
  return [...reasons.entries()].sort(([a], [b]) => a - b).map(([day, r]) => ({ day, reason: r.join('; ') }));
}

/**
 * The holds to pass to buildCalendar: the due dose days that fall on hold days. Holding a dose may
 * move later doses (`shift-cycle`), so the calendar is asked again after each hold; `dueDays` returns
 * the days with a due dose given the holds so far (e.g. from buildCalendar(…, { holds }).doses).
 */
export function holdsOnDoseDays(holdDays: readonly DoseHold[], dueDays: (holds: readonly DoseHold[]) => readonly number[]): DoseHold[] {
  const reasonByDay = new Map(holdDays.map((h) => [h.day, h.reason]));
  const holds: DoseHold[] = [];
  let due = [...dueDays(holds)].sort((a, b) => a - b);
  for (;;) {
    const day = due.find((d) => reasonByDay.has(d));
    if (day === undefined) return holds;
    holds.push({ day, reason: reasonByDay.get(day) ?? '' });
    const after = [...dueDays(holds)].sort((a, b) => a - b);
    // A hold always turns at least one due dose into a held one; an unchanged list would loop forever.
    if (after.join() === due.join()) {
      throw new AppError(instrumentsErrors.HOLD_RULE_INVALID, `The calendar still has the dose of study day ${day} due after holding it, so the holds are not being applied.`, 'holds');
    }
    due = after;
  }
}
