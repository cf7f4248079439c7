import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisData, AnalysisObservation } from '../../../analysis/endpoints/types.js';
import { person as analysisPerson } from '../../../analysis/endpoints/test-data.js';
import { readFixture } from '../../../analysis/models/fixtures/read-fixture.js';
import { qt } from '../../../analysis/stats/distributions.js';
import { getBuiltinProtocol } from '../../../protocol/builtin/index.js';
import { readRecordResults } from './read-results.js';
import { writeRecordResults } from './write-results.js';
import { fieldPaths, postedRecordFieldPaths } from './field-paths.test-helper.js';

// biome-ignore lint/suspicious/noExplicitAny: the written record is read as loose JSON
type Json = Record<string, any>;

// R's references: make-mmrm-df-fixtures.R (gls + emmeans, Kenward-Roger) and the endpoint fixtures' make-fixtures.R (lmerTest KR, t.test).
const endpointFixtures = JSON.parse(readFileSync(new URL('../../../analysis/endpoints/fixtures/endpoint-fixtures.json', import.meta.url), 'utf8'));
const csvRows = (url: URL) => {
  const [head, ...lines] = readFileSync(url, 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
};

/** mmrm-df-n13 (13 participants, weeks 4, 8, 12, 24 with dropout) as sle-il2 SLEDAI-2K: week 0 = baseline, week w = baseline + change; AR(1), as the R fit. */
const sleMmrm = readFixture<{ ar1: { kenwardRoger: { differences: { visit: string; estimate: number; se: number; lower: number; upper: number; pValue: number }[] } } }>('mmrm-df-n13');
const sleMmrmData: AnalysisData = (() => {
  const observations: AnalysisObservation[] = [];
  const arms = new Map<string, string>();
  for (const r of sleMmrm.rows) {
    if (!arms.has(r.id!)) observations.push({ participantId: r.id!, visitId: 'week-0', kind: 'score', key: 'sledai-2k', value: Number(r.baseline) });
    arms.set(r.id!, r.arm!);
    observations.push({ participantId: r.id!, visitId: `week-${r.week}`, kind: 'score', key: 'sledai-2k', value: Number(r.baseline) + Number(r.change) });
  }
  const protocol = getBuiltinProtocol('sle-il2');
  return {
    protocol: { ...protocol, outcomes: protocol.outcomes.map((o) => (o.id === 'clinical-response' ? { ...o, mmrm: { covariance: 'ar1' as const } } : o)) },
    participants: [...arms].map(([id, arm]) => analysisPerson(id, arm)),
    observations,
    adverseEvents: [],
  };
})();

/** als-scales.csv: 9 participants at weeks 0, 24, 48 (3 visits missing), ALSFRS-R, ROADS, ALSAQ-40 and MRC. */
const alsScales = { 'alsfrs-r': 'alsfrs_r', roads: 'roads', 'alsaq-40': 'alsaq_40', mrc: 'mrc' } as const;
const alsData: AnalysisData = (() => {
  const rows = csvRows(new URL('../../../analysis/endpoints/fixtures/als-scales.csv', import.meta.url));
  return {
    protocol: getBuiltinProtocol('als-il2'),
    participants: [...new Set(rows.map((r) => r.id!))].map((id) => analysisPerson(id, null)),
    observations: rows.flatMap((r) => Object.entries(alsScales).map(([key, col]) => ({ participantId: r.id!, visitId: `week-${r.week}`, kind: 'score' as const, key, value: Number(r[col]) }))),
    adverseEvents: [],
  };
})();

/** A posted value (2 decimals) against R's. */
const posted = (value: string, r: number) => expect(Math.abs(Number(value) - r), `${value} vs R ${r}`).toBeLessThanOrEqual(0.005 + 1e-9);
const postedP = (p: number) => (p < 0.001 ? '<0.001' : p.toFixed(3));

describe('writeRecordResults posts the MMRM differences with their intervals', () => {
  it("sle-il2 SLEDAI-2K over weeks 4-24: each visit's LS-mean difference, SE, 95 % interval and p as R (emmeans, Kenward-Roger)", () => {
    const m = (writeRecordResults(sleMmrmData, { kind: 'by-arm' }, '2025-06-01').resultsSection as Json).outcomeMeasuresModule.outcomeMeasures.find((x: Json) => x.title.includes('sledai-2k'));
    const mmrm = m.analyses.filter((a: Json) => a.statisticalMethod === 'Mixed Models Analysis');
    const expected = sleMmrm.reference.ar1.kenwardRoger.differences;
    expect(mmrm.map((a: Json) => a.estimateComment)).toEqual(expected.map((d) => `active - placebo at week-${d.visit}`));
    expected.forEach((d, i) => {
      const a = mmrm[i];
      expect(a).toMatchObject({ groupIds: ['OG000', 'OG001'], paramType: 'Mean Difference (Net)', ciPctValue: '95', ciNumSides: 'TWO_SIDED', pValue: postedP(d.pValue) });
      expect(a.groupDescription).toMatch(/ar1 covariance over visits, kenward-roger degrees of freedom/);
      posted(a.paramValue, d.estimate);
      posted(a.dispersionValue, d.se);
      posted(a.ciLowerLimit, d.lower);
      posted(a.ciUpperLimit, d.upper);
    });
  });
});

describe('writeRecordResults posts the slope analyses of every ALS scale (als-il2, single group)', () => {
  const measures = (writeRecordResults(alsData, { kind: 'by-arm' }, '2025-06-01').resultsSection as Json).outcomeMeasuresModule.outcomeMeasures as Json[];

  it.each(Object.keys(alsScales))('%s: the slope during follow-up minus the slope during administration in points per month, and the per-patient slopes, as R', (scale) => {
    const ref = endpointFixtures.piecewise[scale];
    const ofScale = measures.filter((m) => m.title.includes(`change in ${scale} from`));
    expect(ofScale.length).toBeGreaterThan(0);
    for (const m of ofScale) {
      const model = m.analyses.find((a: Json) => a.statisticalMethod === 'Mixed Models Analysis');
      expect(model).toMatchObject({
        groupIds: ['OG000'],
        paramType: 'Slope',
        estimateComment: 'slope during follow-up minus slope during administration, points per month',
        ciPctValue: '95',
        ciNumSides: 'TWO_SIDED',
        pValue: postedP(ref.kenwardRoger.pValue),
      });
      posted(model.paramValue, ref.kenwardRoger.estimate);
      posted(model.dispersionValue, ref.kenwardRoger.se);
      // The Wald interval on R's Kenward-Roger SE and df (R's lmerTest gives the test, not the interval).
      const q = qt(0.975, ref.kenwardRoger.df);
      posted(model.ciLowerLimit, ref.kenwardRoger.estimate - q * ref.kenwardRoger.se);
      posted(model.ciUpperLimit, ref.kenwardRoger.estimate + q * ref.kenwardRoger.se);
      const perPatient = m.analyses.find((a: Json) => a.statisticalMethod === 'Paired t-test' && a.paramType === 'Slope');
      expect(perPatient.groupDescription).toMatch(new RegExp(`for the ${ref.perPatient.n} with`));
      expect(perPatient.pValue).toBe(postedP(ref.perPatient.pValue));
      posted(perPatient.paramValue, ref.perPatient.meanDifference);
      posted(perPatient.ciLowerLimit, ref.perPatient.ci[0]);
      posted(perPatient.ciUpperLimit, ref.perPatient.ci[1]);
    }
  });

  it('reads the slope intervals back through the results reader', () => {
    const r = readRecordResults({ resultsSection: writeRecordResults(alsData, { kind: 'by-arm' }, '2025-06-01').resultsSection });
    const roads = r.outcomes.measures.find((m) => m.title.includes('change in roads from'))!;
    const slope = roads.analyses.find((a) => a.statisticalMethod === 'Mixed Models Analysis')!;
    expect(slope).toMatchObject({ groupIds: ['OG000'], paramType: 'Slope', ci: { pct: 95, sides: 'TWO_SIDED' } });
    expect(slope.ci!.lower! < slope.paramValue! && slope.paramValue! < slope.ci!.upper!).toBe(true);
  });
});

describe('writeRecordResults against the registry records with posted results, for the model analyses', () => {
  const real = postedRecordFieldPaths();

  it('writes only such fields for the MMRM and slope analyses too (sle-il2 over four visits, als-il2)', () => {
    const more = new Set([
      ...fieldPaths(writeRecordResults(sleMmrmData, { kind: 'by-arm' }, '2025-06-01').resultsSection),
      ...fieldPaths(writeRecordResults(alsData, { kind: 'by-arm' }, '2025-06-01').resultsSection),
    ]);
    expect([...more].filter((f) => f.includes('.analyses[]'))).toContain('.outcomeMeasuresModule.outcomeMeasures[].analyses[].ciLowerLimit');
    expect([...more].filter((f) => !real.some((r) => r.has(f)))).toEqual([]);
  });
});
