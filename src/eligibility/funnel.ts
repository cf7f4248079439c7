import type { EligibilityStatus } from './evaluate.js';
import type { Criterion } from './expression.js';

export interface FunnelStep {
  readonly id: string;
  readonly text: string;
  /** Patients this criterion removes among those that passed every earlier one. */
  readonly removed: number;
  readonly remaining: number;
}

export interface Funnel {
  readonly screened: number;
  readonly badRows: number;
  readonly steps: readonly FunnelStep[];
  readonly eligible: number;
  readonly incomplete: number;
  readonly ineligible: number;
}

/**
 * The screening funnel as rows arrive: each screened patient counts once, against the first
 * criterion in protocol order that excludes them; bad rows are counted apart. Both bulk paths (the
 * CSV and the database table) keep their funnel here, so that they report it the same way.
 */
export class FunnelCounter {
  private readonly removed: number[];
  private readonly counts = { screened: 0, badRows: 0, eligible: 0, incomplete: 0, ineligible: 0 };

  constructor(private readonly criteria: readonly Criterion[]) {
    this.removed = new Array<number>(criteria.length).fill(0);
  }

  /** A screened patient; `firstFail` is the index of the first excluding criterion, or -1. */
  add(status: EligibilityStatus, firstFail: number): void {
    this.addMany(status, firstFail, 1);
  }

  /** `times` screened patients alike: the same status and the same first excluding criterion. */
  addMany(status: EligibilityStatus, firstFail: number, times: number): void {
    this.counts.screened += times;
    this.counts[status] += times;
    if (firstFail >= 0) this.removed[firstFail]! += times;
  }

  badRow(): void {
    this.counts.badRows += 1;
  }

  /** Another part of the same file's funnel (the same criteria), screened apart. */
  addFunnel(part: Funnel): void {
    for (const k of ['screened', 'badRows', 'eligible', 'incomplete', 'ineligible'] as const) this.counts[k] += part[k];
    part.steps.forEach((s, k) => (this.removed[k]! += s.removed));
  }

  funnel(): Funnel {
    let remaining = this.counts.screened;
    const steps = this.criteria.map((c, k) => {
      remaining -= this.removed[k]!;
      return { id: c.id, text: c.text, removed: this.removed[k]!, remaining };
    });
    return { ...this.counts, steps };
  }
}
