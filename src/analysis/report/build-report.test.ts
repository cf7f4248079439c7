import { describe, expect, it } from 'vitest';
import { fitMmrm } from '../models/mmrm.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { keysOf, person, scores, ssData } from '../endpoints/test-data.js';
import type { AnalysisData } from '../endpoints/types.js';
import { buildReport } from './build-report.js';
import { renderReportHtml } from './render-html.js';

const study = { id: 'ss-il2', lockedAt: '2025-09-01T10:00:00.000Z' };

describe('study report', () => {
  // ssData: 10 screened (S1 ineligible, S2 still screening), 8 enrolled and randomized (A1–A4 active,
  // P1–P3 and W1 placebo), 7 started treatment (A4 did not), A1 and A2 completed, W1 withdrew.
  it('counts the CONSORT flow, the baseline table and the adverse events by worst grade', () => {
    const r = buildReport(ssData, study, '2025-09-01', { kind: 'by-arm' });
    expect(r.flow).toEqual({
      screened: 10,
      ineligible: 1,
      consented: 8,
      enrolled: 8,
      randomized: 8,
      randomizedByArm: [
        { armId: 'active', n: 4 },
        { armId: 'placebo', n: 4 },
      ],
      onTreatment: 7,
      completed: 2,
      withdrawn: 1,
      withdrawalReasons: [{ reason: 'moved abroad', n: 1 }],
    });
    // Everyone born 1970-01-01 and enrolled 2025-01-01: 55 years; P2 is the only man.
    expect(r.baseline.pooled).toMatchObject({ n: 8, female: 7, male: 1, age: { n: 8, mean: 55, sd: 0 } });
    expect(r.baseline.byArm?.map((c) => [c.armId, c.n, c.primaryScore?.mean])).toEqual([
      ['active', 4, 10],
      ['placebo', 4, 10],
    ]);
    // A1's two headaches count once at grade 2; A4's fever is outside the safety set (no dose).
    const any = r.adverseEvents.rows[0]!;
    expect(r.adverseEvents.safetyN).toBe(7);
    expect(any).toEqual({
      term: 'Any adverse event',
      pooled: { participants: 2, byGrade: [1, 1, 0, 0, 0], serious: 0 },
      byArm: [
        { armId: 'active', participants: 1, byGrade: [0, 1, 0, 0, 0], serious: 0 },
        { armId: 'placebo', participants: 1, byGrade: [1, 0, 0, 0, 0], serious: 0 },
      ],
    });
    expect(r.adverseEvents.rows.map((x) => x.term)).toEqual(['Any adverse event', 'Headache', 'Injection site reaction']);
    // Mean ESSDAI change by arm at week 24: active −5, placebo −4/3.
    const change = r.plots.find((p) => p.id === 'score-change')!.points.filter((p) => p.x === 24);
    expect(change.map((p) => p.series)).toEqual(['active', 'placebo']);
    expect(change[0]!.y).toBeCloseTo(-5, 12);
    expect(change[1]!.y).toBeCloseTo(-4 / 3, 12);
  });

  it('renders one HTML document with every section and the plots as inline SVG', () => {
    const html = renderReportHtml(buildReport(ssData, study, '2025-09-01', { kind: 'by-arm' }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const id of ['consort', 'baseline', 'endpoints', 'adverse-events', 'plots']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('@media print');
    expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(html).toContain('Welch t (active - placebo)');
  });

  it('pooled report: no arm field, no arm name, in the JSON or the HTML', () => {
    const r = buildReport(ssData, { id: 'ss-il2', lockedAt: null }, '2025-09-01', { kind: 'pooled' });
    expect(keysOf(r).filter((k) => /arm/i.test(k))).toEqual([]);
    expect(r.flow.randomized).toBe(8);
    const html = renderReportHtml(r);
    for (const text of [JSON.stringify(r), html]) expect(text).not.toMatch(/placebo|active|hrIL-2/i);
    expect(html).toContain('<svg');
  });

  it('renders a plot without data as a note (an empty color scale would need a canvas)', () => {
    const html = renderReportHtml(buildReport({ ...ssData, observations: [] }, study, '2025-09-01', { kind: 'pooled' }));
    expect(html).toContain('No data yet.');
  });

  it('prints the MMRM with its covariance, df method, LS means and differences with intervals', () => {
    // ESSDAI at weeks 0, 12 and 24 (the outcome given a week-12 visit): change from week 0 at weeks 12 and 24, adjusted for week 0.
    const essdai = { A1: [10, 6, 4], A2: [12, 8, 5], A3: [8, 7, 6], P1: [10, 10, 9], P2: [9, 8, 9], P3: [11, 9, 8] };
    const data: AnalysisData = {
      ...ssData,
      protocol: {
        ...ssData.protocol,
        outcomes: ssData.protocol.outcomes.map((o) => (o.id === 'essdai-improvement' ? { ...o, visits: ['week-0', 'week-12', 'week-24'], mmrm: { covariance: 'compound-symmetry' as const } } : o)),
      },
      observations: scores('essdai', Object.fromEntries(Object.entries(essdai).map(([id, [w0, w12, w24]]) => [id, { 'week-0': w0!, 'week-12': w12!, 'week-24': w24! }]))),
    };
    const rows = Object.entries(essdai).flatMap(([id, [w0, w12, w24]]) =>
      (
        [
          ['week-12', w12!],
          ['week-24', w24!],
        ] as const
      ).map(([visit, v]) => ({ id, arm: id.startsWith('A') ? 'active' : 'placebo', visit, value: v - w0!, baseline: w0! })),
    );
    const fit = fitMmrm(rows, { referenceArm: 'placebo', covariance: 'compound-symmetry', visits: ['week-12', 'week-24'] });
    const html = renderReportHtml(buildReport(data, study, '2025-09-01', { kind: 'by-arm' }));
    const f = (x: number, d = 2) => x.toFixed(d);
    const means = fit.lsMeans.map((m) => `${m.arm} at ${m.visit} ${f(m.estimate)} (95 % CI ${f(m.lower)} to ${f(m.upper)})`).join('; ');
    expect(fit.lsMeans.map((m) => `${m.arm} ${m.visit}`)).toEqual(['placebo week-12', 'active week-12', 'placebo week-24', 'active week-24']);
    expect(html).toContain(`<li>MMRM, compound-symmetry covariance, Kenward–Roger df. LS means: ${means}.</li>`);
    for (const c of fit.contrasts) {
      expect(html).toContain(`<li>MMRM active - placebo at ${c.visit}: ${f(c.estimate)} (SE ${f(c.se)}, df ${f(c.df, 1)}), 95 % CI ${f(c.lower)} to ${f(c.upper)}, p = ${f(c.pValue, 3)}</li>`);
    }
  });

  it('single arm: the paired t with its interval, the signed-rank test with no empty estimate', () => {
    const data: AnalysisData = {
      protocol: getBuiltinProtocol('als-il2'),
      participants: ['X1', 'X2', 'X3'].map((id) => person(id, 'il2')),
      observations: scores('alsfrs-r', { X1: { 'week-0': 40, 'week-24': 37, 'week-48': 33 }, X2: { 'week-0': 42, 'week-24': 40, 'week-48': 36 }, X3: { 'week-0': 38, 'week-24': 34, 'week-48': 31 } }),
      adverseEvents: [],
    };
    const html = renderReportHtml(buildReport(data, { id: 'als-il2', lockedAt: '2025-09-01T10:00:00.000Z' }, '2025-09-01', { kind: 'by-arm' }));
    // Changes −7, −6, −7: mean −20/3, SE 1/3, qt(0.975, 2) = 4.302653: 95 % CI −8.10 to −5.23.
    expect(html).toContain('<li>Paired t-test: mean difference -6.67, 95 % CI -8.10 to -5.23, p = ');
    expect(html).toMatch(/<li>Wilcoxon signed rank test with continuity correction: p = 0\.\d{3}<\/li>/);
    expect(html).not.toContain('estimate –');
  });
});
