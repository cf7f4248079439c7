import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alsIl2 } from '../../protocol/builtin/als-il2.js';
import { cli } from './run-cli.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-calendar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('il2trials calendar', () => {
  it('--json gives doses, visits, total dose and unit', () => {
    const r = cli('calendar', 'sle-il2', '--start', '2024-01-01', '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as {
      doses: Record<string, unknown>[];
      visits: Record<string, unknown>[];
      totalDose: number;
      unit: string;
    };
    // 3 cycles × 7 injections (days 1, 3, …, 13 of each 28-day cycle).
    expect(c.doses).toHaveLength(21);
    expect(c.doses[0]).toMatchObject({ day: 1, date: '2024-01-01', dose: 1, unit: 'MIU', cycle: 1 });
    expect(c.doses[7]).toMatchObject({ day: 29, date: '2024-01-29', dose: 1, unit: 'MIU', cycle: 2 });
    expect(c.visits[0]).toMatchObject({ name: 'Week 0 (baseline)', day: 1, windowBefore: 0, windowAfter: 0, date: '2024-01-01' });
    expect(c.totalDose).toBe(21);
    expect(c.unit).toBe('MIU');
  });

  it('takes a protocol file, an arm, a body surface area and holds', () => {
    const arm = alsIl2.arms[0]!;
    const intervention = arm.interventions[0]!;
    const gvhdLike = {
      ...alsIl2,
      arms: [
        {
          ...arm,
          interventions: [{ ...intervention, regimen: { description: '1 MIU/m2 daily for 3 days', steps: [{ kind: 'every', interval: 1, forDays: 3, dose: { amount: 1, unit: 'MIU/m2' } }] } }],
        },
      ],
    };
    const file = join(dir, 'gvhd.json');
    writeFileSync(file, JSON.stringify(gvhdLike));
    const r = cli('calendar', '--protocol', file, '--arm', 'il2', '--start', '2024-02-28', '--bsa', '1.8', '--hold', '2:rash', '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { doses: { day: number; date: string; dose: number; status: string }[]; totalDose: number };
    // 1 MIU/m2 × 1.8 m2 = 1.8 MIU; day 2 held (skip), so 2 × 1.8 = 3.6 MIU given. 2024-02-29 exists.
    expect(c.doses.map((d) => [d.day, d.date, d.dose, d.status])).toEqual([
      [1, '2024-02-28', 1.8, 'due'],
      [2, '2024-02-29', 1.8, 'held'],
      [3, '2024-03-01', 1.8, 'due'],
    ]);
    expect(c.totalDose).toBe(3.6);
    const noBsa = cli('calendar', '--protocol', file, '--start', '2024-02-28');
    expect(noBsa.code).toBe(1);
    expect(noBsa.stderr).toBe('il2trials: Intervention "il2" is dosed in MIU/m2, so the body surface area in m² (--bsa) must be given as a positive number.\n');
  });

  it('names --start when the date is not real', () => {
    const r = cli('calendar', 'ae-il2', '--start', '2023-02-29');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('il2trials: --start "2023-02-29" is not a real calendar date written YYYY-MM-DD.\n');
  });
});
