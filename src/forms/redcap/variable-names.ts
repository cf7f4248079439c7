import { lex } from '../expression/lex.js';

/** An id as REDCap writes variables: lower-case letters, digits and underscores (redcap-format.md §1, column A). */
const asVariable = (itemId: string) => itemId.toLowerCase().replace(/[^a-z0-9_]/g, '_');

/**
 * A REDCap variable name for a form's item: `<form>_<item>`, lower-case letters, digits and
 * underscores, starting with a letter (redcap-format.md §1, column A). The form's name leads, so items
 * of the same id in two forms (`q1` of ROADS and of ALSAQ-40) stay two fields of one project.
 */
export function variableName(formId: string, itemId: string): string {
  const name = asVariable(`${formId}_${itemId}`);
  return /^[a-z]/.test(name) ? name : `f_${name}`;
}

/**
 * For each form, the REDCap variable of each item id: the id in REDCap's letters (`cutting-food` is
 * `cutting_food`) where no other item of the project would share it, otherwise `<form>_<item>`
 * (`q1` of ROADS and of ALSAQ-40 are `roads_q1` and `alsaq_40_q1`). `record_id` is the record's.
 */
export function projectVariables(forms: readonly { readonly id: string; readonly itemIds: readonly string[] }[]): (formId: string, itemId: string) => string {
  const holders = new Map<string, Set<string>>([['record_id', new Set([''])]]);
  for (const f of forms) for (const id of f.itemIds) holders.set(asVariable(id), (holders.get(asVariable(id)) ?? new Set()).add(`${f.id}\u0000${id}`));
  return (formId, itemId) => {
    const name = asVariable(itemId);
    return /^[a-z]/.test(name) && holders.get(name)?.size === 1 ? name : variableName(formId, itemId);
  };
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
