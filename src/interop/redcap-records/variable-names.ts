import { lex } from '../../forms/expression/lex.js';

/**
 * A REDCap variable name for a form's item: `<form>_<item>`, lower-case letters, digits and
 * underscores, starting with a letter (redcap-format.md §1, column A). The form's name leads, so items
 * of the same id in two forms (`q1` of ROADS and of ALSAQ-40) stay two fields of one project.
 */
export function variableName(formId: string, itemId: string): string {
  const name = `${formId}_${itemId}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return /^[a-z]/.test(name) ? name : `f_${name}`;
}

/** An expression with every item reference `[id]` (or `[id(code)]`) renamed; text in quotes is left alone. */
export function renameReferences(source: string, rename: (itemId: string) => string): string {
  let out = '';
  let from = 0;
  for (const t of lex(source)) {
    if (t.kind !== 'ref') continue;
    const end = source.indexOf(']', t.at);
    out += `${source.slice(from, t.at)}[${rename(t.item)}${t.code === undefined ? '' : `(${t.code})`}]`;
    from = end + 1;
  }
  return out + source.slice(from);
}
