import { describe, expect, it } from 'vitest';
import { readDosing, routesIn } from './read-dosing.js';

describe('dosing text read as a regimen', () => {
  it('reads the issue example: 1 million IU every other day for 2 weeks, a 2-week break, 6 cycles', () => {
    // 6 × (doses on days 1, 3, …, 13 of 14, then 14 days off) = 24 weeks, as the ALS record says.
    expect(readDosing('1 million IU every other day for 2 weeks, followed by a 2-week break, 6 cycles')).toEqual({
      kind: 'regimen',
      dose: { amount: 1, unit: 'MIU' },
      steps: [
        {
          kind: 'cycle',
          times: 6,
          steps: [
            { kind: 'every', interval: 2, forDays: 14, dose: { amount: 1, unit: 'MIU' } },
            { kind: 'rest', days: 14 },
          ],
        },
      ],
    });
  });

  it('reads "for a period of 14 days. After a 14-day rest" as the same cycle (the SLE record\'s detailed description)', () => {
    // 3 × (days 1, 3, …, 13 of 14, then 14 days off): the schedule He et al. 2020 treated with for 12 weeks.
    const text = '1 million units every other day subcutaneously (HrIL-2 1X 106, ip, Qod) for a period of 14 days. After a 14-day rest, another cycle started) for 3 cycles.';
    expect(readDosing(text)).toEqual({
      kind: 'regimen',
      dose: { amount: 1, unit: 'MIU' },
      steps: [
        {
          kind: 'cycle',
          times: 3,
          steps: [
            { kind: 'every', interval: 2, forDays: 14, dose: { amount: 1, unit: 'MIU' } },
            { kind: 'rest', days: 14 },
          ],
        },
      ],
    });
  });

  it('reads daily doses on days of numbered weeks (the AE seed arm): week 1 at 1.5 MIU, weeks 3, 6, 9 at 3 MIU', () => {
    // Week N = days 7N − 6 … 7N: days 1–5, 15–19, 36–40, 57–61; 20 injections, 5 × 1.5 + 15 × 3 = 52.5 MIU.
    const reading = readDosing('Proleukin (subcutaneous injection) 1.5 MIU/day from day 1 to 5 at W1 3 MIU/day from day 1 to day 5 at W3, W6, and W9');
    expect(reading).toMatchObject({ kind: 'regimen', note: expect.stringMatching(/W1 = study days 1–7/) });
    expect(reading.kind === 'regimen' && reading.steps).toEqual([
      { kind: 'days', days: [1, 2, 3, 4, 5], length: 7, dose: { amount: 1.5, unit: 'MIU' } },
      { kind: 'rest', days: 7 },
      { kind: 'cycle', times: 3, steps: [{ kind: 'days', days: [1, 2, 3, 4, 5], length: 21, dose: { amount: 3, unit: 'MIU' } }] },
    ]);
    // Unequally spaced weeks of one dose are left open (two doses named).
    expect(readDosing('1 MIU/day from day 1 to 5 at W1, W2 and W5 2 MIU/day from day 1 to 3 at W8')).toMatchObject({ kind: 'open' });
  });

  it('reads daily and weekly schedules without rest or cycles', () => {
    expect(readDosing('1.5 MIU daily for 5 days')).toMatchObject({ kind: 'regimen', steps: [{ kind: 'every', interval: 1, forDays: 5, dose: { amount: 1.5, unit: 'MIU' } }] });
    expect(readDosing('300 mg every 2 weeks for 16 weeks')).toMatchObject({ kind: 'regimen', steps: [{ kind: 'every', interval: 14, forDays: 112 }] });
  });

  it('leaves open, with the reason, what the regimen language cannot say or the text does not give', () => {
    expect(readDosing('1 million U doses of human recombinant interleukin-2 s.c. injection')).toEqual({
      kind: 'open',
      dose: { amount: 1, unit: 'MIU' },
      reason: expect.stringMatching(/no dosing frequency/),
    });
    expect(readDosing('repaglinide 0.5 mg before each meal 3-4 times a day for 2 years')).toMatchObject({ kind: 'open', reason: expect.stringMatching(/several doses a day/) });
    expect(readDosing('Certolizumab Pegol (CZP) 400 mg subcutaneous (sc) on Weeks 0, 2 and 4, followed by 200 mg CZP sc every 2 weeks (Q2W) from Week 6 onwards.')).toMatchObject({
      kind: 'open',
      reason: expect.stringMatching(/2 different doses \(400 mg, 200 mg\)/),
    });
    expect(readDosing('Matching placebo injections every 2 weeks')).toMatchObject({ kind: 'open', reason: expect.stringMatching(/no dose/) });
    expect(readDosing('1 MIU every other day')).toMatchObject({ kind: 'open', reason: expect.stringMatching(/no duration/) });
  });

  it('names the routes the text gives', () => {
    expect(routesIn('administered subcutaneously')).toEqual(['subcutaneous']);
    expect(routesIn('1 million U doses of placebo s.c. injection')).toEqual(['subcutaneous']);
    expect(routesIn('GET73 300 mg oral capsules')).toEqual(['oral']);
    expect(routesIn('an intravenous infusion, or s.c.')).toEqual(['subcutaneous', 'intravenous']);
    expect(routesIn('before each meal')).toEqual([]);
  });
});
