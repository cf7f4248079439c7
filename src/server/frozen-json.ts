/**
 * JSON text of a value, as JSON.stringify writes it, with the text of every deeply frozen plain
 * object or array in it kept (a weak map, so entries go with their values): a frozen value cannot
 * have changed since, so a cached dashboard's items, shared by the dashboards built after it, are
 * written once. Anything else (not frozen, not plain, with a toJSON) is left to JSON.stringify.
 */
const texts = new WeakMap<object, string>();

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null || Array.isArray(value)) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Set by `write`: whether every object in the value it just wrote was frozen and plain. */
let deep = true;

/** The text, or undefined where JSON.stringify writes nothing (undefined, a function, a symbol). */
function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (!Object.isFrozen(value) || !isPlain(value)) {
    deep = false;
    return JSON.stringify(value);
  }
  const known = texts.get(value);
  if (known !== undefined) return known;
  const outer = deep;
  deep = true;
  let text: string;
  if (Array.isArray(value)) text = `[${value.map((v) => write(v) ?? 'null').join(',')}]`;
  else {
    const fields: string[] = [];
    for (const k of Object.keys(value)) {
      const v = write((value as Record<string, unknown>)[k]);
      if (v !== undefined) fields.push(`${JSON.stringify(k)}:${v}`);
    }
    text = `{${fields.join(',')}}`;
  }
  // Kept only when nothing inside can change either.
  if (deep) texts.set(value, text);
  deep &&= outer;
  return text;
}

/** JSON.stringify(value), reusing the text of its frozen parts. */
export function frozenJson(value: unknown): string {
  return write(value) as string;
}
