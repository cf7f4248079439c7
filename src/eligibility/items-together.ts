import { allOf, anyOf } from './combine.js';
import type { Criterion, Expr } from './expression.js';
import { settleNegatedExclusions } from './negated-exclusion.js';
import { parseCriterionLine } from './parse-line.js';

/**
 * How the items of one list combine, as the line over them (or the "or" between them) says:
 * - `any`, `exact`: alternatives ("any of the following", items joined by "or" across lines);
 * - `any`, not exact: the items may be alternatives or may all be required ("Persons with" over "- stroke",
 *   "- multiple sclerosis"); either way one of them holds, so "any" is necessary but not enough;
 * - `all`: each must hold ("… all of the following" in an exclusion);
 * - `at-least`: a count ("≥2 of the following risk factors").
 */
export type ItemsCombine = { readonly kind: 'any' | 'all'; readonly exact: boolean } | { readonly kind: 'at-least'; readonly count: number; readonly of?: number };

export interface ItemList {
  /** The criteria of the list, in record order. */
  readonly ids: readonly string[];
  readonly combine: ItemsCombine;
  /** The line over the items, or the "or" that joins them, for the reason. */
  readonly joinedBy: string;
}

// A line that says only "OR" between two alternatives is no item of its own.
const BARE_JOINER = /^\s*(?:or|and\/or)\s*[,;.]?\s*$/i;
// "≥2 of 8" has 28 pairs; a larger count of combinations is left to a person rather than written out.
const MAX_COMBINATIONS = 64;

function combinations<T>(of: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (of.length < k) return [];
  const [first, ...rest] = of;
  return [...combinations(rest, k - 1).map((c) => [first!, ...c]), ...combinations(rest, k)];
}

/**
 * The expression of a list's items read together, or undefined when it cannot be written. In three-valued
 * logic "at least k of n" is the alternatives of every k items all holding: it is met when k items are met,
 * not met when fewer than k could be, and unknown between.
 */
function together(items: readonly Expr[], combine: ItemsCombine): Expr | undefined {
  if (combine.kind !== 'at-least') return combine.kind === 'any' ? anyOf(items) : allOf(items);
  // "≥2 of 6 signs" over another number of lines: some items are elsewhere, or the lines are not the items.
  if (combine.of !== undefined && combine.of !== items.length) return undefined;
  const sets = combinations(items, combine.count);
  return sets.length === 0 || sets.length > MAX_COMBINATIONS ? undefined : anyOf(sets.map(allOf));
}

/**
 * Lines of one list that no line reads alone ("- diabetes mellitus" under "≥2 of the following risk
 * factors:") read together: each line of the list carries the list's expression, which is met exactly
 * when the list is, so the section's criteria (each required) still mean what the record says. Each item
 * is read as a line of its own side; an item no rule reads stays an attested part. Where the list may be
 * all required instead (`exact: false`), each line is the alternatives and its own text, attested.
 */
export function readItemsTogether(criteria: readonly Criterion[], lists: readonly ItemList[]): Criterion[] {
  const byId = new Map<string, Criterion>();
  for (const { ids, combine, joinedBy } of lists) {
    const members = criteria.filter((c) => ids.includes(c.id));
    const items = members
      .filter((c) => !BARE_JOINER.test(c.text))
      .map((c) => {
        const alone = parseCriterionLine(c.id, c.side, c.text);
        return c.side === 'exclusion' ? settleNegatedExclusions([alone])[0]! : alone;
      });
    if (items.length < 2 || items.every((i) => i.computability === 'attested')) continue;
    const expr = together(
      items.map((i) => i.expr),
      combine,
    );
    if (expr === undefined) continue;
    const unread = items.filter((i) => i.computability !== 'computable').map((i) => `"${i.text}": ${i.notComputable}`);
    const exact = combine.kind === 'at-least' || combine.exact;
    for (const c of members) {
      const reasons = [...(exact ? [`it is read with the other items ${joinedBy}`] : [`${c.notComputable}: only that one of them holds is read`]), ...unread];
      byId.set(c.id, {
        id: c.id,
        side: c.side,
        text: c.text,
        computability: exact && unread.length === 0 ? 'computable' : 'partly-computable',
        expr: exact ? expr : allOf([expr, { kind: 'attested', text: c.text }]),
        ...(exact && unread.length === 0 ? {} : { notComputable: reasons.join('; ') }),
        flags: c.flags,
      });
    }
  }
  return criteria.map((c) => byId.get(c.id) ?? c);
}
