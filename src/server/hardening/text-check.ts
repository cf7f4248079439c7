import { AppError } from '../../errors/app-error.js';
import { hardeningErrors } from './errors.js';

/**
 * The first string in a parsed request part that holds a character no field may store: NUL
 * (PostgreSQL text cannot hold it) or a lone UTF-16 surrogate (UTF-8 cannot encode it, so it
 * would be silently stored as U+FFFD). Returns its path, e.g. `items.3.value`, or `undefined`.
 */
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badCharacter(text: string): string | undefined {
  return text.includes('\u0000') ? 'a NUL character' : loneSurrogate.test(text) ? 'a lone UTF-16 surrogate' : undefined;
}

// An explicit stack, not recursion: a body nested thousands deep must get its 400, not overflow.
export function findBadString(value: unknown): { path: string; what: string } | undefined {
  // Each entry links to its parent's path, so a deep body costs memory linear in its size.
  interface Place {
    readonly key: string | number;
    readonly parent: Place | undefined;
  }
  const pathOf = (place: Place | undefined): string => {
    const keys: (string | number)[] = [];
    for (let p = place; p !== undefined; p = p.parent) keys.push(p.key);
    return keys.reverse().join('.');
  };
  const stack: { value: unknown; place: Place | undefined }[] = [{ value, place: undefined }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value === 'string') {
      const what = badCharacter(next.value);
      if (what !== undefined) return { path: pathOf(next.place), what };
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    const entries = [...(Array.isArray(next.value) ? next.value.entries() : Object.entries(next.value))];
    // Pushed in reverse so the first bad field in document order is the one named.
    for (const [key, v] of entries.reverse()) {
      const place = { key, parent: next.place };
      stack.push({ value: v, place });
      // A key is stored as much as a value (JSON objects such as visit items keep their keys).
      if (typeof key === 'string') stack.push({ value: key, place });
    }
  }
  return undefined;
}

/** Refuse a request whose body, query or path holds such a string, with a 400 naming the field. */
export function refuseBadStrings(parts: { body: unknown; query: unknown; params: unknown }): void {
  for (const where of ['body', 'query', 'params'] as const) {
    const bad = findBadString(parts[where]);
    if (!bad) continue;
    const field = bad.path === '' ? `The request ${where}` : `Field "${bad.path}" of the request ${where}`;
    throw new AppError(hardeningErrors.INVALID_CHARACTER, `${field} holds ${bad.what}, which cannot be stored.`, bad.path);
  }
}
