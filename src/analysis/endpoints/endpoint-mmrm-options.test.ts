import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { readFixture } from '../models/fixtures/read-fixture.js';
import { fitMmrm } from '../models/mmrm.js';
import { analyseStudy } from './analyse-study.js';
import { person, scores, ssData } from './test-data.js';
import type { EndpointTest } from './endpoint-test.js';
import type { AnalysisData, AnalysisObservation } from './types.js';

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

type Differences = { visit: string; estimate: number; se: number; df: number }[];
type Reference = Record<string, { kenwardRoger: { differences: Differences } }>;

/** An R fixture (models/fixtures/make-mmrm-df-fixtures.R) as sle-il2 SLEDAI-2K data: week 0 = baseline, week w = baseline + change. */
function sleEndpoint(fixture: string, mmrm: NonNullable<AnalysisData['protocol']['outcomes'][number]['mmrm']>) {
  const { rows, reference } = readFixture<Reference>(fixture);
  const observations: AnalysisObservation[] = [];
  const armOf = new Map<string, string>();
  for (const r of rows) {
    if (!armOf.has(r.id!)) observations.push({ participantId: r.id!, visitId: 'week-0', kind: 'score', key: 'sledai-2k', value: Number(r.baseline) });
    armOf.set(r.id!, r.arm!);
    observations.push({ participantId: r.id!, visitId: `week-${r.week}`, kind: 'score', key: 'sledai-2k', value: Number(r.baseline) + Number(r.change) });
  }
  const protocol = getBuiltinProtocol('sle-il2');
  const data: AnalysisData = {
    protocol: { ...protocol, outcomes: protocol.outcomes.map((o) => (o.id === 'clinical-response' ? { ...o, mmrm } : o)) },
    participants: [...armOf].map(([id, arm]) => person(id, arm)),
    observations,
    adverseEvents: [],
  };
  const endpoint = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((e) => e.outcomeId === 'clinical-response' && e.analysisSet === 'itt')!;
  const test = endpoint.measures[0]!.tests!.find((t) => t.kind === 'mmrm');
  if (test?.kind !== 'mmrm') throw new Error(`no MMRM: ${JSON.stringify(endpoint.measures[0]!.tests)}`);
  return { test, reference };
}

/** The brief's tolerances: 1e-6 for estimates and SEs, 1e-4 for df. */
function expectDifferences(test: Extract<EndpointTest, { kind: 'mmrm' }>, expected: Differences) {
  expect(test.contrasts.map((c) => c.visit)).toEqual(expected.map((d) => `week-${d.visit}`));
  expected.forEach((d, i) => {
    const c = test.contrasts[i]!;
    expect(c.term).toBe('active - placebo');
    expect(Math.abs(c.estimate - d.estimate)).toBeLessThan(1e-6 * Math.max(1, Math.abs(d.estimate)));
    expect(Math.abs(c.se - d.se)).toBeLessThan(1e-6 * Math.max(1, d.se));
    expect(Math.abs(c.df - d.df)).toBeLessThan(1e-4);
  });
}

describe('the MMRM of an endpoint runs over the visits in time order', () => {
  // R's references: 13 participants, 6 placebo and 7 active, weeks 4, 8, 12 and 24 with dropout and
  // missed visits, gls(change ~ arm * visit + baseline), Kenward-Roger. As sle-il2 visits, "week-12"
  // sorts before "week-4": an AR(1) over that order would make weeks 24 and 4 neighbours.
  it('AR(1) over weeks 4, 8, 12, 24 equals R (estimates and SEs to 1e-6, df to 1e-4)', () => {
    const { test, reference } = sleEndpoint('mmrm-df-n13', { covariance: 'ar1' });
    expect(test).toMatchObject({ df: 'kenward-roger', covariance: { requested: 'ar1', used: 'ar1' } });
    expectDifferences(test, reference.ar1!.kenwardRoger.differences);
    expect(test.lsMeans).toHaveLength(8);
  });

  it('falls back to Toeplitz where unstructured cannot be fitted (1 placebo participant left at week 24), as R', () => {
    const { test, reference } = sleEndpoint('mmrm-df-fallback-n13', { covariance: 'unstructured' });
    expect(test.covariance).toEqual({ requested: 'unstructured', used: 'toeplitz' });
    expectDifferences(test, reference.toeplitz!.kenwardRoger.differences);
  });

  it('refuses a row at a visit the order does not name', () => {
    expect(() =>
      fitMmrm(
        [
          { id: 'a', arm: 'x', visit: 'week-4', value: 1 },
          { id: 'b', arm: 'y', visit: 'week-8', value: 2 },
        ],
        { visits: ['week-8'] },
      ),
    ).toThrow(/Observation 1 is at visit "week-4", which is not among the visits given \(week-8\)/);
  });
});
