import type { CalendarDose } from './api.js';
import { doseState } from './dose-state.js';

/** A run of held dosing days with one reason: what the "Held doses" list shows on one line. */
export interface HeldRun {
  readonly firstDay: number;
  readonly lastDay: number;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly reason: string;
}

type Dose = Pick<CalendarDose, 'day' | 'date' | 'status' | 'recorded' | 'reason'>;

/**
 * Held doses grouped into one entry per hold: consecutive dosing days (no dose given or due between
 * them) held for the same reason. One low lymphocyte count that holds 40 doses is one line, not 40.
 */
export function heldRuns(doses: readonly Dose[], today: string): readonly HeldRun[] {
  const runs: HeldRun[] = [];
  let open: HeldRun | undefined;
  for (const d of [...doses].sort((a, b) => a.day - b.day)) {
    if (doseState(d, today) !== 'held') {
      open = undefined;
      continue;
    }
    const reason = d.recorded?.reason ?? d.reason ?? 'no reason given';
    if (open && open.reason === reason) {
      open = { ...open, lastDay: d.day, to: d.date, count: open.count + 1 };
      runs[runs.length - 1] = open;
    } else {
      open = { firstDay: d.day, lastDay: d.day, from: d.date, to: d.date, count: 1, reason };
      runs.push(open);
    }
  }
  return runs;
}

/** `Days 3–81 (2025-05-07 to 2025-07-27): 40 doses held, lymphocytes below 500 /mm3` */
export function heldRunText(r: HeldRun): string {
  if (r.count === 1) return `Day ${r.firstDay} (${r.from}): 1 dose held, ${r.reason}`;
  return `Days ${r.firstDay}–${r.lastDay} (${r.from} to ${r.to}): ${r.count} doses held, ${r.reason}`;
}
