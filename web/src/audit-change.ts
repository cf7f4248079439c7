import type { AuditEntry } from './api.js';

type Change = AuditEntry['changes'][number];

/** A stored value in words: empty for null, text as it is, anything else as JSON. */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * One field's change as the review page lists it: an inserted row's values as set ("status: screening"),
 * otherwise what it was and what it became ("status: eligible → consented").
 */
export function changeText(change: Change, action: AuditEntry['action']): string {
  if (action === 'insert') return `${change.field}: ${valueText(change.new)}`;
  return `${change.field}: ${valueText(change.old)} → ${valueText(change.new)}`;
}
