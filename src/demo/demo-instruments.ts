import { getInstrument, isInstrumentId, type InstrumentDefinition } from '../instruments/index.js';
import type { Visit } from '../protocol/schema.js';

/**
 * Item values of one instrument for a participant as ill as `severity` (0 the best the instrument
 * records, 1 the worst), each item jittered by `jitter()` (−0.5 to 0.5 of one step): every required
 * item, and the first item of each "exactly one of" group (ALSFRS-R 5a, not 5b). Values are always
 * among those the item allows, so the visit form's validation takes them. Pure; the numbers are made up.
 */
export function demoItems(def: InstrumentDefinition, severity: number, jitter: () => number): Record<string, number> {
  const optional = new Set((def.exactlyOneOf ?? []).flatMap((g) => g.slice(1)));
  const worse = (x: number) => (def.total.higherIsWorse ? x : 1 - x);
  const items: Record<string, number> = {};
  for (const item of def.items) {
    if (optional.has(item.id) || (!item.required && !(def.exactlyOneOf ?? []).some((g) => g[0] === item.id))) continue;
    const a = item.allowed;
    if (a.kind === 'choice') {
      const values = a.options.map((o) => o.value).sort((x, y) => x - y);
      const at = Math.round(worse(severity) * (values.length - 1) + jitter());
      items[item.id] = values[Math.min(values.length - 1, Math.max(0, at))]!;
    } else {
      const raw = a.min + worse(severity) * (a.max - a.min) + jitter() * (a.integer ? 1 : (a.max - a.min) / 10);
      const clamped = Math.min(a.max, Math.max(a.min, raw));
      items[item.id] = a.integer ? Math.round(clamped) : Math.round(clamped * 10) / 10;
    }
  }
  return items;
}

/** The items of every scored instrument due at `visit`, instrument id → item values. */
export function demoInstrumentValues(visit: Visit, severity: number, jitter: () => number): Record<string, Record<string, number>> {
  return Object.fromEntries(visit.assessments.filter(isInstrumentId).map((id) => [id, demoItems(getInstrument(id), severity, jitter)]));
}
