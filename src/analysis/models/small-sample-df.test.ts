import { describe, expect, it } from 'vitest';
import { leastSquares } from './least-squares.js';
import { collectPatterns } from './reml.js';
import { inferenceFor } from './small-sample-df.js';
import { varianceInformation } from './variance-information.js';

// y = β0 + β1 x + ε, ε ~ N(0, σ²): one variance parameter. With Φ = σ²(XᵀX)⁻¹, P₁ = −XᵀX/σ⁴ and
// Q₁₁ = XᵀX/σ⁶ = P₁ΦP₁, so KR's bracket vanishes and Φ_A = Φ; the expected information is
// (n − p)/(2σ⁴), and at the REML estimate σ² = RSS/(n − p) the observed one equals it. Both df are
// then 2 (lᵀΦl)² / ((lᵀΦl)²/σ⁴ · 2σ⁴/(n − p)) = n − p: for least squares (the ANCOVA) KR and
// Satterthwaite are the residual df.
const x = [1, 2, 3, 4, 5, 6, 7];
const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8];
const n = x.length;
const design = Float64Array.from(x.flatMap((v) => [1, v]));
const ls = leastSquares(design, 2, Float64Array.from(y));
const sigma2 = ls.rss / (n - 2);
const phi = ls.xtxInverse.map((v) => v * sigma2);
const data = collectPatterns(
  x.map((v, i) => ({ key: '1', payload: undefined, x: Float64Array.of(1, v), y: Float64Array.of(y[i]!) })),
  2,
);
const information = () => varianceInformation(data, ls.beta, phi, () => ({ v: Float64Array.of(sigma2), first: [Float64Array.of(1)], second: () => undefined }));

describe('small-sample df on a model with one variance', () => {
  it.each(['kenward-roger', 'satterthwaite'] as const)('%s equals the residual df n − p and leaves Φ unadjusted', (method) => {
    const inference = inferenceFor(method, 2, phi, n - 2, information);
    for (const l of [
      [1, 0],
      [0, 1],
      [1, 4],
    ])
      expect(inference.df(l)).toBeCloseTo(n - 2, 9);
    inference.covBeta.forEach((v, e) => expect(v).toBeCloseTo(phi[e]!, 12));
  });

  it('refuses, in one sentence, where the information of the variance parameters is singular', () => {
    const singular = () => ({ ...information(), expected: Float64Array.of(0) });
    expect(() => inferenceFor('kenward-roger', 2, phi, n - 2, singular)).toThrow(
      /kenward-roger degrees of freedom cannot be computed: the information matrix of the covariance parameters is singular/,
    );
  });
});
