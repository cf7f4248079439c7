import { describe, expect, it } from 'vitest';
import { alsIl2 } from '../builtin/als-il2.js';
import { getBuiltinProtocol } from '../builtin/index.js';
import { parseProtocol } from '../parse-protocol.js';
import type { RegimenInput } from '../regimen-schema.js';
import type { Protocol } from '../schema.js';
import { buildCalendar } from './build-calendar.js';

// 2024 is a leap year: study day 32 = 1 Feb, day 61 = 1 Mar, day 85 = 25 Mar.
const START = '2024-01-01';

/** The ALS protocol (single arm "il2") with its regimen replaced. */
function withRegimen(regimen: Partial<RegimenInput> & Pick<RegimenInput, 'steps'>, durationDays = 344): Protocol {
  const arm = alsIl2.arms[0]!;
  const intervention = arm.interventions[0]!;
  return parseProtocol({
    ...alsIl2,
    design: { ...alsIl2.design, durationDays },
    visits: [{ id: 'day-1', name: 'Day 1', day: 1 }],
    outcomes: [],
    arms: [{ ...arm, interventions: [{ ...intervention, regimen: { description: 'test', ...regimen } }] }],
  });
}

const qod14: RegimenInput['steps'][number] = { kind: 'every', interval: 2, forDays: 14, dose: { amount: 1, unit: 'MIU' } };
const sleWithRule = (holdRule: 'skip' | 'shift-cycle') => withRegimen({ steps: [{ kind: 'cycle', times: 3, steps: [qod14, { kind: 'rest', days: 14 }] }], holdRule });
const dueDays = (c: ReturnType<typeof buildCalendar>) => c.doses.filter((d) => d.status === 'due').map((d) => d.day);

describe('buildCalendar on the seed trials', () => {
  it('SLE: 3 cycles of qod × 14 days + 14 rest = days 1,3,…,13 then +28, +56: 21 injections, 21 MIU, last day 69', () => {
    const c = buildCalendar(getBuiltinProtocol('sle-il2'), 'active', START);
    const cycle1 = [1, 3, 5, 7, 9, 11, 13];
    expect(c.doses.map((d) => d.day)).toEqual([...cycle1, ...cycle1.map((d) => d + 28), ...cycle1.map((d) => d + 56)]);
    expect(c.doses.map((d) => d.cycle)).toEqual([...Array(7).fill(1), ...Array(7).fill(2), ...Array(7).fill(3)]);
    expect(c.totalDose).toBe(21);
    expect(c.unit).toBe('MIU');
    // Day 69 = 1 Mar (day 61) + 8 = 9 Mar 2024.
    expect(c.doses.at(-1)).toMatchObject({ day: 69, date: '2024-03-09', dose: 1, unit: 'MIU', cycle: 3, status: 'due' });
    expect(c.visits.map((v) => v.day)).toEqual([1, 29, 57, 85, 169]); // weeks 0, 4, 8, 12 and 24 (7·24 + 1)
  });

  it('SLE placebo arm follows the same calendar', () => {
    const c = buildCalendar(getBuiltinProtocol('sle-il2'), 'placebo', START);
    expect(c.doses).toHaveLength(21);
  });

  it('ALS: 6 courses of qod × 2 weeks + 2 weeks off: 42 injections, 42 MIU, last on day 5×28 + 13 = 153', () => {
    const c = buildCalendar(getBuiltinProtocol('als-il2'), 'il2', START);
    expect(c.doses).toHaveLength(42);
    expect(c.totalDose).toBe(42);
    expect(c.doses.at(-1)).toMatchObject({ day: 153, cycle: 6 });
    expect(c.visits.map((v) => [v.day, v.date])).toEqual([
      [1, '2024-01-01'],
      [169, '2024-06-17'], // 1 Jan + 168 days (24 weeks)
      [337, '2024-12-02'], // 1 Jan + 336 days (48 weeks)
    ]);
  });

  it('encephalitis: 5 × 1.5 MIU (week 1) + 15 × 3 MIU (weeks 3, 6, 9) = 20 injections, 52.5 MIU, last on day 61', () => {
    const c = buildCalendar(getBuiltinProtocol('ae-il2'), 'proleukin', START);
    // Week N starts on day 7N − 6: weeks 3, 6, 9 start on days 15, 36, 57.
    expect(c.doses.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 15, 16, 17, 18, 19, 36, 37, 38, 39, 40, 57, 58, 59, 60, 61]);
    expect(c.doses.map((d) => d.dose)).toEqual([...Array(5).fill(1.5), ...Array(15).fill(3)]);
    expect([...new Set(c.doses.map((d) => d.cycle))]).toEqual([1, 2, 3, 4]);
    expect(c.totalDose).toBe(52.5);
    expect(c.doses.at(-1)).toMatchObject({ day: 61, date: '2024-03-01' });
    expect(c.visits.map((v) => v.day)).toEqual([1, 15, 57, 141]);
  });

  it('SS (published schedule): 3 cycles of qod × 14 days + 14 rest, 21 injections, last on day 57 + 12 = 69; visits weeks 0, 12, 24 with ±7-day windows', () => {
    const c = buildCalendar(getBuiltinProtocol('ss-il2'), 'active', START);
    // He et al. JAMA Netw Open 2022: 3 cycles × 7 injections (days 1, 3, …, 13 of each 28-day cycle) of 1 MIU.
    expect(c.doses).toHaveLength(21);
    expect(c.doses.at(-1)?.day).toBe(69);
    expect(c.totalDose).toBe(21);
    expect(c.visits[1]).toEqual({
      id: 'week-12',
      name: 'Week 12',
      day: 85,
      windowBefore: 7,
      windowAfter: 7,
      date: '2024-03-25',
      earliest: '2024-03-18',
      latest: '2024-04-01',
      assessments: ['labs', 'ss-labs', 'immune-panel', 'adverse-events'],
    });
  });
});

describe('buildCalendar regimen forms', () => {
  it('daily dosing for N days gives N doses on consecutive days', () => {
    const c = buildCalendar(withRegimen({ steps: [{ kind: 'every', interval: 1, forDays: 5, dose: { amount: 0.5, unit: 'MIU' } }] }), 'il2', START);
    expect(c.doses.map((d) => [d.day, d.date])).toEqual([
      [1, '2024-01-01'],
      [2, '2024-01-02'],
      [3, '2024-01-03'],
      [4, '2024-01-04'],
      [5, '2024-01-05'],
    ]);
    expect(c.totalDose).toBe(2.5);
  });

  it('body-surface dosing multiplies MIU/m2 by the body surface area into MIU', () => {
    // GVHD row of the review: 0.3 MIU/m2; for 1.7 m2 that is 0.51 MIU per dose, 5 doses = 2.55 MIU.
    const p = withRegimen({ steps: [{ kind: 'every', interval: 1, forDays: 5, dose: { amount: 0.3, unit: 'MIU/m2' } }] });
    const c = buildCalendar(p, 'il2', START, { bodySurfaceM2: 1.7 });
    expect(c.doses.map((d) => d.dose)).toEqual([0.51, 0.51, 0.51, 0.51, 0.51]);
    expect(c.unit).toBe('MIU');
    expect(c.totalDose).toBe(2.55);
    expect(() => buildCalendar(p, 'il2', START)).toThrow(expect.objectContaining({ code: 'PROTOCOL_BODY_SURFACE_REQUIRED' }));
  });

  it('per-kg dosing multiplies mg/kg by the body weight into mg', () => {
    // 0.1 mg/kg for 70 kg = 7 mg per dose; every other day for 4 days = days 1 and 3, 14 mg.
    const p = withRegimen({ steps: [{ kind: 'every', interval: 2, forDays: 4, dose: { amount: 0.1, unit: 'mg/kg' } }] });
    const c = buildCalendar(p, 'il2', START, { weightKg: 70 });
    expect(c.doses.map((d) => [d.day, d.dose, d.unit])).toEqual([
      [1, 7, 'mg'],
      [3, 7, 'mg'],
    ]);
    expect(c.totalDose).toBe(14);
    expect(() => buildCalendar(p, 'il2', START)).toThrow(expect.objectContaining({ code: 'PROTOCOL_WEIGHT_REQUIRED' }));
  });

  it('refuses to add up doses in different units', () => {
    const p = withRegimen({
      steps: [
        { kind: 'every', interval: 1, forDays: 1, dose: { amount: 1, unit: 'MIU' } },
        { kind: 'every', interval: 1, forDays: 1, dose: { amount: 1, unit: 'mg' } },
      ],
    });
    expect(() => buildCalendar(p, 'il2', START)).toThrow('Arm "il2" doses in MIU and mg, which cannot be added into one total dose.');
  });

  it('drops doses after the end of the study', () => {
    // qod from day 1 for 14 days would dose on day 13, but the study ends on day 12.
    const c = buildCalendar(withRegimen({ steps: [qod14] }, 12), 'il2', START);
    expect(c.doses.map((d) => d.day)).toEqual([1, 3, 5, 7, 9, 11]);
  });

  it('counts visits before day 1 without a day 0', () => {
    const p = parseProtocol({ ...alsIl2, visits: [{ id: 'screening', name: 'Screening', day: -14, windowBefore: 7 }, ...alsIl2.visits] });
    // Day −1 is 31 Dec 2023, so day −14 is 18 Dec 2023 and its earliest date a week before.
    expect(buildCalendar(p, 'il2', START).visits[0]).toMatchObject({ day: -14, date: '2023-12-18', earliest: '2023-12-11', latest: '2023-12-18' });
  });
});

describe('buildCalendar holds', () => {
  it('skip: the held dose is recorded with its reason and nothing else moves', () => {
    const c = buildCalendar(sleWithRule('skip'), 'il2', START, { holds: [{ day: 5, reason: 'platelets 70 × 10^9/L' }] });
    expect(c.doses.slice(0, 4).map((d) => [d.day, d.status])).toEqual([
      [1, 'due'],
      [3, 'due'],
      [5, 'held'],
      [7, 'due'],
    ]);
    expect(c.doses[2]).toMatchObject({ reason: 'platelets 70 × 10^9/L', cycle: 1 });
    expect(c.doses).toHaveLength(21);
    expect(c.totalDose).toBe(20);
  });

  it('shift-cycle: the held dose and the rest of its cycle move one interval (2 days) later; later cycles stay put', () => {
    const c = buildCalendar(sleWithRule('shift-cycle'), 'il2', START, { holds: [{ day: 5, reason: 'infection' }] });
    expect(c.doses.filter((d) => d.cycle === 1).map((d) => [d.day, d.status])).toEqual([
      [1, 'due'],
      [3, 'due'],
      [5, 'held'],
      [7, 'due'],
      [9, 'due'],
      [11, 'due'],
      [13, 'due'],
      [15, 'due'],
    ]);
    expect(dueDays(c).filter((d) => d > 15)).toEqual([29, 31, 33, 35, 37, 39, 41, 57, 59, 61, 63, 65, 67, 69]);
    expect(c.totalDose).toBe(21);
  });

  it('shift-cycle twice in one cycle: the second hold names the shifted dose', () => {
    const c = buildCalendar(sleWithRule('shift-cycle'), 'il2', START, {
      holds: [
        { day: 7, reason: 'second' },
        { day: 5, reason: 'first' },
      ],
    });
    expect(c.doses.filter((d) => d.status === 'held').map((d) => [d.day, d.reason])).toEqual([
      [5, 'first'],
      [7, 'second'],
    ]);
    expect(dueDays(c).filter((d) => d < 29)).toEqual([1, 3, 9, 11, 13, 15, 17]);
  });

  it('shift-cycle in a days block moves by one day', () => {
    const ae = getBuiltinProtocol('ae-il2');
    const shifting = parseProtocol({
      ...ae,
      arms: ae.arms.map((a) => ({ ...a, interventions: a.interventions.map((i) => ({ ...i, regimen: { ...i.regimen, holdRule: 'shift-cycle' } })) })),
    });
    const c = buildCalendar(shifting, 'proleukin', START, { holds: [{ day: 3, reason: 'fever' }] });
    expect(dueDays(c).slice(0, 6)).toEqual([1, 2, 4, 5, 6, 15]);
    expect(c.totalDose).toBe(52.5);
  });

  it('shift-cycle refuses to push a dose onto the next cycle', () => {
    // Cycles of qod × 4 days with no rest: doses 1, 3 | 5, 7. Holding day 3 would move it to day 5.
    const p = withRegimen({
      steps: [{ kind: 'cycle', times: 2, steps: [{ kind: 'every', interval: 2, forDays: 4, dose: { amount: 1, unit: 'MIU' } }] }],
      holdRule: 'shift-cycle',
    });
    expect(() => buildCalendar(p, 'il2', START, { holds: [{ day: 3, reason: 'x' }] })).toThrow(
      "holds[0]: shifting the rest of cycle 1 after the dose held on day 3 would move a dose to day 5, on or after the next cycle's first dose on day 5.",
    );
  });

  it('refuses a hold on a day without a due dose', () => {
    expect(() => buildCalendar(sleWithRule('skip'), 'il2', START, { holds: [{ day: 4, reason: 'x' }] })).toThrow('holds[0]: no dose is due on study day 4, so it cannot be held.');
  });
});

describe('buildCalendar refusals', () => {
  it('names an impossible start date', () => {
    expect(() => buildCalendar(getBuiltinProtocol('sle-il2'), 'active', '2023-02-29')).toThrow('startDate "2023-02-29" is not a real calendar date written YYYY-MM-DD.');
  });

  it('names an unknown arm and the arms there are', () => {
    expect(() => buildCalendar(getBuiltinProtocol('sle-il2'), 'il2', START)).toThrow('Protocol "sle-il2" has no arm "il2"; its arms are active, placebo.');
  });
});
