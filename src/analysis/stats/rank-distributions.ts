/**
 * Exact null distributions of the Wilcoxon statistics, with R's conventions for p and q
 * (nmath/wilcox.c, nmath/signrank.c): counts are enumerated, not approximated.
 */

/** Counts of the rank-sum statistic W = Σ ranks(x) − m(m+1)/2 for group sizes m and n, index w. */
export function rankSumCounts(m: number, n: number): number[] {
  // Subsets of size k = min(m, n) of {1..m+n} by sum: dp[j][s], adding one element at a time.
  const k = Math.min(m, n);
  const total = m + n;
  const maxSum = k * total;
  const dp: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(maxSum + 1).fill(0));
  dp[0]![0] = 1;
  for (let e = 1; e <= total; e++) {
    for (let j = Math.min(e, k); j >= 1; j--) {
      const row = dp[j]!;
      const prev = dp[j - 1]!;
      for (let s = maxSum; s >= e; s--) row[s]! += prev[s - e]!;
    }
  }
  const offset = (k * (k + 1)) / 2;
  return dp[k]!.slice(offset, offset + m * n + 1);
}

/** Counts of the signed-rank statistic V (sum of ranks of positive values) for n values, index v. */
export function signedRankCounts(n: number): number[] {
  const maxSum = (n * (n + 1)) / 2;
  const dp = new Array<number>(maxSum + 1).fill(0);
  dp[0] = 1;
  for (let e = 1; e <= n; e++) for (let s = maxSum; s >= e; s--) dp[s]! += dp[s - e]!;
  return dp;
}

/** An exact discrete distribution on 0..max given by counts. */
export interface CountDistribution {
  readonly counts: readonly number[];
  readonly total: number;
}

export function countDistribution(counts: readonly number[]): CountDistribution {
  return { counts, total: counts.reduce((a, b) => a + b, 0) };
}

/** P(S ≤ q) (or P(S > q)), summing the shorter side as R does. */
export function pCount(d: CountDistribution, q: number, lowerTail = true): number {
  const max = d.counts.length - 1;
  let x = Math.floor(q + 1e-7);
  if (x < 0) return lowerTail ? 0 : 1;
  if (x >= max) return lowerTail ? 1 : 0;
  let lower = lowerTail;
  let p = 0;
  if (x <= max / 2) {
    for (let i = 0; i <= x; i++) p += d.counts[i]! / d.total;
  } else {
    x = max - x;
    for (let i = 0; i < x; i++) p += d.counts[i]! / d.total;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

/** Smallest q with P(S ≤ q) ≥ p, with R's 10·eps fuzz. */
export function qCount(d: CountDistribution, p: number): number {
  const max = d.counts.length - 1;
  let cum = 0;
  let q = 0;
  if (p <= 0.5) {
    const x = p - 10 * Number.EPSILON;
    for (;;) {
      cum += d.counts[q]! / d.total;
      if (cum >= x) return q;
      q++;
    }
  }
  const x = 1 - p + 10 * Number.EPSILON;
  for (;;) {
    cum += d.counts[q]! / d.total;
    if (cum > x) return max - q;
    q++;
  }
}
