import type { InstrumentDefinition } from '../../src/instruments/scores/instrument.js';

/**
 * Turns what was typed into item values: an empty box is no value; a number is a number; anything
 * else is kept as typed so the instrument's own validation reports it ("must be a number").
 * A decimal comma is read as a point (several sites write 1,5).
 */
export function itemValuesFromText(texts: Readonly<Record<string, string>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [id, raw] of Object.entries(texts)) {
    const text = raw.trim();
    if (text === '') continue;
    const normal = text.replace(',', '.');
    const n = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal) : NaN;
    values[id] = Number.isFinite(n) ? n : text;
  }
  return values;
}

/** Items whose saved value differs from the one now entered, described for the reason-for-change dialog. */
export function changedItems(def: InstrumentDefinition, saved: Readonly<Record<string, number>>, now: Readonly<Record<string, unknown>>): string[] {
  return def.items.filter((item) => saved[item.id] !== now[item.id]).map((item) => `${item.label}: ${saved[item.id] ?? 'empty'} → ${now[item.id] === undefined ? 'empty' : String(now[item.id])}`);
}
