import type { FormDefinition, Group, Item } from './form-schema.js';

/** An item where it sits: in the form itself (perhaps in a plain section), or in a repeating group's rows. */
export interface PlacedItem {
  readonly item: Item;
  /** The enclosing group, plain or repeating. */
  readonly group?: Group;
  /** Path of the item in the definition, for messages about the definition. */
  readonly path: readonly (string | number)[];
}

/** The items whose values are the form's own (outside repeating groups), in form order. */
export function formLevelItems(form: Pick<FormDefinition, 'items'>): PlacedItem[] {
  return form.items.flatMap((entry, i): PlacedItem[] => {
    if (entry.type !== 'group') return [{ item: entry, path: ['items', i] }];
    if (entry.repeating) return [];
    return entry.items.map((item, j) => ({ item, group: entry, path: ['items', i, 'items', j] }));
  });
}

/** The repeating groups with their place in the definition. */
export function repeatingGroups(form: Pick<FormDefinition, 'items'>): { group: Group; path: (string | number)[] }[] {
  return form.items.flatMap((entry, i) => (entry.type === 'group' && entry.repeating ? [{ group: entry, path: ['items', i] }] : []));
}

/** Every item of the form, inside repeating groups too. */
export function allItems(form: Pick<FormDefinition, 'items'>): Item[] {
  return form.items.flatMap((e) => (e.type === 'group' ? e.items : [e]));
}
