import type { VisitRow } from './api.js';

export type VisitWindow = NonNullable<VisitRow['window']>;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * The flag of a visit against its window, as the server computed it (src/instruments/visit-forms/
 * check-visit-date.ts): only an early, late or missing visit has one; a visit in its window or
 * still ahead has none.
 */
export function visitWindowFlag(w: VisitWindow | null | undefined): { readonly kind: 'early' | 'late' | 'missing'; readonly text: string } | null {
  if (!w) return null;
  const off = w.daysFromTarget;
  if (w.status === 'early' && off !== null) return { kind: 'early', text: `Early: ${days(-off)} before the target date ${w.targetDate} (window ${w.earliest} to ${w.latest})` };
  if (w.status === 'late' && off !== null) return { kind: 'late', text: `Late: ${days(off)} after the target date ${w.targetDate} (window ${w.earliest} to ${w.latest})` };
  if (w.status === 'missing') return { kind: 'missing', text: `Missing: nothing saved, and the window closed on ${w.latest}` };
  return null;
}
