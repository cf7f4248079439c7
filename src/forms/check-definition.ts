import { AppError } from '../errors/app-error.js';
import { lookupTables, references, type Expr } from './expression/ast.js';
import { parseExpression } from './expression/parse.js';
import { formLevelItems, repeatingGroups, type PlacedItem } from './form-items.js';
import type { FormDefinition } from './form-schema.js';

export interface DefinitionIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * What zod cannot see in one field: ids used twice, expressions that do not parse or name an item
 * out of reach, lookup tables that do not exist, calculations and branching that depend on
 * themselves, scoring that names no calculated item.
 */
export function checkDefinition(form: FormDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  const seen = new Set<string>();
  form.items.forEach((entry, i) => {
    const ids: [string, (string | number)[]][] =
      entry.type === 'group'
        ? [[entry.id, ['items', i, 'id']], ...entry.items.map((it, j): [string, (string | number)[]] => [it.id, ['items', i, 'items', j, 'id']])]
        : [[entry.id, ['items', i, 'id']]];
    for (const [id, path] of ids) {
      if (seen.has(id)) add(path, `item id "${id}" is used twice`);
      seen.add(id);
    }
    if (entry.type === 'group' && entry.minRows !== undefined && entry.maxRows !== undefined && entry.minRows > entry.maxRows)
      add(['items', i, 'minRows'], `group "${entry.id}" needs minRows (${entry.minRows}) at most maxRows (${entry.maxRows})`);
  });
  const tables = new Set<string>();
  form.lookups.forEach((t, i) => {
    if (tables.has(t.id)) add(['lookups', i, 'id'], `lookup table id "${t.id}" is used twice`);
    tables.add(t.id);
  });

  const formItems = formLevelItems(form);
  const byId = new Map(formItems.map((p) => [p.item.id, p]));
  const deps = new Map<string, string[]>();

  /** Check one expression; the item ids it reads. */
  const checkExpr = (source: string, path: (string | number)[], scope: ReadonlyMap<string, PlacedItem>): string[] => {
    let ast: Expr;
    try {
      ast = parseExpression(source);
    } catch (e) {
      add(path, e instanceof AppError ? e.message : String(e));
      return [];
    }
    const read: string[] = [];
    for (const ref of references(ast)) {
      const target = scope.get(ref.item)?.item;
      if (!target) add(path, `[${ref.item}] is not an item this expression can read (an item of the form, or of the same repeating row)`);
      else if (target.type === 'multiple-choice' && ref.code === undefined) add(path, `[${ref.item}] is a multiple choice: read one option as [${ref.item}(code)]`);
      else if (ref.code !== undefined && target.type !== 'multiple-choice') add(path, `[${ref.item}(${ref.code})] names an option, but "${ref.item}" is not a multiple choice`);
      else if (ref.code !== undefined && target.type === 'multiple-choice' && !target.choices.some((c) => String(c.code) === ref.code))
        add(path, `[${ref.item}(${ref.code})]: "${ref.code}" is not one of the item's codes`);
      else read.push(ref.item);
    }
    for (const t of lookupTables(ast)) if (!tables.has(t)) add(path, `lookup table "${t}" is not one of the form's lookups`);
    return read;
  };
  const dependsOn = (id: string, read: readonly string[]) => deps.set(id, [...(deps.get(id) ?? []), ...read]);
  // A group's condition is checked once, and each of its items depends on what it reads.
  form.items.forEach((entry, i) => {
    if (entry.type !== 'group' || !entry.showIf) return;
    const read = checkExpr(entry.showIf, ['items', i, 'showIf'], byId);
    for (const item of entry.items) dependsOn(item.id, read);
  });
  const checkItem = (p: PlacedItem, scope: ReadonlyMap<string, PlacedItem>) => {
    const { item } = p;
    if (item.showIf) dependsOn(item.id, checkExpr(item.showIf, [...p.path, 'showIf'], scope));
    if (item.type === 'calculated') dependsOn(item.id, checkExpr(item.expression, [...p.path, 'expression'], scope));
    if (item.type === 'single-choice' || item.type === 'multiple-choice') {
      const codes = item.choices.map((c) => String(c.code));
      codes.forEach((c, k) => codes.indexOf(c) !== k && add([...p.path, 'choices', k, 'code'], `choice code "${c}" of item "${item.id}" is used twice`));
    }
  };
  for (const p of formItems) checkItem(p, byId);
  for (const { group, path } of repeatingGroups(form)) {
    const rowItems = group.items.map((item, j): PlacedItem => ({ item, group, path: [...path, 'items', j] }));
    const scope = new Map([...byId, ...rowItems.map((r): [string, PlacedItem] => [r.item.id, r])]);
    for (const r of rowItems) checkItem(r, scope);
  }

  form.checks.forEach((c, k) => {
    checkExpr(c.expression, ['checks', k, 'expression'], byId);
    if (c.item !== undefined && !byId.has(c.item)) add(['checks', k, 'item'], `check "${c.id}" is shown beside "${c.item}", which is not an item of the form`);
  });

  for (const cycle of dependencyCycles(deps)) add(['items'], `items ${cycle.map((c) => `"${c}"`).join(' → ')} depend on each other in a circle (calculations or branching)`);

  if (form.scoring) {
    const calculated = (id: string) => byId.get(id)?.item.type === 'calculated';
    if (!calculated(form.scoring.total)) add(['scoring', 'total'], `scoring total "${form.scoring.total}" is not a calculated item of the form`);
    for (const [name, id] of Object.entries(form.scoring.components))
      if (!calculated(id)) add(['scoring', 'components', name], `scoring component "${name}" names "${id}", which is not a calculated item of the form`);
  }
  return issues;
}

/** Each circle of dependencies once (depth-first search, a circle reported from where it was entered). */
function dependencyCycles(deps: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const visit = (id: string, stack: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      cycles.push([...stack.slice(stack.indexOf(id)), id]);
      return;
    }
    state.set(id, 'open');
    for (const d of deps.get(id) ?? []) visit(d, [...stack, id]);
    state.set(id, 'done');
  };
  for (const id of deps.keys()) visit(id, []);
  return cycles;
}
