import type { Value } from './ast.js';

/** A function of the language: how many arguments it takes, and what it computes on evaluated arguments. */
export interface FormFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Arguments already evaluated (except `if` and `lookup`, which the evaluator handles itself). */
  readonly apply: (args: readonly Value[]) => Value;
}

const asNumber = (v: Value): number | null => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v === null ? null : Number.isFinite(Number(v)) && v !== '' ? Number(v) : null);

/** All numbers, or null when any argument is missing (a score with a missing item is missing, never lower). */
function numbers(args: readonly Value[]): number[] | null {
  const out: number[] = [];
  for (const a of args) {
    const n = asNumber(a);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

const MANY = 1000;

export const formFunctions: Readonly<Record<string, FormFunction>> = {
  sum: { minArgs: 1, maxArgs: MANY, apply: (a) => numbers(a)?.reduce((x, y) => x + y, 0) ?? null },
  mean: {
    minArgs: 1,
    maxArgs: MANY,
    apply: (a) => {
      const n = numbers(a);
      return n ? n.reduce((x, y) => x + y, 0) / n.length : null;
    },
  },
  min: {
    minArgs: 1,
    maxArgs: MANY,
    apply: (a) => {
      const n = numbers(a);
      return n ? Math.min(...n) : null;
    },
  },
  max: {
    minArgs: 1,
    maxArgs: MANY,
    apply: (a) => {
      const n = numbers(a);
      return n ? Math.max(...n) : null;
    },
  },
  abs: {
    minArgs: 1,
    maxArgs: 1,
    apply: (a) => {
      const n = numbers(a);
      return n ? Math.abs(n[0]!) : null;
    },
  },
  /** round(x, digits): half away from zero, digits 0 when left out. */
  round: {
    minArgs: 1,
    maxArgs: 2,
    apply: (a) => {
      const n = numbers(a.length === 1 ? [a[0]!, 0] : a);
      return n ? roundTo(n[0]!, n[1]!) : null;
    },
  },
  /** The first argument that is not missing (ALSFRS-R item 5a or 5b). */
  coalesce: { minArgs: 1, maxArgs: MANY, apply: (a) => a.find((v) => v !== null) ?? null },
  /** True when the argument is missing; never missing itself. */
  missing: { minArgs: 1, maxArgs: 1, apply: (a) => a[0] === null },
  // Handled by the evaluator: `if` evaluates only the branch it takes; `lookup` reads the form's tables.
  if: { minArgs: 3, maxArgs: 3, apply: () => null },
  lookup: { minArgs: 2, maxArgs: 2, apply: () => null },
};

/** x rounded to `digits` decimals, half away from zero; the 1e-9 relative nudge keeps 2.675 → 2.68 despite binary floating point. */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f * (1 + 1e-12)) / f;
  return x < 0 ? -r : r;
}

export { asNumber };
