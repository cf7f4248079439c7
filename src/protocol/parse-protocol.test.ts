import { describe, expect, it } from 'vitest';
import { aeIl2 } from './builtin/ae-il2.js';
import { alsIl2 } from './builtin/als-il2.js';
import { sleIl2 } from './builtin/sle-il2.js';
import { parseProtocol, protocolIssues } from './parse-protocol.js';
import type { RegimenInput } from './regimen-schema.js';

/** The AE protocol with its first regimen step (the week-1 `days` block) replaced. */
function aeWithFirstStep(step: RegimenInput['steps'][number]): unknown {
  const arm = aeIl2.arms[0]!;
  const intervention = arm.interventions[0]!;
  const steps = [step, ...intervention.regimen.steps.slice(1)];
  return { ...aeIl2, arms: [{ ...arm, interventions: [{ ...intervention, regimen: { ...intervention.regimen, steps } }] }] };
}

const STEP0 = 'arms[0].interventions[0].regimen.steps[0]';

describe('parseProtocol', () => {
  it('accepts the seed protocols and applies defaults', () => {
    const p = parseProtocol({ ...alsIl2, notes: undefined });
    expect(p.notes).toEqual([]);
    expect(p.arms[0]?.interventions[0]?.placebo).toBe(false);
  });

  it.each([
    ['an empty arm list', { ...alsIl2, arms: [] }, 'arms: a protocol needs at least one arm'],
    ['a missing arm list', { ...alsIl2, arms: undefined }, 'arms: is required'],
    ['a negative dose', aeWithFirstStep({ kind: 'days', days: [1, 2, 3, 4, 5], length: 7, dose: { amount: -1.5, unit: 'MIU' } }), `${STEP0}.dose.amount: dose must not be negative`],
    [
      'an unknown unit',
      aeWithFirstStep({ kind: 'days', days: [1, 2, 3, 4, 5], length: 7, dose: { amount: 1.5, unit: 'mcg' as 'MIU' } }),
      `${STEP0}.dose.unit: unit must be one of MIU, MIU/m2, mg, mg/kg, IU`,
    ],
    [
      'a block day past the block (it would overlap the next step)',
      aeWithFirstStep({ kind: 'days', days: [1, 2, 3, 4, 8], length: 7, dose: { amount: 1.5, unit: 'MIU' } }),
      `${STEP0}.days[4]: day 8 lies beyond the block's length of 7 days and would overlap the next step`,
    ],
    [
      'a block day listed twice',
      aeWithFirstStep({ kind: 'days', days: [1, 2, 2], length: 7, dose: { amount: 1.5, unit: 'MIU' } }),
      `${STEP0}.days[2]: day 2 is listed twice, which would give two overlapping doses`,
    ],
    ['a visit after the end of the study', { ...alsIl2, design: { ...alsIl2.design, durationDays: 300 } }, 'visits[2].day: visit "week-48" on day 337 is outside the study, which ends on day 300'],
    ['a visit on day 0', { ...alsIl2, outcomes: [], visits: [{ id: 'day-0', name: 'Day 0', day: 0 }] }, 'visits[0].day: there is no study day 0: day 1 is the start date and day -1 the day before'],
    [
      'an outcome assessed at a visit the protocol does not have',
      { ...alsIl2, outcomes: [{ ...alsIl2.outcomes.find((o) => o.id === 'nfl')!, visits: ['week-52'] }] },
      'outcomes[0].visits[0]: visit "week-52" is not one of the protocol\'s visits',
    ],
    ['a randomized protocol with one arm', { ...sleIl2, arms: sleIl2.arms.slice(0, 1) }, 'arms: a randomized protocol needs at least two arms'],
  ])('rejects %s with one sentence naming the field', (_, input, message) => {
    expect(() => parseProtocol(input)).toThrow(expect.objectContaining({ code: 'PROTOCOL_INVALID_PROTOCOL', status: 422, message }));
  });

  it('counts the further problems in its sentence', () => {
    // Three problems: the empty title, the empty arm list and the week-48 visit (day 337) past day 300.
    const input = { ...alsIl2, arms: [], design: { ...alsIl2.design, durationDays: 300 }, title: '' };
    expect(() => parseProtocol(input)).toThrow('title: Too small: expected string to have >=1 characters (and 2 more problems)');
  });
});

describe('protocolIssues', () => {
  it('lists every problem with its path', () => {
    const arm = alsIl2.arms[0]!;
    const intervention = arm.interventions[0]!;
    const input = {
      ...alsIl2,
      title: undefined,
      arms: [{ ...arm, interventions: [{ ...intervention, route: 'ip', regimen: { ...intervention.regimen, steps: [{ kind: 'rest', days: 14 }] } }] }],
    };
    expect(protocolIssues(input)).toEqual([
      { path: 'title', message: 'is required' },
      { path: 'arms[0].interventions[0].route', message: 'Invalid option: expected one of "subcutaneous"|"intravenous"|"oral"|"intramuscular"' },
      { path: 'arms[0].interventions[0].regimen.steps', message: 'a regimen needs at least one dosing step (every or days)' },
    ]);
  });

  it('is empty for a valid protocol', () => {
    expect(protocolIssues(sleIl2)).toEqual([]);
  });
});
