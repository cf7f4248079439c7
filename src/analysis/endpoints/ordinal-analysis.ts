import { binomialTest } from '../stats/binomial-test.js';
import { signedRankTest } from '../stats/signed-rank.js';
import { attempt, type EndpointTest } from './endpoint-test.js';

export interface OrdinalPair {
  readonly id: string;
  readonly baseline: number;
  /** The value at the last visit; null when it is missing. */
  readonly value: number | null;
}

/**
 * A single-arm ordinal outcome (the modified Rankin Scale, 0–6) analysed by ranks and counts, never by
 * means: the Wilcoxon signed-rank test on the participants with both visits; the shift table of
 * baseline grade by final grade; and the proportion improved by at least one grade over every
 * participant with a baseline (missing final value = not improved), with its exact Clopper–Pearson interval.
 */
export function ordinalTests(pairs: readonly OrdinalPair[]): EndpointTest[] {
  const complete = pairs.flatMap((p) => (p.value === null ? [] : [{ ...p, value: p.value }]));
  const counts = new Map<string, number>();
  for (const p of complete) counts.set(`${p.baseline}|${p.value}`, (counts.get(`${p.baseline}|${p.value}`) ?? 0) + 1);
  const shift = [...counts]
    .map(([k, n]) => {
      const [from, to] = k.split('|').map(Number) as [number, number];
      return { from, to, n };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const improved = complete.filter((p) => p.baseline - p.value >= 1).length;
  return [
    attempt('signed-rank', () => ({
      kind: 'signed-rank',
      result: signedRankTest(
        complete.map((p) => p.value),
        complete.map((p) => p.baseline),
      ),
    })),
    { kind: 'shift', n: complete.length, missing: pairs.length - complete.length, table: shift },
    attempt('proportion-improved', () => ({ kind: 'proportion-improved', improved, n: pairs.length, missing: pairs.length - complete.length, result: binomialTest(improved, pairs.length) })),
  ];
}
