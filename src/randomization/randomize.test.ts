import { describe, expect, it } from 'vitest';
import { deriveSeed } from './keyed-stream.js';
import { generateList, initialRandomizationState, nextAssignment, type Assignment, type RandomizationState } from './randomize.js';
import { buildDesign } from './scheme.js';

const arms = [
  { id: 'active', ratio: 1 },
  { id: 'placebo', ratio: 1 },
];
const seedA = deriveSeed(new Uint8Array(32).fill(1), 'trial');
const seedB = deriveSeed(new Uint8Array(32).fill(2), 'trial');
const blocks = buildDesign({ scheme: 'permuted-blocks', blockSizes: [2, 4], strata: ['site', 'severity'], levels: { severity: ['moderate', 'high'] } }, arms, ['s1', 's2']);

/** Randomize a cohort one participant at a time, as a store would, round-tripping the state through JSON. */
function runCohort(seed: Uint8Array, cohort: readonly Record<string, string>[], design = blocks): Assignment[] {
  let state: RandomizationState = initialRandomizationState;
  return cohort.map((c) => {
    const step = nextAssignment(design, seed, state, c);
    state = JSON.parse(JSON.stringify(step.state)) as RandomizationState;
    return step.assignment;
  });
}

const cohort = Array.from({ length: 40 }, (_, i) => ({ site: i % 3 === 0 ? 's2' : 's1', severity: i % 5 < 2 ? 'high' : 'moderate' }));

describe('concealed sequences', () => {
  it('reproduce exactly from the same seed, and differ with another seed', () => {
    const first = generateList(blocks, seedA, { site: 's1', severity: 'high' }, 50);
    expect(generateList(blocks, seedA, { site: 's1', severity: 'high' }, 50)).toEqual(first);
    const other = generateList(blocks, seedB, { site: 's1', severity: 'high' }, 50);
    expect(other.map((e) => e.armId)).not.toEqual(first.map((e) => e.armId));
    expect(runCohort(seedA, cohort)).toEqual(runCohort(seedA, cohort));
    expect(runCohort(seedB, cohort).map((a) => a.armId)).not.toEqual(runCohort(seedA, cohort).map((a) => a.armId));
  });

  it('keep a separate sequence per stratum', () => {
    const s1 = generateList(blocks, seedA, { site: 's1', severity: 'high' }, 50).map((e) => e.armId);
    const s2 = generateList(blocks, seedA, { site: 's2', severity: 'high' }, 50).map((e) => e.armId);
    expect(s2).not.toEqual(s1);
  });

  it("allocate each participant the next entry of their stratum's list, interleaved across strata", () => {
    const assigned = runCohort(seedA, cohort);
    for (const stratum of [
      { site: 's1', severity: 'high' },
      { site: 's1', severity: 'moderate' },
      { site: 's2', severity: 'high' },
      { site: 's2', severity: 'moderate' },
    ]) {
      const key = `site=${stratum.site}|severity=${stratum.severity}`;
      const inStratum = assigned.filter((a) => a.stratum === key);
      const list = generateList(blocks, seedA, stratum, inStratum.length);
      expect(inStratum.map((a) => a.armId)).toEqual(list.map((e) => e.armId));
      expect(inStratum.map((a) => a.stratumIndex)).toEqual(list.map((e) => e.index));
      expect(inStratum.map((a) => a.block)).toEqual(list.map((e) => e.block));
    }
    expect(assigned.map((a) => a.sequence)).toEqual(cohort.map((_, i) => i + 1));
  });

  it("count each arm's participants so that kits can be taken in order", () => {
    const assigned = runCohort(seedA, cohort);
    const seen: Record<string, number> = {};
    for (const a of assigned) {
      expect(a.armOrdinal).toBe(seen[a.armId] ?? 0);
      seen[a.armId] = a.armOrdinal + 1;
    }
  });

  it('simple randomization is reproducible and matches its list', () => {
    const simple = buildDesign({ scheme: 'simple' }, arms, ['s1']);
    const assigned = runCohort(
      seedA,
      Array.from({ length: 30 }, () => ({})),
      simple,
    );
    expect(assigned.map((a) => a.armId)).toEqual(generateList(simple, seedA, {}, 30).map((e) => e.armId));
    expect(new Set(assigned.map((a) => a.armId))).toEqual(new Set(['active', 'placebo']));
  });

  it('refuses covariates that are missing or not a declared level, and lists for minimization', () => {
    expect(() => nextAssignment(blocks, seedA, initialRandomizationState, { site: 's1' })).toThrow(
      expect.objectContaining({ code: 'RANDOMIZATION_MISSING_FACTOR', message: 'The participant has no value for factor "severity".' }),
    );
    expect(() => nextAssignment(blocks, seedA, initialRandomizationState, { site: 's9', severity: 'high' })).toThrow(
      expect.objectContaining({ code: 'RANDOMIZATION_UNKNOWN_FACTOR_LEVEL', message: 'Factor "site" has no level "s9" (levels: s1, s2).' }),
    );
    const minimization = buildDesign({ scheme: 'minimization', factors: ['site'] }, arms, ['s1']);
    expect(() => generateList(minimization, seedA, { site: 's1' }, 5)).toThrow(expect.objectContaining({ code: 'RANDOMIZATION_NOT_A_LIST_SCHEME' }));
  });

  it('the state holds counts and positions only, never upcoming allocations', () => {
    let state: RandomizationState = initialRandomizationState;
    state = nextAssignment(blocks, seedA, state, { site: 's1', severity: 'high' }).state;
    expect(state).toEqual({
      randomized: 1,
      armCounts: expect.any(Object),
      strata: { 'site=s1|severity=high': { next: 1, block: 0, blockStart: 0 } },
      margins: {},
    });
  });
});
