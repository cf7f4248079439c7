import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { analyseStudy } from '../endpoints/analyse-study.js';
import { person, scores, ssData } from '../endpoints/test-data.js';
import type { AnalysisData } from '../endpoints/types.js';
import { forestData, forestPlot, type ForestRow } from './forest-plot.js';

const close = (row: ForestRow | undefined, [estimate, lower, upper]: readonly [number, number, number], digits = 8) => {
  expect(row).toBeDefined();
  expect(row!.estimate).toBeCloseTo(estimate, digits);
  expect(row!.lower).toBeCloseTo(lower, digits);
  expect(row!.upper).toBeCloseTo(upper, digits);
};

describe('forest plot: every endpoint effect with its interval', () => {
  // ssData (see test-data.ts): ESSDAI changes active −6, −7, −2 and placebo −1, 0, −3 (baselines 10, 12, 8 and 10, 9, 11);
  // ≥ 3-point responders at week 24 (missing = non-responder) active 2/4 (A4 no data), placebo 1/4 (W1 no data).
  // R's references (t.test, lm, fisher.test, prop.test): fixtures/make-forest-fixtures.R wrote fixtures/forest-fixtures.json.
  type Effect = { estimate: number; lower: number; upper: number };
  const r = JSON.parse(readFileSync(new URL('./fixtures/forest-fixtures.json', import.meta.url), 'utf8')) as Record<'welch' | 'ancova' | 'oddsRatio' | 'riskDifference', Effect> & {
    oddsRatioZeroCell: { estimate: 'Inf'; lower: number; upper: 'Inf' };
  };
  const triple = (e: Effect) => [e.estimate, e.lower, e.upper] as const;
  const { rows, notShown } = forestData(analyseStudy(ssData, { kind: 'by-arm' }));
  const row = (text: string) => rows.find((r) => r.label.includes(text));

  it('ss-il2 by arm: Welch, ANCOVA, the odds ratio and the risk difference, each with R’s interval', () => {
    expect(rows.map((r) => r.label)).toEqual([
      'essdai-improvement · essdai: Welch Two Sample t-test (active - placebo)',
      'essdai-improvement · essdai: ANCOVA active - placebo',
      "essdai-improvement ESSDAI improvement ≥ 3 at week-24: Odds ratio, Fisher's exact test (active - placebo)",
      'essdai-improvement ESSDAI improvement ≥ 3 at week-24: 2-sample test for equality of proportions with continuity correction (active - placebo)',
    ]);
    close(row('Welch'), triple(r.welch));
    expect(r.welch.estimate).toBeCloseTo(-11 / 3, 12);
    close(row('ANCOVA'), triple(r.ancova));
    close(row('Odds ratio'), triple(r.oddsRatio), 6);
    close(row('2-sample'), triple(r.riskDifference));
    expect(row('Odds ratio')).toMatchObject({ reference: 1, scale: 'log' });
    expect(row('Welch')).toMatchObject({ reference: 0, scale: 'linear' });
    expect(notShown).toEqual([]);
  });

  it('an odds ratio with an infinite bound is not drawn, and the plot says so', () => {
    // P3 no longer responds: placebo 0/4, and R's odds ratio is ∞ with the interval (0.1979, ∞).
    expect(r.oddsRatioZeroCell).toMatchObject({ estimate: 'Inf', upper: 'Inf' });
    expect(r.oddsRatioZeroCell.lower.toFixed(2)).toBe('0.20');
    const data: AnalysisData = { ...ssData, observations: ssData.observations.map((o) => (o.participantId === 'P3' && o.visitId === 'week-24' ? { ...o, value: 9 } : o)) };
    const forest = forestData(analyseStudy(data, { kind: 'by-arm' }));
    expect(forest.rows.some((r) => r.label.includes('Odds ratio'))).toBe(false);
    expect(forest.notShown).toEqual([
      { label: "essdai-improvement ESSDAI improvement ≥ 3 at week-24: Odds ratio, Fisher's exact test (active - placebo)", reason: 'no finite interval (∞, 0.20 to ∞)' },
    ]);
    expect(forestPlot(forest)).toContain(
      '<p class="note">Not drawn: essdai-improvement ESSDAI improvement ≥ 3 at week-24: Odds ratio, Fisher&#39;s exact test (active - placebo) (no finite interval (∞, 0.20 to ∞)).</p>',
    );
  });

  it('ae-il2 single arm (mRS, ordinal): the proportion improved by ≥ 1 grade with its Clopper–Pearson interval (R binom.test)', () => {
    const dir = new URL('../endpoints/fixtures/', import.meta.url);
    const r = JSON.parse(readFileSync(new URL('endpoint-fixtures.json', dir), 'utf8'));
    const [, ...lines] = readFileSync(new URL('mrs.csv', dir), 'utf8').trim().split('\n');
    const mrs = lines.map((l) => l.split(','));
    const data: AnalysisData = {
      protocol: getBuiltinProtocol('ae-il2'),
      participants: mrs.map(([id]) => person(id!, null)),
      observations: mrs.flatMap(([id, baseline, week21]) => scores('mrs', { [id!]: { baseline: Number(baseline), ...(week21 ? { 'week-21': Number(week21) } : {}) } })),
      adverseEvents: [],
    };
    const forest = forestData(analyseStudy(data, { kind: 'by-arm' }));
    const prop = forest.rows.filter((x) => x.label.startsWith('mrs · mrs'));
    expect(prop.map((x) => x.label)).toEqual(['mrs · mrs: Proportion improved by ≥ 1 grade (Clopper–Pearson; reference 0.5, the binomial test’s null)']);
    close(prop[0], [r.mrs.improved / r.mrs.n, r.mrs.ci[0], r.mrs.ci[1]]);
    expect(prop[0]).toMatchObject({ reference: 0.5, scale: 'linear' });
  });

  it('draws each row around its value of no effect: a difference on the linear scale, an odds ratio on the log scale', () => {
    // Plot area 180 px wide centred at x = 420; a row's half-width (84 px) is its largest distance from no effect.
    const svg = forestPlot({
      rows: [
        { label: 'difference', estimate: 1, lower: -1, upper: 3, reference: 0, scale: 'linear' },
        { label: 'odds ratio', estimate: 2, lower: 0.5, upper: 8, reference: 1, scale: 'log' },
      ],
      notShown: [],
    });
    // Difference: 1 of 3 → 420 + 84/3 = 448 (the marker's left edge 3 px before); −1 → 392, 3 → 504.
    expect(svg).toContain('<line x1="392" y1="20" x2="504" y2="20" stroke="black"/><rect x="445" y="17"');
    // Odds ratio: log 2 / log 8 = 1/3 → 448; 0.5 → 420 − 28 = 392; 8 → 504.
    expect(svg).toMatch(/<line x1="392(\.0+\d*)?" y1="42" x2="504" y2="42" stroke="black"\/><rect x="445(\.0+\d*)?" y="39"/);
    expect(svg).toContain('odds ratio: 2.00 (95 % interval 0.50 to 8.00; no effect at 1, log scale)');
  });
});
