import { AppError } from '../../errors/app-error.js';

/**
 * The first string in a parsed request part that holds a character no field may store: NUL
 * (PostgreSQL text cannot hold it) or a lone UTF-16 surrogate (UTF-8 cannot encode it, so it
 * would be silently stored as U+FFFD). Returns its path, e.g. `items.3.value`, or `undefined`.
 */
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function findBadString(value: unknown, path: readonly (string | number)[] = []): { path: string; what: string } | undefined {
  if (typeof value === 'string') {
    const what = value.includes('\u0000') ? 'a NUL character' : loneSurrogate.test(value) ? 'a lone UTF-16 surrogate' : undefined;
    return what === undefined ? undefined : { path: path.join('.'), what };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    // A key is stored as much as a value (JSON objects such as visit items keep their keys).
    const inKey = findBadString(key, [...path, key]);
    if (inKey) return inKey;
    const inValue = findBadString(v, [...path, key]);
    if (inValue) return inValue;
  }
  return undefined;
}

/** Refuse a request whose body, query or path holds such a string, with a 400 naming the field. */
export function refuseBadStrings(parts: { body: unknown; query: unknown; params: unknown }): void {
  for (const where of ['body', 'query', 'params'] as const) {
    const bad = findBadString(parts[where]);
    if (!bad) continue;
    const field = bad.path === '' ? `The request ${where}` : `Field "${bad.path}" of the request ${where}`;
    throw new AppError('InvalidCharacter', `${field} holds ${bad.what}, which cannot be stored.`, 400, bad.path);
  }
}
