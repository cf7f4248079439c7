/**
 * JSON text of an answer, as JSON.stringify writes it; the text of a deeply frozen answer (a cached
 * dashboard, as the masking hook leaves it) is kept in a weak map, so entries go with their answers:
 * it cannot have changed since, so the same answer is written once, however often it is sent.
 */
const texts = new WeakMap<object, string>();

/** Whether the value and everything in it is frozen and plain data (no Date or other class, whose state freezing does not fix). */
function deeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!(proto === Object.prototype || proto === null || Array.isArray(value))) return false;
  for (const v of Object.values(value)) if (!deeplyFrozen(v)) return false;
  return true;
}

/** Frozen answers written once: only one sent a second time is checked (a walk of all of it) and kept. */
const seen = new WeakSet<object>();

/** JSON.stringify(value), written once for a deeply frozen value sent more than once. */
export function frozenJson(value: unknown): string {
  if (value === null || typeof value !== 'object' || !Object.isFrozen(value)) return JSON.stringify(value);
  const known = texts.get(value);
  if (known !== undefined) return known;
  const text = JSON.stringify(value);
  if (!seen.has(value)) seen.add(value);
  else if (deeplyFrozen(value)) texts.set(value, text);
  return text;
}
