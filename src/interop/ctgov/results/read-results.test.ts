import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../errors/app-error.js';
import { readRecordResults } from './read-results.js';

const record = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

// Expected values are those of fixtures/results_oracles.md (extracted from the records by others) and, for the
// participant flow and adverse events, read off the record by hand.
describe('the results section of the three records with posted results', () => {
  it('NCT02210780: flow, the primary outcome and the IGA analysis, serious events by term', () => {
    const r = readRecordResults(record('NCT02210780.json'));
    expect(r.flow.groups.map((g) => g.title)).toEqual(['Placebo qw', 'Dupilumab 300 mg qw']);
    expect(r.flow.milestones.slice(0, 2)).toEqual([
      { period: 'Overall Study', type: 'STARTED', counts: { FG000: 97, FG001: 97 } },
      { period: 'Overall Study', type: 'COMPLETED', counts: { FG000: 92, FG001: 89 } },
    ]);
    expect(r.baseline.denoms).toEqual({ BG000: 97, BG001: 97, BG002: 194 });
    const [primary] = r.outcomes.measures;
    expect(primary).toMatchObject({ type: 'PRIMARY', paramType: 'NUMBER', timeFrame: 'Week 16', denoms: { OG000: 92, OG001: 90 } });
    expect(primary?.values.map((v) => v.value)).toEqual(['83.7', '83.3']);
    const iga = r.outcomes.measures.find((m) => m.title.startsWith("Percentage of Participants Achieving an Investigator's Global Assessment"));
    expect(iga?.denoms).toEqual({ OG000: 97, OG001: 97 });
    expect(iga?.analyses[0]).toMatchObject({ statisticalMethod: 'Cochran-Mantel-Haenszel', pValue: '<0.0001', paramValue: 34.0, ci: { pct: 90, sides: 'TWO_SIDED', lower: 24.29, upper: 43.75 } });
    expect(r.adverseEvents.groups[0]).toMatchObject({ id: 'EG000', seriousAffected: 0, seriousAtRisk: 97, otherAffected: 29, otherAtRisk: 97 });
    expect(r.adverseEvents.serious[0]).toEqual({
      term: 'Serum sickness-like reaction',
      organSystem: 'Immune system disorders',
      stats: { EG000: { affected: 0, atRisk: 97 }, EG001: { affected: 1, atRisk: 97 } },
    });
  });

  it('NCT02552212: ASDAS-MI at week 52 with its logistic-regression odds ratio, 31 outcome measures', () => {
    const r = readRecordResults(record('NCT02552212.json'));
    expect(r.outcomes.measures).toHaveLength(31);
    const [first] = r.outcomes.measures;
    expect(first?.denoms).toEqual({ OG000: 158, OG001: 159 });
    expect(first?.values.map((v) => v.value)).toEqual(['7.0', '47.2']);
    expect(first?.analyses[0]).toMatchObject({
      statisticalMethod: 'Regression, Logistic',
      pValue: '<0.001',
      paramType: 'Odds Ratio (OR)',
      paramValue: 15.231,
      ci: { pct: 95, lower: 7.336, upper: 31.623 },
    });
  });

  it('NCT00763412: BMI as means with full ranges, 9 outcome measures', () => {
    const r = readRecordResults(record('NCT00763412.json'));
    expect(r.outcomes.measures).toHaveLength(9);
    const bmi = r.outcomes.measures[0];
    expect(bmi).toMatchObject({ title: 'BMI', paramType: 'MEAN', denoms: { OG000: 4, OG001: 4 } });
    expect(bmi?.values.map((v) => [v.value, v.lower, v.upper])).toEqual([
      ['19.63', '15.56', '22.64'],
      ['21.19', '20.78', '21.8'],
    ]);
  });

  it('a count referring to an undefined group is refused naming the field', () => {
    const r = record('NCT02210780.json');
    r.resultsSection.adverseEventsModule.seriousEvents[0].stats[0].groupId = 'EG009';
    try {
      readRecordResults(r);
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as AppError).code).toBe('CTGOV_RESULTS_MALFORMED');
      expect((e as AppError).message).toBe('resultsSection.adverseEventsModule.seriousEvents[0].stats[0] refers to group "EG009", which eventGroups does not define.');
    }
  });
});
