import { describe, expect, it } from 'vitest';
import { fitMmrm } from '../models/mmrm.js';
import { analyseStudy } from './analyse-study.js';
import { scores, ssData } from './test-data.js';
import type { AnalysisData } from './types.js';

// The ESSDAI outcome assessed at weeks 0, 12 and 24, so the MMRM has two post-baseline visits.
const essdai = { A1: [10, 6, 4], A2: [12, 8, 5], A3: [8, 7, 6], P1: [10, 10, 9], P2: [9, 8, 9], P3: [11, 9, 8] };
const withMmrm = (mmrm: { covariance?: 'compound-symmetry'; df?: 'residual' } | undefined): AnalysisData => ({
  ...ssData,
  protocol: {
    ...ssData.protocol,
    outcomes: ssData.protocol.outcomes.map((o) => (o.id === 'essdai-improvement' ? { ...o, visits: ['week-0', 'week-12', 'week-24'], ...(mmrm ? { mmrm } : {}) } : o)),
  },
  observations: scores('essdai', Object.fromEntries(Object.entries(essdai).map(([id, [w0, w12, w24]]) => [id, { 'week-0': w0!, 'week-12': w12!, 'week-24': w24! }]))),
});
const mmrmOf = (data: AnalysisData) => {
  const endpoint = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((e) => e.outcomeId === 'essdai-improvement' && e.analysisSet === 'itt')!;
  const test = endpoint.measures[0]!.tests!.find((t) => t.kind === 'mmrm');
  if (test?.kind !== 'mmrm') throw new Error(`no MMRM: ${JSON.stringify(test)}`);
  return test.contrasts;
};

describe("the protocol's MMRM choices reach the endpoint analysis", () => {
  it('uses the covariance and df the outcome names', () => {
    // 6 participants × 2 post-baseline visits = 12 rows; p = 5 (intercept, arm, visit, baseline, arm:visit): N − p = 7.
    expect(mmrmOf(withMmrm({ covariance: 'compound-symmetry', df: 'residual' })).map((c) => c.df)).toEqual([7, 7]);
  });

  it('uses Kenward-Roger when the outcome names no df', () => {
    // The model the analysis fits: change from week 0 at weeks 12 and 24, adjusted for week 0.
    const rows = Object.entries(essdai).flatMap(([id, [w0, w12, w24]]) =>
      [
        ['week-12', w12!],
        ['week-24', w24!],
      ].map(([visit, v]) => ({ id, arm: id.startsWith('A') ? 'active' : 'placebo', visit: String(visit), value: Number(v) - w0!, baseline: w0! })),
    );
    const kr = fitMmrm(rows, { referenceArm: 'placebo', covariance: 'compound-symmetry', df: 'kenward-roger' }).contrasts;
    expect(mmrmOf(withMmrm({ covariance: 'compound-symmetry' }))).toEqual(kr);
    expect(kr.every((c) => c.df !== 7)).toBe(true);
  });
});
