import { describe, expect, it } from 'vitest';
import type { AnalysisData, AnalysisParticipant } from '../../../analysis/endpoints/types.js';
import { getBuiltinProtocol } from '../../../protocol/builtin/index.js';
import { readRecordResults } from './read-results.js';
import { fieldPaths, postedRecordFieldPaths } from './field-paths.test-helper.js';
import { writeRecordResults } from './write-results.js';

// A hand-built study of the sle-il2 protocol (arms "active" and "placebo"), counted by hand below.
const person = (id: string, armId: string | null, status: AnalysisParticipant['status'], dosesGiven: number, reason: string | null = null): AnalysisParticipant => ({
  id,
  code: id,
  sex: id.endsWith('1') ? 'female' : 'male',
  birthDate: '1980-01-01',
  status,
  statusReason: reason,
  armId,
  enrolledOn: armId === null ? null : '2025-01-01',
  startDate: armId === null ? null : '2025-01-02',
  dosesScheduled: 3,
  dosesGiven,
});
const participants = [
  person('A1', 'active', 'completed', 3),
  person('A2', 'active', 'withdrawn', 1, 'adverse event'),
  person('B1', 'placebo', 'completed', 2),
  person('B2', 'placebo', 'on-treatment', 0), // never dosed: in the ITT set, not at risk (safety set)
  person('S1', null, 'screening', 0), // not enrolled: nowhere
];
const ae = (participantId: string, term: string, serious: boolean) => ({ participantId, term, grade: serious ? 3 : 1, serious });
// SLEDAI-2K totals at week 0 and week 24 (the outcome's first and last visits): changes A1 −4, A2 −2, B1 −1, B2 0.
const score = (participantId: string, visitId: string, value: number) => ({ participantId, visitId, kind: 'score' as const, key: 'sledai-2k', value });
const data: AnalysisData = {
  protocol: getBuiltinProtocol('sle-il2'),
  participants,
  observations: [
    score('A1', 'week-0', 10),
    score('A1', 'week-24', 6),
    score('A2', 'week-0', 8),
    score('A2', 'week-24', 6),
    score('B1', 'week-0', 9),
    score('B1', 'week-24', 8),
    score('B2', 'week-0', 7),
    score('B2', 'week-24', 7),
  ],
  adverseEvents: [ae('A1', 'Pneumonia', true), ae('A1', 'Headache', false), ae('A1', 'Headache', false), ae('A2', 'Headache', false), ae('B1', 'Nausea', false), ae('B2', 'Headache', false)],
};
// biome-ignore lint/suspicious/noExplicitAny: the test walks the written JSON by the API field names.
type Json = Record<string, any>;

describe('writeRecordResults by arm (unblinded)', () => {
  const rs = writeRecordResults(data, { kind: 'by-arm' }, '2025-06-01').resultsSection as Json;

  it('writes the participant flow: 2 started per arm, 1 completed, 1 not (A2 withdrawn for an adverse event, B2 still on treatment)', () => {
    const pf = rs.participantFlowModule;
    expect(pf.groups).toEqual([
      { id: 'FG000', title: 'hrIL-2 active', description: `hrIL-2 active, subcutaneous: ${data.protocol.arms[0]!.interventions[0]!.regimen.description}` },
      { id: 'FG001', title: 'hrIL-2 placebo', description: "hrIL-2 placebo, subcutaneous: 1 million U doses of placebo s.c. injection, on the active arm's schedule" },
    ]);
    expect(pf.periods[0].milestones.map((m: Json) => [m.type, m.achievements.map((a: Json) => a.numSubjects)])).toEqual([
      ['STARTED', ['2', '2']],
      ['COMPLETED', ['1', '1']],
      ['NOT COMPLETED', ['1', '1']],
    ]);
    expect(pf.periods[0].dropWithdraws).toEqual([
      {
        type: 'adverse event',
        reasons: [
          { groupId: 'FG000', numSubjects: '1' },
          { groupId: 'FG001', numSubjects: '0' },
        ],
      },
    ]);
  });

  it('writes the baseline denominators per arm and the Total column, and sex counts', () => {
    const bm = rs.baselineCharacteristicsModule;
    expect(bm.denoms[0].counts).toEqual([
      { groupId: 'BG000', value: '2' },
      { groupId: 'BG001', value: '2' },
      { groupId: 'BG002', value: '4' },
    ]);
    const sex = bm.measures.find((m: Json) => m.title === 'Sex: Female, Male');
    // A1, B1 female; A2, B2 male.
    expect(sex.classes[0].categories.map((c: Json) => [c.title, c.measurements.map((x: Json) => x.value)])).toEqual([
      ['Female', ['1', '1', '2']],
      ['Male', ['1', '1', '2']],
    ]);
  });

  it('writes the primary SLEDAI-2K change per arm (active mean −3, placebo −0.5) with its analyses', () => {
    const m = rs.outcomeMeasuresModule.outcomeMeasures.find((x: Json) => x.title.includes('sledai-2k'));
    expect(m).toMatchObject({ type: 'PRIMARY', paramType: 'MEAN', timeFrame: data.protocol.outcomes.find((o) => o.id === 'clinical-response')!.timeFrame });
    expect(m.denoms[0].counts.map((c: Json) => c.value)).toEqual(['2', '2']);
    expect(m.classes[0].categories[0].measurements.map((x: Json) => x.value)).toEqual(['-3', '-0.5']);
    // Welch: changes active −4, −2 and placebo −1, 0: difference −2.5, SE √(2/2 + 0.5/2) = 1.118, t = −2.236 on 1.47 df.
    expect(m.analyses[0]).toMatchObject({ statisticalMethod: 'Welch Two Sample t-test', paramValue: '-2.5', ciPctValue: '95', ciNumSides: 'TWO_SIDED', estimateComment: 'active - placebo' });
    expect(Number(m.analyses[0].pValue)).toBeGreaterThan(0.15);
    expect(Number(m.analyses[0].pValue)).toBeLessThan(0.3);
    for (const a of m.analyses) expect(a.groupIds).toEqual(['OG000', 'OG001']);
  });

  it('writes adverse events by term: at risk 2 active (A1, A2) and 1 placebo (B1); B2 was never dosed', () => {
    const am = rs.adverseEventsModule;
    expect(am.eventGroups.map((g: Json) => [g.seriousNumAffected, g.seriousNumAtRisk, g.otherNumAffected, g.otherNumAtRisk])).toEqual([
      [1, 2, 2, 2],
      [0, 1, 1, 1],
    ]);
    const byTerm = (list: Json[]) => Object.fromEntries(list.map((t) => [t.term, t.stats.map((s: Json) => [s.numAffected, s.numAtRisk])]));
    expect(byTerm(am.seriousEvents)).toEqual({
      Pneumonia: [
        [1, 2],
        [0, 1],
      ],
    });
    // Headache: A1 twice counts once; B2 is not at risk.
    expect(byTerm(am.otherEvents)).toEqual({
      Headache: [
        [2, 2],
        [0, 1],
      ],
      Nausea: [
        [0, 2],
        [1, 1],
      ],
    });
  });

  it('reads back through the results reader with the same counts', () => {
    const r = readRecordResults({ resultsSection: rs });
    expect(r.flow.milestones.map((m) => [m.type, m.counts])).toEqual([
      ['STARTED', { FG000: 2, FG001: 2 }],
      ['COMPLETED', { FG000: 1, FG001: 1 }],
      ['NOT COMPLETED', { FG000: 1, FG001: 1 }],
    ]);
    expect(r.baseline.denoms).toEqual({ BG000: 2, BG001: 2, BG002: 4 });
    const sledai = r.outcomes.measures.find((m) => m.title.includes('sledai-2k'));
    expect(sledai?.denoms).toEqual({ OG000: 2, OG001: 2 });
    expect(sledai?.analyses[0]).toMatchObject({ groupIds: ['OG000', 'OG001'], statisticalMethod: 'Welch Two Sample t-test', paramValue: -2.5, ci: { pct: 95, sides: 'TWO_SIDED' } });
    expect(r.adverseEvents.groups.map((g) => [g.id, g.seriousAffected, g.seriousAtRisk, g.otherAffected, g.otherAtRisk])).toEqual([
      ['EG000', 1, 2, 2, 2],
      ['EG001', 0, 1, 1, 1],
    ]);
    expect(r.adverseEvents.serious).toEqual([{ term: 'Pneumonia', stats: { EG000: { affected: 1, atRisk: 2 }, EG001: { affected: 0, atRisk: 1 } } }]);
    expect(r.adverseEvents.other.map((t) => [t.term, t.stats])).toEqual([
      ['Headache', { EG000: { affected: 2, atRisk: 2 }, EG001: { affected: 0, atRisk: 1 } }],
      ['Nausea', { EG000: { affected: 0, atRisk: 2 }, EG001: { affected: 1, atRisk: 1 } }],
    ]);
  });
});

describe('writeRecordResults pooled (blinded)', () => {
  const rs = writeRecordResults(data, { kind: 'pooled' }, '2025-06-01').resultsSection as Json;

  it('writes one group of all participants, no arm names and no between-arm analyses, with the pooled counts', () => {
    const text = JSON.stringify(rs);
    expect(text).not.toContain('hrIL-2');
    expect(text).not.toContain('"analyses"');
    const r = readRecordResults({ resultsSection: rs });
    expect(r.flow.groups).toEqual([{ id: 'FG000', title: 'All participants' }]);
    expect(r.flow.milestones.map((m) => m.counts)).toEqual([{ FG000: 4 }, { FG000: 2 }, { FG000: 2 }]);
    expect(r.baseline.denoms).toEqual({ BG000: 4 });
    expect(r.adverseEvents.other.map((t) => [t.term, t.stats])).toEqual([
      ['Headache', { EG000: { affected: 2, atRisk: 3 } }],
      ['Nausea', { EG000: { affected: 1, atRisk: 3 } }],
    ]);
  });
});

describe('writeRecordResults against the registry records with posted results', () => {
  const real = postedRecordFieldPaths();
  const written = fieldPaths(writeRecordResults(data, { kind: 'by-arm' }, '2025-06-01').resultsSection);

  it('writes only fields the registry itself uses: every written field path occurs in a real record', () => {
    expect([...written].filter((f) => !real.some((r) => r.has(f)))).toEqual([]);
  });

  it('writes every field all three records share, except moreInfoModule (the sponsor contact and agreements, which the protocol does not hold)', () => {
    const shared = [...real[0]!].filter((f) => real.every((r) => r.has(f)) && !f.startsWith('.moreInfoModule'));
    expect(shared.length).toBeGreaterThan(50);
    expect(shared.filter((f) => !written.has(f))).toEqual([]);
  });

  it('counts deaths as participants with a CTCAE grade 5 event, at risk the safety set', () => {
    const died = { ...data, adverseEvents: [...data.adverseEvents, { participantId: 'A2', term: 'Sepsis', grade: 5, serious: true }] };
    const groups = (writeRecordResults(died, { kind: 'by-arm' }, '2025-06-01').resultsSection as Json).adverseEventsModule.eventGroups;
    expect(groups.map((g: Json) => [g.deathsNumAffected, g.deathsNumAtRisk])).toEqual([
      [1, 2],
      [0, 1],
    ]);
  });
});
