import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { analyseStudy } from './analyse-study.js';
import { person } from './test-data.js';
import type { AnalysisData, AnalysisObservation } from './types.js';

const item = (participantId: string, visitId: string, key: string, value: number): AnalysisObservation => ({ participantId, visitId, kind: 'item', key, value });

describe('an outcome measured by a defined form without a score (ALS NfL in serum and CSF)', () => {
  const data: AnalysisData = {
    protocol: getBuiltinProtocol('als-il2'),
    participants: ['X1', 'X2'].map((id) => person(id, 'il2')),
    observations: [
      item('X1', 'week-0', 'nfl.serum', 80),
      item('X2', 'week-0', 'nfl.serum', 100),
      item('X1', 'week-48', 'nfl.serum', 70),
      item('X2', 'week-48', 'nfl.serum', 96),
      item('X1', 'week-0', 'nfl.csf', 4200),
      // another form's item is not NfL's
      item('X1', 'week-0', 'als-labs.ck', 150),
    ],
    adverseEvents: [],
  };

  it("is analysed per number item of the form: serum and CSF, each visit's summary and the change to the last visit", () => {
    const nfl = analyseStudy(data, { kind: 'pooled' }).endpoints.find((e) => e.outcomeId === 'nfl' && e.analysisSet === 'itt')!;
    expect(nfl.measures.map((m) => m.key)).toEqual(['nfl.serum', 'nfl.csf']);
    const [serum, csf] = nfl.measures;
    // Week 0: 80 and 100 → mean 90; week 48: 70 and 96 → mean 83; changes −10 and −4 → mean −7.
    expect(serum!.visits.map((v) => [v.visitId, v.pooled.n, v.pooled.mean])).toEqual([
      ['week-0', 2, 90],
      ['week-24', 0, null],
      ['week-48', 2, 83],
    ]);
    expect(serum!.change).toMatchObject({ fromVisit: 'week-0', toVisit: 'week-48', pooled: { n: 2, mean: -7 } });
    expect(csf!.visits[0]!.pooled).toMatchObject({ n: 1, mean: 4200 });
  });

  it('a scored instrument keeps its one measure under the instrument id', () => {
    const roads = analyseStudy(data, { kind: 'pooled' }).endpoints.find((e) => e.outcomeId === 'roads-rate' && e.analysisSet === 'itt')!;
    expect(roads.measures.map((m) => m.key)).toEqual(['roads']);
  });
});
