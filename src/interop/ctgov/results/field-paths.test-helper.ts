import { readFileSync } from 'node:fs';

/** Every field path of a JSON value, arrays written `[]` (".adverseEventsModule.eventGroups[].id"). */
export function fieldPaths(v: unknown, at = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) fieldPaths(x, `${at}[]`, out);
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.add(`${at}.${k}`);
      fieldPaths(x, `${at}.${k}`, out);
    }
  return out;
}

/** The field paths of the results section of each of the three registry records with posted results. */
export const postedRecordFieldPaths = (): Set<string>[] =>
  ['NCT00763412', 'NCT02210780', 'NCT02552212'].map((n) => fieldPaths(JSON.parse(readFileSync(new URL(`../fixtures/${n}.json`, import.meta.url), 'utf8')).resultsSection));
