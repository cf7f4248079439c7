import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { buildCalendar } from '../../protocol/calendar/build-calendar.js';
import type { Protocol } from '../../protocol/schema.js';
import { doseHoldDays, holdsOnDoseDays, type DoseHold, type ParticipantRecord } from './hold-days.js';

const rules = [
  { kind: 'lab-below', analyte: 'lymphocytes', threshold: 600, unit: '/mm3' },
  { kind: 'related-ae-grade', minGrade: 3 },
];

// Start 2024-01-01 = study day 1, so the day of month in January is the study day.
const record: ParticipantRecord = {
  start: '2024-01-01',
  lastDay: 92,
  labs: [
    { date: '2024-01-01', analyte: 'lymphocytes', value: 1200, unit: '/mm3' },
    { date: '2024-01-04', analyte: 'lymphocytes', value: 0.45, unit: '10^9/L' }, // 450/mm³ < 600: hold from day 4
    { date: '2024-01-08', analyte: 'lymphocytes', value: 700, unit: '/mm3' }, // ≥ 600: hold ends on day 7
    { date: '2024-01-08', analyte: 'neutrophils', value: 100, unit: '/mm3' }, // no rule on neutrophils
  ],
  adverseEvents: [
    // related grade 3 from day 30, resolved on day 34 (2024-02-03): hold days 30–33
    { term: 'Injection site reaction', grade: 3, related: true, onsetDate: '2024-01-30', resolvedDate: '2024-02-03' },
    { term: 'Fever', grade: 2, related: true, onsetDate: '2024-01-20' }, // below grade 3
    { term: 'Fracture', grade: 4, related: false, onsetDate: '2024-01-22', resolvedDate: '2024-02-20' }, // not related
  ],
};

describe('dose-hold days', () => {
  it('holds while the lymphocyte count is below 600/mm³ and during a related grade ≥ 3 event', () => {
    const days = doseHoldDays(rules, record);
    expect(days.map((d) => d.day)).toEqual([4, 5, 6, 7, 30, 31, 32, 33]);
    expect(days[0]?.reason).toBe('lymphocytes 0.45 10^9/L on 2024-01-04 (labs[1]) is below the hold threshold of 600 /mm3');
    expect(days[4]?.reason).toBe('related grade 3 adverse event "Injection site reaction" from 2024-01-30 (resolved 2024-02-03) reaches the hold grade 3');
  });

  it('an unresolved event and a low last result hold through lastDay; overlapping reasons are joined', () => {
    const r: ParticipantRecord = {
      start: '2024-01-01',
      lastDay: 12,
      labs: [{ date: '2024-01-10', analyte: 'lymphocytes', value: 500, unit: '/uL' }],
      adverseEvents: [{ term: 'Rash', grade: 3, related: true, onsetDate: '2024-01-11' }],
    };
    const days = doseHoldDays(rules, r);
    expect(days.map((d) => d.day)).toEqual([10, 11, 12]);
    expect(days[1]?.reason).toContain('; related grade 3 adverse event "Rash" from 2024-01-11 (not resolved)');
  });

  it('a low screening result before day 1 holds from day 1 until the next result', () => {
    const r: ParticipantRecord = {
      start: '2024-01-10',
      lastDay: 30,
      labs: [
        { date: '2024-01-05', analyte: 'lymphocytes', value: 400, unit: '/mm3' }, // study day −5
        { date: '2024-01-12', analyte: 'lymphocytes', value: 900, unit: '/mm3' }, // study day 3
      ],
      adverseEvents: [],
    };
    expect(doseHoldDays(rules, r).map((d) => d.day)).toEqual([1, 2]);
  });

  it('names an invalid rule, a bad date and a resolution before onset', () => {
    expect(() => doseHoldDays([{ kind: 'lab-below', analyte: 'alt', threshold: 1, unit: '/mm3' }], record)).toThrow('Dose-hold rule rules[0].unit is invalid: unit "/mm3" is not supported for alt.');
    expect(() => doseHoldDays([{ kind: 'related-ae-grade', minGrade: 6 }], record)).toThrow(expect.objectContaining({ code: 'INSTRUMENT_HOLD_RULE_INVALID', path: 'rules[0].minGrade' }));
    expect(() => doseHoldDays(rules, { ...record, labs: [{ date: '2024-13-01', analyte: 'lymphocytes', value: 1, unit: '/mm3' }] })).toThrow(
      expect.objectContaining({ code: 'INSTRUMENT_INVALID_DATE', path: 'labs[0].date' }),
    );
    expect(() => doseHoldDays(rules, { ...record, adverseEvents: [{ term: 'Rash', grade: 3, related: true, onsetDate: '2024-01-11', resolvedDate: '2024-01-10' }] })).toThrow(
      expect.objectContaining({ code: 'INSTRUMENT_DATE_ORDER_INVALID' }),
    );
  });
});

describe('holds with buildCalendar (sle-il2: 1 MIU every other day, days 1–13, 29–41, 57–69)', () => {
  const sle = getBuiltinProtocol('sle-il2');
  const dueDaysOf = (p: Protocol) => (holds: readonly DoseHold[]) =>
    buildCalendar(p, 'active', '2024-01-01', { holds })
      .doses.filter((d) => d.status === 'due')
      .map((d) => d.day);

  it('skip: the due doses on hold days are held and not given', () => {
    const holds = holdsOnDoseDays(doseHoldDays(rules, record), dueDaysOf(sle));
    // hold days 4–7 and 30–33 contain the doses of days 5, 7, 31, 33
    expect(holds.map((h) => h.day)).toEqual([5, 7, 31, 33]);
    const cal = buildCalendar(sle, 'active', '2024-01-01', { holds });
    expect(cal.doses.filter((d) => d.status === 'held').map((d) => [d.day, d.reason])).toEqual(holds.map((h) => [h.day, h.reason]));
    // 21 doses of 1 MIU, 4 held → 17 MIU
    expect(cal.totalDose).toBe(17);
  });

  it('shift-cycle: a dose moved into the hold period is held again', () => {
    const shifting: Protocol = {
      ...sle,
      arms: sle.arms.map((a) => ({ ...a, interventions: a.interventions.map((i) => ({ ...i, regimen: { ...i.regimen, holdRule: 'shift-cycle' } })) })),
    };
    const r: ParticipantRecord = {
      ...record,
      adverseEvents: [],
      labs: [
        { date: '2024-01-12', analyte: 'lymphocytes', value: 550, unit: '/mm3' }, // hold days 12–15
        { date: '2024-01-16', analyte: 'lymphocytes', value: 800, unit: '/mm3' },
      ],
    };
    // day 13 held → the dose moves to 15, still a hold day → held → moves to 17
    const holds = holdsOnDoseDays(doseHoldDays(rules, r), dueDaysOf(shifting));
    expect(holds.map((h) => h.day)).toEqual([13, 15]);
    const cal = buildCalendar(shifting, 'active', '2024-01-01', { holds });
    expect(cal.doses.filter((d) => d.cycle === 1 && d.status === 'due').map((d) => d.day)).toEqual([1, 3, 5, 7, 9, 11, 17]);
    expect(cal.totalDose).toBe(21);
    // with skip, only day 13 is a dose day in the hold period
    expect(holdsOnDoseDays(doseHoldDays(rules, r), dueDaysOf(sle)).map((h) => h.day)).toEqual([13]);
  });

  it('refuses a calendar that ignores the holds', () => {
    expect(() => holdsOnDoseDays([{ day: 3, reason: 'x' }], () => [1, 3, 5])).toThrow(expect.objectContaining({ code: 'INSTRUMENT_HOLD_RULE_INVALID' }));
  });
});
