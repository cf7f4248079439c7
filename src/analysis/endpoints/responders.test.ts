import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { buildReport } from '../report/build-report.js';
import { renderReportHtml } from '../report/render-html.js';
import { pnorm } from '../stats/distributions.js';
import { analyseStudy } from './analyse-study.js';
import { keysOf, person, scores } from './test-data.js';
import type { AnalysisData, AnalysisObservation } from './types.js';

const bilag = (values: Record<string, readonly [a: number, b: number]>): AnalysisObservation[] =>
  Object.entries(values).flatMap(([participantId, [a, b]]) => [
    { participantId, visitId: 'week-12', kind: 'item' as const, key: 'pga.newBilagA', value: a },
    { participantId, visitId: 'week-12', kind: 'item' as const, key: 'pga.newBilagB', value: b },
  ]);

/**
 * sle-il2, SRI-4 at week 12 versus week 0 (SLEDAI-2K reduction ≥ 4, no new BILAG A and ≤ 1 new B, PGA rise < 0.3):
 *   A1 active  SLEDAI 12→6 (−6), PGA 2.0→1.0, new A/B 0/0 → responder
 *   A2 active  SLEDAI 10→6 (−4), PGA 1.5→1.7 (+0.2), 0/1  → responder (every criterion at its limit)
 *   A3 active  SLEDAI  8→2 (−6), PGA 1.0→1.0, 0/0         → responder
 *   P1 placebo SLEDAI 10→4 (−6), PGA 1.0→1.3 (+0.3), 0/0  → non-responder (PGA worse)
 *   P2 placebo SLEDAI 12→6 (−6), PGA 2.0→1.0, 1/0         → non-responder (new BILAG A)
 *   P3 placebo week 0 only                                → missing: non-responder
 *   P4 placebo SLEDAI  9→6 (−3), PGA 1.0→1.0, 0/0         → non-responder (SLEDAI)
 * 2×2 table (rows active, placebo; columns responder, non-responder): [[3, 0], [0, 4]].
 */
const data: AnalysisData = {
  protocol: getBuiltinProtocol('sle-il2'),
  participants: [...['A1', 'A2', 'A3'].map((id) => person(id, 'active')), ...['P1', 'P2', 'P3', 'P4'].map((id) => person(id, 'placebo'))],
  observations: [
    ...scores('sledai-2k', {
      A1: { 'week-0': 12, 'week-12': 6 },
      A2: { 'week-0': 10, 'week-12': 6 },
      A3: { 'week-0': 8, 'week-12': 2 },
      P1: { 'week-0': 10, 'week-12': 4 },
      P2: { 'week-0': 12, 'week-12': 6 },
      P3: { 'week-0': 11 },
      P4: { 'week-0': 9, 'week-12': 6 },
    }),
    ...scores('pga', {
      A1: { 'week-0': 2, 'week-12': 1 },
      A2: { 'week-0': 1.5, 'week-12': 1.7 },
      A3: { 'week-0': 1, 'week-12': 1 },
      P1: { 'week-0': 1, 'week-12': 1.3 },
      P2: { 'week-0': 2, 'week-12': 1 },
      P3: { 'week-0': 1.5 },
      P4: { 'week-0': 1, 'week-12': 1 },
    }),
    ...bilag({ A1: [0, 0], A2: [0, 1], A3: [0, 0], P1: [0, 0], P2: [1, 0], P4: [0, 0] }),
  ],
  adverseEvents: [],
};

/** The SRI-4 at week 12, the first of the outcome's responder visits (weeks 12 and 24). */
const responders = (view: 'pooled' | 'by-arm', set = 'itt') => analyseStudy(data, { kind: view }).endpoints.find((e) => e.outcomeId === 'clinical-response' && e.analysisSet === set)!.responders![0]!;

describe('SRI-4 responder rates (sle-il2 clinical response)', () => {
  it('by arm: 3/3 active vs 0/4 placebo, P3 missing counted as non-responder', () => {
    const r = responders('by-arm');
    // Tipping point: P3 (placebo) is the one missing participant. Imputed a responder, the table is [[3, 0], [1, 3]]:
    // margins 4 responders, 3 active of 7, P(x) = C(4,x)·C(3,3−x)/C(7,3) = 1, 12, 18, 4 (/35) for x = 0…3; observed
    // x = 3 (4/35), two-sided p = (1 + 4)/35 = 1/7 ≥ 0.05, reversing the primary p = 1/35 < 0.05.
    expect(r.tippingPoint).toMatchObject({ otherMissing: 0, referenceMissing: 1, tippingPoint: { otherResponders: 0, referenceResponders: 1 } });
    expect(r.tippingPoint!.grid[1]!.pValue).toBeCloseTo(1 / 7, 12);
    expect(r).toMatchObject({ definition: 'SRI-4', fromVisit: 'week-0', toVisit: 'week-12', pooled: { n: 7, responders: 3, rate: 3 / 7, missing: 1 } });
    expect(r.byArm).toEqual([
      { armId: 'active', n: 3, responders: 3, rate: 1, missing: 0 },
      { armId: 'placebo', n: 4, responders: 0, rate: 0, missing: 1 },
    ]);
  });

  it("by arm: Fisher's exact test and the risk difference on [[3, 0], [0, 4]]", () => {
    const tests = responders('by-arm').tests!;
    // Margins: 3 responders, 3 active of 7. P(x) = C(3,x)·C(4,3−x)/C(7,3) = 4, 18, 12, 1 (/35) for x = 0…3;
    // only x = 3 is as unlikely as the observed, so the two-sided p = 1/35.
    const fisher = tests.find((t) => t.kind === 'fisher');
    if (fisher?.kind !== 'fisher') throw new Error('no Fisher test');
    expect(fisher.contrast).toBe('active - placebo');
    expect(fisher.result.pValue).toBeCloseTo(1 / 35, 12);
    expect(fisher.result.estimate).toBe(Infinity); // x at the top of its support: conditional MLE of the odds ratio is ∞
    // Risk difference 1 − 0 = 1. Wald SE is 0; continuity correction min(½, 1/Σ1/n)·Σ1/n with Σ1/n = 1/3 + 1/4 = 7/12
    // gives ½·7/12 = 7/24, so the interval is [17/24, 1] (clipped). Chi-square: pooled 3/7, expected 9/7, 12/7, 12/7, 16/7,
    // every |O − E| = 12/7, (12/7 − ½)² = 289/196, Σ 1/E = 343/144: X² = 289/196 · 343/144 = 2023/576; p = 2Φ(−√X²).
    const rd = tests.find((t) => t.kind === 'risk-difference');
    if (rd?.kind !== 'risk-difference') throw new Error('no risk difference');
    expect(rd.result.estimate).toBe(1);
    expect(rd.result.ci?.[0]).toBeCloseTo(17 / 24, 12);
    expect(rd.result.ci?.[1]).toBe(1);
    expect(rd.result.statistic).toBeCloseTo(2023 / 576, 12);
    expect(rd.result.pValue).toBeCloseTo(2 * pnorm(-Math.sqrt(2023 / 576)), 12);
  });

  it('per-protocol drops P3 (no week-12 SLEDAI-2K): 3/3 vs 0/3, Fisher p = 2/20 = 0.1', () => {
    // P(x) = C(3,x)·C(3,3−x)/C(6,3) = 1, 9, 9, 1 (/20): x = 0 and x = 3 are as unlikely as the observed.
    const r = responders('by-arm', 'per-protocol');
    expect(r.pooled).toEqual({ n: 6, responders: 3, rate: 0.5, missing: 0 });
    const fisher = r.tests!.find((t) => t.kind === 'fisher');
    expect(fisher?.kind === 'fisher' && fisher.result.pValue).toBeCloseTo(0.1, 12);
  });

  it('pooled (blinded): the rate without any arm field or test', () => {
    const r = responders('pooled');
    expect(r.pooled).toEqual({ n: 7, responders: 3, rate: 3 / 7, missing: 1 });
    for (const k of ['byArm', 'armId', 'tests']) expect(keysOf(r)).not.toContain(k);
  });

  it('a tie in every participant (no responders) leaves the chi-square and risk difference not estimable, Fisher p = 1', () => {
    const none = { ...data, observations: data.observations.filter((o) => !(o.key === 'pga.newBilagA' && o.participantId.startsWith('A'))) };
    const r = analyseStudy(none, { kind: 'by-arm' }).endpoints.find((e) => e.outcomeId === 'clinical-response' && e.analysisSet === 'itt')!.responders![0]!;
    expect(r.pooled).toEqual({ n: 7, responders: 0, rate: 0, missing: 4 });
    expect(r.tests!.find((t) => t.kind === 'fisher')).toMatchObject({ result: { pValue: 1 } });
    // No responder in either arm: a zero column, so neither the chi-square nor the risk difference can be computed.
    expect(r.tests!.filter((t) => t.kind === 'not-estimable').map((t) => t.kind === 'not-estimable' && t.method)).toEqual(['chi-square', 'risk-difference']);
  });

  it('SRI-4 at weeks 12 and 24, as published; with no week-24 data every participant is a missing non-responder', () => {
    const r = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((e) => e.outcomeId === 'clinical-response' && e.analysisSet === 'itt')!.responders!;
    expect(r.map((x) => x.toVisit)).toEqual(['week-12', 'week-24']);
    expect(r[1]!.pooled).toEqual({ n: 7, responders: 0, rate: 0, missing: 7 });
  });

  it('no responder analysis for an outcome without a responder definition (sle-il2 immunologic response)', () => {
    const a = analyseStudy({ ...data, participants: [] }, { kind: 'by-arm' });
    expect(a.endpoints.filter((e) => e.responders !== undefined).map((e) => e.outcomeId)).toEqual(['clinical-response', 'clinical-response']);
  });

  it('the report JSON carries the responder table; pooled report has no arm field', () => {
    const pooled = buildReport(data, { id: 'sle-il2', lockedAt: null }, '2025-06-01', { kind: 'pooled' });
    const itt = pooled.analysis.endpoints.find((e) => e.outcomeId === 'clinical-response' && e.analysisSet === 'itt')!;
    expect(JSON.parse(JSON.stringify(itt.responders![0]))).toMatchObject({ definition: 'SRI-4', pooled: { n: 7, responders: 3 } });
    expect(keysOf(pooled).filter((k) => /arm/i.test(k))).toEqual([]);
    const byArm = buildReport(data, { id: 'sle-il2', lockedAt: '2025-06-01T00:00:00.000Z' }, '2025-06-01', { kind: 'by-arm' });
    const rows = byArm.analysis.endpoints.find((e) => e.outcomeId === 'clinical-response' && e.analysisSet === 'itt')!.responders![0]!.byArm;
    expect(rows?.map((c) => [c.armId, c.responders, c.n])).toEqual([
      ['active', 3, 3],
      ['placebo', 0, 4],
    ]);
  });
});

describe('SRI-4 in the HTML report', () => {
  it('shows the responder table and the by-arm tests', () => {
    const html = renderReportHtml(buildReport(data, { id: 'sle-il2', lockedAt: '2025-06-01T00:00:00.000Z' }, '2025-06-01', { kind: 'by-arm' }));
    expect(html).toContain('clinical-response — SRI-4 responders at week-12 (itt)');
    expect(html).toContain('week-0 → week-24');
    expect(html).toContain('<td>3 / 7 (43 %)</td><td>3 / 3 (100 %)</td><td>0 / 4 (0 %)</td>'); // 3/7 = 42.9 %
    expect(html).toContain('Fisher&#39;s Exact Test for Count Data (active - placebo)'); // the apostrophe is escaped
    // Fisher p = 1/35 = 0.029; the tipping point re-imputes P3 (see above): p = 1/7.
    expect(html).toContain('p = 0.029');
    expect(html).toContain('the conclusion reverses when 0 of 0 missing in the first arm and 1 of 1 in the reference arm are responders (p = 0.143)');
    // The estimand is printed with the analysis.
    expect(html).toContain('<dt>Summary measure</dt><dd>Difference in response proportions');
  });
});
