import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { analyseStudy } from './analyse-study.js';
import type { EndpointTest } from './endpoint-test.js';
import { person, scores } from './test-data.js';
import type { AnalysisData, AnalysisObservation } from './types.js';

/** R 4.2.2 reference values (nlme, lme4 + lmerTest for Kenward-Roger): fixtures/make-fixtures.R wrote fixtures/endpoint-fixtures.json and the CSV data beside it. */
const fixtureDir = new URL('./fixtures/', import.meta.url);
const r = JSON.parse(readFileSync(new URL('endpoint-fixtures.json', fixtureDir), 'utf8'));
const csv = (name: string) => {
  const [head, ...lines] = readFileSync(new URL(name, fixtureDir), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
};
const find = <K extends EndpointTest['kind']>(tests: readonly EndpointTest[] | undefined, kind: K) => {
  const t = tests?.find((x) => x.kind === kind);
  if (!t) throw new Error(`no ${kind} test`);
  return t as Extract<EndpointTest, { kind: K }>;
};

/** `responders` of `n` in an arm, the first `missing` of the non-responders without the week-24 value. */
function arm(prefix: string, armId: string, n: number, responders: number, missing: number) {
  const participants = Array.from({ length: n }, (_, i) => person(`${prefix}${i + 1}`, armId));
  const values: Record<string, Record<string, number>> = Object.fromEntries(
    participants.map((p, i): [string, Record<string, number>] => [
      p.id,
      i < responders ? { 'week-0': 10, 'week-24': 6 } : i < responders + missing ? { 'week-0': 10 } : { 'week-0': 10, 'week-24': 9 },
    ]),
  );
  return { participants, observations: scores('essdai', values) };
}

describe('ss-il2 ESSDAI ≥ 3-point responder at week 24 (missing = non-responder)', () => {
  it("reproduces the published 20/30 vs 8/30, Fisher's exact P = .004 (He et al. JAMA Netw Open 2022)", () => {
    // 3 placebo and 2 active participants lack week 24: non-responders, as the published ITT counts them.
    const a = arm('A', 'active', 30, 20, 2);
    const p = arm('P', 'placebo', 30, 8, 3);
    const data: AnalysisData = {
      protocol: getBuiltinProtocol('ss-il2'),
      participants: [...a.participants, ...p.participants],
      observations: [...a.observations, ...p.observations],
      adverseEvents: [],
    };
    const e = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((x) => x.outcomeId === 'essdai-improvement' && x.analysisSet === 'itt')!;
    const res = e.responders![0]!;
    expect(res).toMatchObject({ definition: 'ESSDAI improvement ≥ 3', toVisit: 'week-24' });
    expect(res.byArm).toEqual([
      { armId: 'active', n: 30, responders: 20, rate: 2 / 3, missing: 2 },
      { armId: 'placebo', n: 30, responders: 8, rate: 8 / 30, missing: 3 },
    ]);
    expect(find(res.tests, 'fisher').result.pValue).toBeCloseTo(r.published.essdaiFisher, 12);
    expect(find(res.tests, 'fisher').result.pValue.toFixed(3)).toBe('0.004');
    // Tipping point: (2 + 1) × (3 + 1) re-imputations of the 2 active and 3 placebo participants without week 24.
    expect(res.tippingPoint!.grid).toHaveLength(3 * 4);
    expect(e.estimand?.summaryMeasure).toMatch(/Fisher/);
  });

  it('tipping-point grid matches R fisher.test on every re-imputation (4/7 with 2 missing vs 1/6 with 1 missing)', () => {
    const a = arm('A', 'active', 7, 4, 2);
    const p = arm('P', 'placebo', 6, 1, 1);
    const data: AnalysisData = {
      protocol: getBuiltinProtocol('ss-il2'),
      participants: [...a.participants, ...p.participants],
      observations: [...a.observations, ...p.observations],
      adverseEvents: [],
    };
    const res = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((x) => x.outcomeId === 'essdai-improvement' && x.analysisSet === 'itt')!.responders![0]!;
    const grid = res.tippingPoint!.grid;
    for (const cell of r.tipping as { otherResponders: number; referenceResponders: number; pValue: number }[]) {
      const mine = grid.find((g) => g.otherResponders === cell.otherResponders && g.referenceResponders === cell.referenceResponders)!;
      expect(mine.pValue).toBeCloseTo(cell.pValue, 10);
    }
  });
});

describe('sle-il2 SRI-4 at week 24', () => {
  it('reproduces the published 19/29 vs 11/30, uncorrected chi-square P = 0.027 (He et al. Ann Rheum Dis 2020)', () => {
    const obs: AnalysisObservation[] = [];
    const participants = [...Array.from({ length: 29 }, (_, i) => person(`A${i}`, 'active')), ...Array.from({ length: 30 }, (_, i) => person(`P${i}`, 'placebo'))];
    participants.forEach((p, i) => {
      const responder = p.armId === 'active' ? i < 19 : i - 29 < 11;
      obs.push(...scores('sledai-2k', { [p.id]: { 'week-0': 12, 'week-24': responder ? 6 : 10 } }), ...scores('pga', { [p.id]: { 'week-0': 2, 'week-24': 1 } }));
      obs.push({ participantId: p.id, visitId: 'week-24', kind: 'item', key: 'pga.newBilagA', value: 0 }, { participantId: p.id, visitId: 'week-24', kind: 'item', key: 'pga.newBilagB', value: 0 });
    });
    const data: AnalysisData = { protocol: getBuiltinProtocol('sle-il2'), participants, observations: obs, adverseEvents: [] };
    const res = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((x) => x.outcomeId === 'clinical-response' && x.analysisSet === 'itt')!.responders!;
    const week24 = res.find((x) => x.toVisit === 'week-24')!;
    expect(week24.byArm!.map((c) => [c.responders, c.n])).toEqual([
      [19, 29],
      [11, 30],
    ]);
    const chi = find(week24.tests, 'chi-square').result;
    expect(chi.method).toBe("Pearson's Chi-squared test");
    expect(chi.pValue).toBeCloseTo(r.published.sri4Week24ChiSquare, 12);
    expect(chi.pValue.toFixed(3)).toBe('0.027');
  });
});

describe('ae-il2 mRS as an ordinal outcome (10 participants, 2 without week 21)', () => {
  const rows = csv('mrs.csv');
  const data: AnalysisData = {
    protocol: getBuiltinProtocol('ae-il2'),
    participants: rows.map((x) => person(x.id!, null)),
    observations: rows.flatMap((x) => scores('mrs', { [x.id!]: { baseline: Number(x.baseline), ...(x.week21 ? { 'week-21': Number(x.week21) } : {}) } })),
    adverseEvents: [],
  };
  const m = analyseStudy(data, { kind: 'by-arm' }).endpoints.find((x) => x.outcomeId === 'mrs' && x.analysisSet === 'itt')!.measures[0]!;

  it('signed-rank, never a paired t-test', () => {
    expect(m.tests!.map((t) => t.kind)).toEqual(['signed-rank', 'shift', 'proportion-improved']);
    const w = find(m.tests, 'signed-rank').result;
    expect(w.statistic).toBe(r.mrs.signedRank.statistic);
    expect(w.pValue).toBeCloseTo(r.mrs.signedRank.pValue, 10);
  });

  it('the shift table and the proportion improved by ≥ 1 grade with its Clopper–Pearson interval (R binom.test)', () => {
    const shift = find(m.tests, 'shift');
    expect(shift).toMatchObject({ n: 8, missing: 2 });
    expect([...shift.table].sort((a, b) => a.from - b.from || a.to - b.to)).toEqual(
      [...r.mrs.shift].sort((a: { from: number; to: number }, b: { from: number; to: number }) => a.from - b.from || a.to - b.to),
    );
    const prop = find(m.tests, 'proportion-improved');
    expect(prop).toMatchObject({ improved: r.mrs.improved, n: r.mrs.n, missing: 2 });
    expect(prop.result.ci![0]).toBeCloseTo(r.mrs.ci[0], 8);
    expect(prop.result.ci![1]).toBeCloseTo(r.mrs.ci[1], 8);
    expect(prop.result.pValue).toBeCloseTo(r.mrs.binomPValue, 10);
  });
});

describe('als-il2 slopes for every ALS scale, in points per month (9 participants, 3 visits missing)', () => {
  const rows = csv('als-scales.csv');
  const keys = { 'alsfrs-r': 'alsfrs_r', roads: 'roads', 'alsaq-40': 'alsaq_40', mrc: 'mrc' } as const;
  const observations = rows.flatMap((x) =>
    Object.entries(keys).map(([instrument, col]) => ({ participantId: x.id!, visitId: `week-${x.week}`, kind: 'score' as const, key: instrument, value: Number(x[col]) })),
  );
  const ids = [...new Set(rows.map((x) => x.id!))];
  const data: AnalysisData = { protocol: getBuiltinProtocol('als-il2'), participants: ids.map((id) => person(id, null)), observations, adverseEvents: [] };
  const endpoints = analyseStudy(data, { kind: 'by-arm' }).endpoints.filter((e) => e.analysisSet === 'itt');

  it('every slope outcome of the protocol is one of the four scales here', () => {
    const slopeOutcomes = getBuiltinProtocol('als-il2').outcomes.filter((o) => o.slope !== undefined);
    expect([...new Set(slopeOutcomes.map((o) => o.instrument))].sort()).toEqual(Object.keys(keys).sort());
  });

  it.each(Object.keys(keys))('%s: "slope during follow-up minus slope during administration" equals lmerTest (Kenward-Roger), and per-patient slopes equal R t.test', (instrument) => {
    const ref = r.piecewise[instrument];
    const measured = endpoints.filter((x) => x.instrument === instrument);
    expect(measured.length).toBeGreaterThan(0);
    for (const e of measured) {
      expect(e.estimand?.summaryMeasure).toMatch(/points per month/);
      const pw = find(e.measures[0]!.tests, 'piecewise');
      expect(pw).toMatchObject({ unit: 'points per month', daysPerMonth: 30.4375, df: 'kenward-roger', knotWeek: 24 });
      expect(pw.slopes.administration).toBeCloseTo(ref.slopeAdministration, 6);
      expect(pw.slopes.followUp).toBeCloseTo(ref.slopeFollowUp, 6);
      const c = pw.contrasts[0]!;
      expect(c.term).toBe('slope during follow-up minus slope during administration');
      expect(c.estimate).toBeCloseTo(ref.kenwardRoger.estimate, 6);
      expect(c.se).toBeCloseTo(ref.kenwardRoger.se, 6);
      expect(c.df).toBeCloseTo(ref.kenwardRoger.df, 4);
      expect(c.pValue).toBeCloseTo(ref.kenwardRoger.pValue, 6);
      // Kenward-Roger is not lme's df (13 = 23 observations − 9 participants − 1): the small-sample correction shows.
      expect(ref.lme.df).toBe(13);
      expect(c.df).toBeGreaterThan(13);
      const pp = find(e.measures[0]!.tests, 'per-patient-slopes');
      expect(pp).toMatchObject({ n: ref.perPatient.n, excluded: 3, unit: 'points per month' });
      expect(pp.result.estimate).toBeCloseTo(ref.perPatient.meanDifference, 8);
      expect(pp.result.pValue).toBeCloseTo(ref.perPatient.pValue, 8);
      expect(pp.result.df).toBe(ref.perPatient.df);
      expect(pp.result.ci![0]).toBeCloseTo(ref.perPatient.ci[0], 8);
      expect(pp.result.ci![1]).toBeCloseTo(ref.perPatient.ci[1], 8);
    }
  });
});
