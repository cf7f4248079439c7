import { AppError } from '../../errors/app-error.js';
import type { Dose } from '../regimen-schema.js';
import type { Regimen } from '../regimen-schema.js';
import type { Arm, Protocol } from '../schema.js';
import { expandRegimen, type ScheduledDose } from './expand-regimen.js';
import { addDays, dateOfStudyDay } from '../../dates/iso-date.js';
import { parseIsoDate } from './study-date.js';
import { protocolErrors } from '../errors.js';

export type DoseStatus = 'due' | 'held';

export interface CalendarDose {
  readonly day: number;
  readonly date: string;
  /** Amount to give, in `unit` (per-m² and per-kg doses already multiplied out). */
  readonly dose: number;
  readonly unit: string;
  readonly cycle: number;
  readonly status: DoseStatus;
  readonly reason?: string;
  readonly intervention: string;
}

export interface CalendarVisit {
  readonly id: string;
  readonly name: string;
  readonly day: number;
  readonly windowBefore: number;
  readonly windowAfter: number;
  readonly date: string;
  readonly earliest: string;
  readonly latest: string;
  readonly assessments: readonly string[];
}

export interface DoseHold {
  /** Study day of a due dose (in the calendar as it stands after the earlier holds). */
  readonly day: number;
  readonly reason: string;
}

export interface CalendarOptions {
  readonly holds?: readonly DoseHold[];
  /** Body surface area in m², for doses per m². */
  readonly bodySurfaceM2?: number;
  /** Body weight in kg, for doses per kg. */
  readonly weightKg?: number;
}

export interface Calendar {
  readonly armId: string;
  readonly doses: readonly CalendarDose[];
  readonly visits: readonly CalendarVisit[];
  /** Sum of the due doses (held doses are not given). */
  readonly totalDose: number;
  readonly unit: string;
}

interface Entry extends ScheduledDose {
  readonly intervention: string;
  readonly holdRule: Regimen['holdRule'];
  readonly amount: number;
  readonly unit: string;
  readonly status: DoseStatus;
  readonly reason?: string;
}

// Doses are tenths or hundredths of a MIU; rounding to 1e-6 only removes floating-point noise (0.3 × 1.7).
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

function givenDose(dose: Dose, opts: CalendarOptions, intervention: string): { amount: number; unit: string } {
  switch (dose.unit) {
    case 'MIU/m2':
      if (opts.bodySurfaceM2 === undefined || !(opts.bodySurfaceM2 > 0)) {
        throw new AppError(
          protocolErrors.BODY_SURFACE_REQUIRED,
          `Intervention "${intervention}" is dosed in MIU/m2, so the body surface area in m² (--bsa) must be given as a positive number.`,
          'bodySurfaceM2',
        );
      }
      return { amount: round(dose.amount * opts.bodySurfaceM2), unit: 'MIU' };
    case 'mg/kg':
      if (opts.weightKg === undefined || !(opts.weightKg > 0)) {
        throw new AppError(protocolErrors.WEIGHT_REQUIRED, `Intervention "${intervention}" is dosed in mg/kg, so the body weight in kg (--weight) must be given as a positive number.`, 'weightKg');
      }
      return { amount: round(dose.amount * opts.weightKg), unit: 'mg' };
    default:
      return { amount: dose.amount, unit: dose.unit };
  }
}

/**
 * Hold the due doses on `hold.day`. `skip`: the dose is recorded as held and nothing else moves.
 * `shift-cycle`: the dose is recorded as held on its day, and it and every later due dose of the same
 * cycle (same intervention) move one dosing interval later, so the cycle still gives all its doses;
 * the shifted doses must stay before the next cycle's first dose, otherwise `PROTOCOL_HOLD_SHIFT_COLLIDES`.
 */
function applyHold(entries: readonly Entry[], hold: DoseHold, holdIndex: number): Entry[] {
  const targets = entries.filter((e) => e.day === hold.day && e.status === 'due');
  if (targets.length === 0) {
    throw new AppError(protocolErrors.HOLD_NOT_ON_DOSE_DAY, `holds[${holdIndex}]: no dose is due on study day ${hold.day}, so it cannot be held.`, `holds[${holdIndex}].day`);
  }
  const held = targets.map((t): Entry => ({ ...t, status: 'held', reason: hold.reason }));
  let next = entries.filter((e) => !targets.includes(e));
  for (const t of targets) {
    if (t.holdRule === 'skip') continue;
    const moves = (e: Entry) => e.intervention === t.intervention && e.cycle === t.cycle && e.status === 'due' && e.day > t.day;
    const shifted = [{ ...t, day: t.day + t.interval }, ...next.filter(moves).map((e) => ({ ...e, day: e.day + t.interval }))];
    const nextCycleStart = Math.min(...next.filter((e) => e.intervention === t.intervention && e.cycle > t.cycle).map((e) => e.day));
    const last = Math.max(...shifted.map((e) => e.day));
    if (last >= nextCycleStart) {
      throw new AppError(
        protocolErrors.HOLD_SHIFT_COLLIDES,
        `holds[${holdIndex}]: shifting the rest of cycle ${t.cycle} after the dose held on day ${hold.day} would move a dose to day ${last}, on or after the next cycle's first dose on day ${nextCycleStart}.`,
        `holds[${holdIndex}].day`,
      );
    }
    next = [...next.filter((e) => !moves(e)), ...shifted];
  }
  return [...next, ...held];
}

function findArm(protocol: Protocol, armId: string): Arm {
  const arm = protocol.arms.find((a) => a.id === armId);
  if (arm === undefined) {
    const known = protocol.arms.map((a) => a.id).join(', ');
    throw new AppError(protocolErrors.UNKNOWN_ARM, `Protocol "${protocol.id}" has no arm "${armId}"; its arms are ${known}.`, 'arm');
  }
  return arm;
}

/**
 * The dosing calendar and visit schedule of one arm from a start date (study day 1). Pure: dates are
 * UTC calendar arithmetic on the given start date. Doses after `design.durationDays` are dropped,
 * including doses pushed there by `shift-cycle`.
 */
export function buildCalendar(protocol: Protocol, armId: string, startDate: string, opts: CalendarOptions = {}): Calendar {
  const start = parseIsoDate(startDate, 'startDate');
  const arm = findArm(protocol, armId);

  let entries: Entry[] = arm.interventions.flatMap((i) =>
    expandRegimen(i.regimen.steps).map((s): Entry => ({ ...s, ...givenDose(s.dose, opts, i.id), intervention: i.id, holdRule: i.regimen.holdRule, status: 'due' })),
  );
  const units = [...new Set(entries.map((e) => e.unit))];
  if (units.length !== 1) {
    throw new AppError(protocolErrors.MIXED_DOSE_UNITS, `Arm "${arm.id}" doses in ${units.join(' and ')}, which cannot be added into one total dose.`, 'arms');
  }
  const holds = [...(opts.holds ?? [])].map((h, i) => ({ h, i })).sort((a, b) => a.h.day - b.h.day);
  for (const { h, i } of holds) entries = applyHold(entries, h, i);

  const doses: CalendarDose[] = entries
    .filter((e) => e.day <= protocol.design.durationDays)
    .sort((a, b) => a.day - b.day || a.intervention.localeCompare(b.intervention))
    .map((e) => ({
      day: e.day,
      date: dateOfStudyDay(start, e.day),
      dose: e.amount,
      unit: e.unit,
      cycle: e.cycle,
      status: e.status,
      ...(e.reason === undefined ? {} : { reason: e.reason }),
      intervention: e.intervention,
    }));

  const visits: CalendarVisit[] = [...protocol.visits]
    .sort((a, b) => a.day - b.day)
    .map((v) => {
      const date = dateOfStudyDay(start, v.day);
      return {
        id: v.id,
        name: v.name,
        day: v.day,
        windowBefore: v.windowBefore,
        windowAfter: v.windowAfter,
        date,
        earliest: addDays(date, -v.windowBefore),
        latest: addDays(date, v.windowAfter),
        assessments: v.assessments,
      };
    });

  const totalDose = round(doses.filter((d) => d.status === 'due').reduce((sum, d) => sum + d.dose, 0));
  return { armId: arm.id, doses, visits, totalDose, unit: units[0] as string };
}
