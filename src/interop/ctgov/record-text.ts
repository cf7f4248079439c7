/**
 * Record text as written, without the Markdown escapes the API v2 puts in markup fields
 * (eligibilityCriteria, descriptions: `\>=`, `\<`, `\[Eichenfeld 2004\]`).
 */
export const unescapeMarkup = (text: string): string => text.replace(/\\([\\`*_{}[\]()#+\-.!<>~|=^])/g, '$1');

/** An id from a label: lower-case letters, digits and hyphens ("Dupilumab 300 mg qw" → dupilumab-300-mg-qw), at most 60 characters, cut between words. */
export function slugOf(label: string, fallback: string): string {
  const s = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s === '') return fallback;
  if (s.length <= 60) return s;
  const lastBreak = s.lastIndexOf('-', 60);
  return lastBreak > 0 ? s.slice(0, lastBreak) : s.slice(0, 60);
}

/** `base`, then `base-2`, `base-3`, … for ids already taken. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
