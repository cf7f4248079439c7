import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { analyseStudy } from './analyse-study.js';
import { analysisSets } from './analysis-sets.js';
import { keysOf, person, scores, ssData } from './test-data.js';
import type { AnalysisData } from './types.js';

describe('analysis sets', () => {
  it('ITT = randomized; safety = ≥ 1 dose; per-protocol = ITT with ≥ 80 % of doses and the primary visit', () => {
    const sets = analysisSets(ssData);
    expect(sets.itt.map((p) => p.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'P1', 'P2', 'P3', 'W1']);
    expect(sets.safety.map((p) => p.id)).toEqual(['A1', 'A2', 'A3', 'P1', 'P2', 'P3', 'W1']);
    expect(sets['per-protocol'].map((p) => p.id)).toEqual(['A1', 'A2', 'A3', 'P1', 'P2']);
  });
});

describe('endpoint analyses', () => {
  it('by arm (after lock, unblinded): summaries per arm, Welch t and ANCOVA on the change', () => {
    const a = analyseStudy(ssData, { kind: 'by-arm' });
    expect(a.analysisSets[0]).toEqual({
      id: 'itt',
      n: 8,
      byArm: [
        { armId: 'active', n: 4 },
        { armId: 'placebo', n: 4 },
      ],
    });
    const essdai = a.endpoints.find((e) => e.outcomeId === 'essdai-improvement' && e.analysisSet === 'itt')!;
    const m = essdai.measures[0]!;
    const [active, placebo] = m.change!.byArm!;
    expect(active).toMatchObject({ armId: 'active', n: 3, mean: -5, median: -6 });
    expect(active!.sd).toBeCloseTo(Math.sqrt(7), 12);
    expect(placebo).toMatchObject({ armId: 'placebo', n: 3, median: -1 });
    expect(placebo!.mean).toBeCloseTo(-4 / 3, 12);
    expect(placebo!.sd).toBeCloseTo(Math.sqrt(7 / 3), 12);
    // Welch: difference −5 − (−4/3) = −11/3; SE = √(7/3 + 7/9) = 2√7/3, so t = −11/(2√7);
    // df = (28/9)² / ((7/3)²/2 + (7/9)²/2) = 3.2.
    const welch = m.tests!.find((t) => t.kind === 'welch');
    expect(welch?.kind === 'welch' && welch.contrast).toBe('active - placebo');
    if (welch?.kind !== 'welch') throw new Error('no Welch test');
    expect(welch.result.estimate).toBeCloseTo(-11 / 3, 10);
    expect(welch.result.statistic).toBeCloseTo(-11 / (2 * Math.sqrt(7)), 10);
    expect(welch.result.df).toBeCloseTo(3.2, 10);
    // Baseline means are equal (10 and 10), so ANCOVA's adjusted difference is the raw −11/3.
    const ancova = m.tests!.find((t) => t.kind === 'ancova');
    if (ancova?.kind !== 'ancova') throw new Error('no ANCOVA');
    expect(ancova.contrasts[0]!.estimate).toBeCloseTo(-11 / 3, 10);
    // Per-protocol drops P3 (70 % of doses): placebo changes −1, 0 → mean −0.5.
    const pp = a.endpoints.find((e) => e.outcomeId === 'essdai-improvement' && e.analysisSet === 'per-protocol')!;
    expect(pp.measures[0]!.change!.byArm![1]).toMatchObject({ armId: 'placebo', n: 2, mean: -0.5 });
  });

  it('pooled (before lock or blinded): no arm anywhere, no tests', () => {
    const a = analyseStudy(ssData, { kind: 'pooled' });
    const keys = keysOf(a);
    for (const k of ['byArm', 'armId', 'tests']) expect(keys).not.toContain(k);
    expect(JSON.stringify(a)).not.toMatch(/placebo|"active"/);
    const m = a.endpoints.find((e) => e.outcomeId === 'essdai-improvement' && e.analysisSet === 'itt')!.measures[0]!;
    // Week 0 over the six with scores: 10, 12, 8, 10, 9, 11 → mean 10, SS 10, SD √2, median 10.
    expect(m.visits[0]).toMatchObject({ visitId: 'week-0', week: 0, pooled: { n: 6, mean: 10, median: 10 } });
    expect(m.visits[0]!.pooled.sd).toBeCloseTo(Math.sqrt(2), 12);
    expect(m.visits[1]!.week).toBe(24); // study day 169 = week 24
    expect(m.change!.pooled.mean).toBeCloseTo(-19 / 6, 12);
  });

  it('single-arm ALS: paired t on the change and the piecewise slope model', () => {
    const protocol = getBuiltinProtocol('als-il2');
    const data: AnalysisData = {
      protocol,
      participants: ['X1', 'X2', 'X3'].map((id) => person(id, 'il2')),
      observations: scores('alsfrs-r', {
        X1: { 'week-0': 40, 'week-24': 37, 'week-48': 33 },
        X2: { 'week-0': 42, 'week-24': 40, 'week-48': 36 },
        X3: { 'week-0': 38, 'week-24': 34, 'week-48': 31 },
      }),
      adverseEvents: [],
    };
    const m = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((e) => e.outcomeId === 'alsfrs-r-slope' && e.analysisSet === 'itt')!.measures[0]!;
    // Changes −7, −6, −7: mean −20/3, SD √(1/3), SE 1/3 → t = −20 on 2 df; for 2 df
    // P(T > t) = ½(1 − t/√(t² + 2)), so p = 1 − 20/√402.
    const paired = m.tests!.find((t) => t.kind === 'paired-t');
    if (paired?.kind !== 'paired-t') throw new Error('no paired t');
    expect(paired.result.statistic).toBeCloseTo(-20, 10);
    expect(paired.result.pValue).toBeCloseTo(1 - 20 / Math.sqrt(402), 10);
    // Balanced, complete data with three time points: the fixed effects fit the mean curve exactly.
    // Means 40, 37, 33⅓ at weeks 0, 24, 48: slopes −3/24 and −(11/3)/24, change of slope −1/36 per week,
    // × 30.4375 / 7 weeks per month (month = 365.25 / 12 days) = −0.120784 points per month.
    const pw = m.tests!.find((t) => t.kind === 'piecewise');
    if (pw?.kind !== 'piecewise') throw new Error('no piecewise model');
    expect(pw.knotWeek).toBe(24);
    expect(pw.contrasts[0]!.term).toBe('slope during follow-up minus slope during administration');
    expect(pw.contrasts[0]!.estimate).toBeCloseTo((-1 / 36) * (30.4375 / 7), 6);
    expect(pw.slopes.administration).toBeCloseTo((-3 / 24) * (30.4375 / 7), 6);
  });

  it('single-arm mRS (ae-il2): exact signed-rank between baseline and week 21, never a paired t (mRS is ordinal)', () => {
    const data: AnalysisData = {
      protocol: getBuiltinProtocol('ae-il2'),
      participants: ['Y1', 'Y2', 'Y3'].map((id) => person(id, 'proleukin')),
      observations: scores('mrs', { Y1: { baseline: 4, 'week-21': 3 }, Y2: { baseline: 5, 'week-21': 3 }, Y3: { baseline: 4, 'week-21': 1 } }),
      adverseEvents: [],
    };
    const tests = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((e) => e.outcomeId === 'mrs' && e.analysisSet === 'itt')!.measures[0]!.tests!;
    // Changes −1, −2, −3: no ties, all negative, so V = 0 and the exact two-sided p = 2 × (1/2³) = 0.25.
    const sr = tests.find((t) => t.kind === 'signed-rank');
    if (sr?.kind !== 'signed-rank') throw new Error('no signed-rank test');
    expect(sr.result.statistic).toBe(0);
    expect(sr.result.pValue).toBeCloseTo(0.25, 12);
    expect(tests.some((x) => x.kind === 'paired-t')).toBe(false);
    // Every participant improved by ≥ 1 grade: 3/3, Clopper–Pearson lower bound (α/2)^(1/n) = 0.025^(1/3), upper 1.
    const prop = tests.find((x) => x.kind === 'proportion-improved');
    if (prop?.kind !== 'proportion-improved') throw new Error('no proportion improved');
    expect(prop.improved).toBe(3);
    expect(prop.result.ci![0]).toBeCloseTo(0.025 ** (1 / 3), 10);
    expect(prop.result.ci![1]).toBe(1);
  });
});
