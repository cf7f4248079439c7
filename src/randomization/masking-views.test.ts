import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParticipantCalendar } from '../dosing/participant-calendar.js';
import { buildCalendar } from '../protocol/calendar/build-calendar.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Protocol } from '../protocol/schema.js';
import { studyProtocol } from '../use-cases/studies/study-protocol.js';
import { armTerms, BLINDED_LABEL, dosesDifferBetweenArms, maskCalendar, maskProtocol } from './masking-views.js';

const sle = getBuiltinProtocol('sle-il2');
const als = getBuiltinProtocol('als-il2');
// Placebo (matching, dosed 0), 0.33, 1 and 3 MIU a day for 5 days.
const doseFinding = studyProtocol(JSON.parse(readFileSync(new URL('../../examples/df-il2.json', import.meta.url), 'utf8')));

const calendar = (p: Protocol, armId: string): ParticipantCalendar => {
  const c = buildCalendar(p, armId, '2025-05-05');
  return { ...c, startDate: '2025-05-05', doses: c.doses.map((d) => ({ ...d, recorded: null })) };
};

describe('doses that tell the arms apart', () => {
  it('finds none in SLE (placebo on the active schedule at the same nominal 1 MIU) nor in a single-arm study', () => {
    expect(dosesDifferBetweenArms(sle)).toBe(false);
    expect(dosesDifferBetweenArms(als)).toBe(false);
  });
  it('finds them in a dose-finding trial', () => {
    expect(dosesDifferBetweenArms(doseFinding)).toBe(true);
  });
});

describe('the blinded calendar', () => {
  it('shows the days and "study drug" in every arm of the dose-finding trial, and no amount, unit or total', () => {
    const views = doseFinding.arms.map((a) => maskCalendar(calendar(doseFinding, a.id), doseFinding));
    // 5 daily doses from day 1 (df-il2.json), the same in all four arms once masked.
    expect(views[0]!.doses.map((d) => d.day)).toEqual([1, 2, 3, 4, 5]);
    for (const v of views) expect(v).toEqual(views[0]);
    expect(views[0]!.doses[0]).toEqual({ day: 1, date: '2025-05-05', cycle: 1, status: 'due', intervention: BLINDED_LABEL, recorded: null });
    expect(JSON.stringify(views[0])).not.toMatch(/armId|totalDose|"dose"|"unit"|0\.33|MIU/);
  });
  it('keeps the 1 MIU of SLE, which both arms give', () => {
    const active = maskCalendar(calendar(sle, 'active'), sle);
    expect(active).toEqual(maskCalendar(calendar(sle, 'placebo'), sle));
    expect(active.doses[0]).toMatchObject({ day: 1, dose: 1, unit: 'MIU', intervention: BLINDED_LABEL });
    expect(active).not.toHaveProperty('armId');
  });
});

describe('the blinded protocol', () => {
  it('keeps the ratios and the scheme, and drops the block sizes and the notes about the arms', () => {
    const m = maskProtocol(sle);
    expect(m.arms).toEqual([{ ratio: 1 }, { ratio: 1 }]);
    expect(m.design.randomization).toEqual({ scheme: 'permuted-blocks', strata: ['site'], levels: {} });
    expect(sle.design.randomization).toMatchObject({ blockSizes: [2, 4] });
    const terms = armTerms(sle);
    expect([...terms].sort()).toEqual(['active', 'hrIL-2 active', 'hrIL-2 placebo', 'hril2-active', 'hril2-placebo', 'placebo']);
    expect(m.notes.length).toBeLessThan(sle.notes.length);
    expect(JSON.stringify(m.notes)).not.toMatch(/placebo|hrIL-2 active/i);
    expect(JSON.stringify(maskProtocol(doseFinding))).not.toMatch(/blockSizes|0\.33|Aldesleukin|"il2-3"/);
  });
});
