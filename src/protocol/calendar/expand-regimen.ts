import type { Dose, RegimenStep } from '../regimen-schema.js';

/** One dose as the regimen schedules it, before holds and dose conversion. */
export interface ScheduledDose {
  /** Study day (day 1 = start date). */
  readonly day: number;
  readonly dose: Dose;
  /** Cycle number, from 1 (see the numbering rule in regimen-schema.ts). */
  readonly cycle: number;
  /** Days between this step's doses (1 for a `days` block): how far `shift-cycle` moves a dose. */
  readonly interval: number;
}

interface Cursor {
  /** Study day before the next step's first day. */
  offset: number;
}

function expandStep(step: RegimenStep, at: Cursor, cycle: number, out: ScheduledDose[]): void {
  switch (step.kind) {
    case 'every':
      for (let d = 1; d <= step.forDays; d += step.interval) {
        out.push({ day: at.offset + d, dose: step.dose, cycle, interval: step.interval });
      }
      at.offset += step.forDays;
      return;
    case 'days':
      for (const d of [...step.days].sort((a, b) => a - b)) out.push({ day: at.offset + d, dose: step.dose, cycle, interval: 1 });
      at.offset += step.length;
      return;
    case 'rest':
      at.offset += step.days;
      return;
    case 'cycle':
      for (let r = 0; r < step.times; r += 1) for (const inner of step.steps) expandStep(inner, at, cycle, out);
      return;
  }
}

/**
 * Lay the steps end to end from study day 1 and list every scheduled dose in day order. Each
 * repetition of a top-level `cycle` is one cycle, and so is each top-level `every` or `days` step.
 */
export function expandRegimen(steps: readonly RegimenStep[]): ScheduledDose[] {
  const at: Cursor = { offset: 0 };
  const out: ScheduledDose[] = [];
  let cycle = 0;
  for (const step of steps) {
    if (step.kind === 'cycle') {
      for (let r = 0; r < step.times; r += 1) {
        cycle += 1;
        for (const inner of step.steps) expandStep(inner, at, cycle, out);
      }
    } else {
      if (step.kind !== 'rest') cycle += 1;
      expandStep(step, at, cycle, out);
    }
  }
  return out;
}
