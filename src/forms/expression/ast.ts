/**
 * The syntax tree of a form expression (calculated items, scores, branching). Item references are
 * written in brackets as in a REDCap data dictionary: `[speech]`, a checkbox option `[symptoms(2)]`.
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'ref'; readonly item: string; readonly code?: string }
  | { readonly kind: 'neg'; readonly operand: Expr }
  | { readonly kind: 'not'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] };

/**
 * A value during evaluation. `null` is missing: an item with no value, a hidden item, a division by
 * zero, a lookup with no row. Booleans count as 1 and 0 in arithmetic.
 */
export type Value = number | string | boolean | null;

/** Every item reference in an expression, in source order (with the option code for `[item(code)]`). */
export function references(e: Expr): { item: string; code?: string }[] {
  switch (e.kind) {
    case 'ref':
      return [e.code === undefined ? { item: e.item } : { item: e.item, code: e.code }];
    case 'neg':
    case 'not':
      return references(e.operand);
    case 'binary':
      return [...references(e.left), ...references(e.right)];
    case 'call':
      return e.args.flatMap(references);
    default:
      return [];
  }
}

/** Names of the lookup tables an expression reads (`lookup('table', x)`). */
export function lookupTables(e: Expr): string[] {
  switch (e.kind) {
    case 'neg':
    case 'not':
      return lookupTables(e.operand);
    case 'binary':
      return [...lookupTables(e.left), ...lookupTables(e.right)];
    case 'call': {
      const [first] = e.args;
      const own = e.name === 'lookup' && first?.kind === 'string' ? [first.value] : [];
      return [...own, ...e.args.flatMap(lookupTables)];
    }
    default:
      return [];
  }
}
