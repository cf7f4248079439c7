import type { Column } from './design.js';

/**
 * Denominator degrees of freedom of the fixed effects in a one-level mixed model, by the rule of
 * nlme's getFixDF (Pinheiro & Bates 2000, §2.4.2): a column that varies within at least one
 * participant is estimated "within" and gets N − m − (number of within columns); a column constant
 * within every participant is "between" and gets m − 1 − (number of between columns), where m is
 * the number of participants and the 1 is the intercept; the intercept gets the larger of the two.
 */
export function nlmeFixedDf(columns: readonly Column[], groupOf: readonly number[], nGroups: number): number[] {
  const n = groupOf.length;
  const isIntercept = columns.map((c) => c.values.every((v) => v === c.values[0]));
  const isWithin = columns.map((c) => {
    const first = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const g = groupOf[i]!;
      const seen = first.get(g);
      if (seen === undefined) first.set(g, c.values[i]!);
      else if (seen !== c.values[i]) return true;
    }
    return false;
  });
  const nWithin = columns.filter((_, j) => !isIntercept[j] && isWithin[j]).length;
  const nBetween = columns.filter((_, j) => !isIntercept[j] && !isWithin[j]).length;
  const hasIntercept = isIntercept.some(Boolean);
  const between = nGroups - nBetween - (hasIntercept ? 1 : 0);
  const within = n - nGroups - nWithin + (hasIntercept ? 0 : 1);
  return columns.map((_, j) => (isIntercept[j] ? Math.max(between, within) : isWithin[j] ? within : between));
}
