import { describe, expect, it } from 'vitest';
import { deriveSeed } from './keyed-stream.js';
import { addToMargins, minimizationChoice, minimizationScores, type MarginCounts } from './minimization.js';
import { initialRandomizationState, nextAssignment, type RandomizationState } from './randomize.js';
import { buildDesign, type RandomizationDesign } from './scheme.js';

/**
 * Run minimization with fixed uniforms u1 = u2 = 0. With p = 1 the minimizing arm is always taken,
 * and u2 = 0 resolves a tie to the FIRST tied arm in arm order (pickWeighted returns the first arm
 * whose cumulative weight exceeds 0). That is the tie rule of the hand calculations below.
 */
function allocateByHand(design: RandomizationDesign, cohort: readonly Record<string, string>[]) {
  let margins: MarginCounts = {};
  return cohort.map((c) => {
    const scores = minimizationScores(design, margins, c);
    const { armId } = minimizationChoice(design, scores, 0, 0);
    margins = addToMargins(design, margins, c, armId);
    return { scores, armId };
  });
}

describe('Pocock–Simon minimization', () => {
  it('follows a hand-worked allocation over three weighted factors (range, p = 1)', () => {
    const design = buildDesign(
      {
        scheme: 'minimization',
        factors: [
          { id: 'sex', weight: 1 },
          { id: 'severity', weight: 2 },
          { id: 'site', weight: 1 },
        ],
        measure: 'range',
        probability: 1,
        levels: { sex: ['F', 'M'], severity: ['moderate', 'high'] },
      },
      [
        { id: 'A', ratio: 1 },
        { id: 'B', ratio: 1 },
      ],
      ['s1', 's2'],
    );
    /*
     * Counts are (A, B) at the participant's level; "A→" is the range if the participant joins A.
     * G = 1·d(sex) + 2·d(severity) + 1·d(site).
     * P1 F high s1: all (0,0). A→ 1,1,1: G_A = 1+2+1 = 4; B→ same, G_B = 4. Tie → A.
     * P2 F high s2: F (1,0), high (1,0), s2 (0,0).
     *    A→ F(2,0)=2, high(2,0)=2, s2(1,0)=1: G_A = 2+4+1 = 7.  B→ 0,0,1: G_B = 1. → B
     * P3 M high s1: M (0,0), high (1,1), s1 (1,0).
     *    A→ 1, 1, s1(2,0)=2: G_A = 1+2+2 = 5.  B→ 1, 1, s1(1,1)=0: G_B = 1+2+0 = 3. → B
     * P4 F moderate s1: F (1,1), moderate (0,0), s1 (1,1).
     *    A→ 1,1,1: G_A = 1+2+1 = 4; B→ 1,1,1: G_B = 4. Tie → A
     * P5 M moderate s2: M (0,1), moderate (1,0), s2 (0,1).
     *    A→ M(1,1)=0, mod(2,0)=2, s2(1,1)=0: G_A = 0+4+0 = 4.
     *    B→ M(0,2)=2, mod(1,1)=0, s2(0,2)=2: G_B = 2+0+2 = 4. Tie → A
     * P6 F high s1: F (2,1), high (1,2), s1 (2,1).
     *    A→ F(3,1)=2, high(2,2)=0, s1(3,1)=2: G_A = 2+0+2 = 4.
     *    B→ F(2,2)=0, high(1,3)=2, s1(2,2)=0: G_B = 0+4+0 = 4. Tie → A
     *    (unweighted it would be 4 vs 2 → B: the severity weight decides this one)
     * P7 F moderate s2: F (3,1), moderate (2,0), s2 (1,1).
     *    A→ F(4,1)=3, mod(3,0)=3, s2(2,1)=1: G_A = 3+6+1 = 10.
     *    B→ F(3,2)=1, mod(2,1)=1, s2(1,2)=1: G_B = 1+2+1 = 4. → B
     * P8 M high s1: M (1,1), high (2,2), s1 (3,1).
     *    A→ 1, 1, s1(4,1)=3: G_A = 1+2+3 = 6.  B→ 1, 1, s1(3,2)=1: G_B = 1+2+1 = 4. → B
     */
    const cohort = [
      { sex: 'F', severity: 'high', site: 's1' },
      { sex: 'F', severity: 'high', site: 's2' },
      { sex: 'M', severity: 'high', site: 's1' },
      { sex: 'F', severity: 'moderate', site: 's1' },
      { sex: 'M', severity: 'moderate', site: 's2' },
      { sex: 'F', severity: 'high', site: 's1' },
      { sex: 'F', severity: 'moderate', site: 's2' },
      { sex: 'M', severity: 'high', site: 's1' },
    ];
    const run = allocateByHand(design, cohort);
    expect(run.map((r) => r.scores)).toEqual([
      [4, 4],
      [7, 1],
      [5, 3],
      [4, 4],
      [4, 4],
      [4, 4],
      [10, 4],
      [6, 4],
    ]);
    expect(run.map((r) => r.armId)).toEqual(['A', 'B', 'B', 'A', 'A', 'A', 'B', 'B']);
  });

  it('adjusts counts by the allocation ratio for 2:1 (hand-worked, one factor, range)', () => {
    const design = buildDesign(
      { scheme: 'minimization', factors: ['site'], probability: 1 },
      [
        { id: 'A', ratio: 2 },
        { id: 'B', ratio: 1 },
      ],
      ['s1'],
    );
    /*
     * Adjusted counts are (n_A/2, n_B/1).
     * P1 (0,0): A→(0.5,0) 0.5; B→(0,1) 1 → A.    P2 (1,0): A→(1,0) 1; B→(0.5,1) 0.5 → B.
     * P3 (1,1): A→(1,1) 0; B→(0.5,2) 1.5 → A.    P4 (2,1): A→(1.5,1) 0.5; B→(1,2) 1 → A.
     * P5 (3,1): A→(2,1) 1; B→(1.5,2) 0.5 → B.    P6 (3,2): A→(2,2) 0; B→(1.5,3) 1.5 → A.
     * Six participants: 4 A and 2 B, exactly 2:1.
     */
    const run = allocateByHand(
      design,
      Array.from({ length: 6 }, () => ({ site: 's1' })),
    );
    expect(run.map((r) => r.scores)).toEqual([
      [0.5, 1],
      [1, 0.5],
      [0, 1.5],
      [0.5, 1],
      [1, 0.5],
      [0, 1.5],
    ]);
    expect(run.map((r) => r.armId)).toEqual(['A', 'B', 'A', 'A', 'B', 'A']);
  });

  it('scores by population variance when asked (three arms, hand-worked)', () => {
    const design = buildDesign(
      { scheme: 'minimization', factors: ['site'], measure: 'variance' },
      ['A', 'B', 'C'].map((id) => ({ id, ratio: 1 })),
      ['s1'],
    );
    /*
     * Counts at s1 are (2, 0, 1). Joining A gives (3,0,1): mean 4/3, variance ((5/3)²+(4/3)²+(1/3)²)/3 = 42/27.
     * Joining B gives (2,1,1): (4/9+1/9+1/9)/3 = 6/27. Joining C gives (2,0,2): (4/9+16/9+4/9)/3 = 24/27.
     */
    const margins: MarginCounts = { site: { s1: { A: 2, C: 1 } } };
    const scores = minimizationScores(design, margins, { site: 's1' });
    [42 / 27, 6 / 27, 24 / 27].forEach((v, i) => expect(scores[i]).toBeCloseTo(v, 12));
    expect(minimizationChoice(design, scores, 0, 0).armId).toBe('B');
  });

  it('takes a non-minimizing arm, by ratio, when u1 ≥ p, and breaks ties at random by ratio', () => {
    const design = buildDesign(
      { scheme: 'minimization', factors: ['site'], probability: 0.8 },
      [
        { id: 'A', ratio: 1 },
        { id: 'B', ratio: 1 },
        { id: 'C', ratio: 2 },
      ],
      ['s1'],
    );
    // Scores [1, 3, 2]: A is preferred. u1 = 0.9 ≥ 0.8, so B or C by weights 1:2; u2 = 0.5 → 1.5 of 3 falls in C.
    expect(minimizationChoice(design, [1, 3, 2], 0.9, 0.5)).toEqual({ armId: 'C', preferred: ['A'] });
    expect(minimizationChoice(design, [1, 3, 2], 0.9, 0.2)).toEqual({ armId: 'B', preferred: ['A'] });
    expect(minimizationChoice(design, [1, 3, 2], 0.79, 0.99).armId).toBe('A');
    // A and C tie: weights 1:2, u2 = 0.5 → 1.5 of 3 falls in C; u2 = 0.3 → 0.9 falls in A.
    expect(minimizationChoice(design, [1, 3, 1], 0.1, 0.5).armId).toBe('C');
    expect(minimizationChoice(design, [1, 3, 1], 0.1, 0.3).armId).toBe('A');
  });

  it('through nextAssignment: reproducible from the seed, state in plain counts', () => {
    const design = buildDesign(
      { scheme: 'minimization', factors: ['site'], probability: 0.8 },
      [
        { id: 'A', ratio: 1 },
        { id: 'B', ratio: 1 },
      ],
      ['s1', 's2'],
    );
    const run = (seed: Uint8Array) => {
      let state: RandomizationState = initialRandomizationState;
      return Array.from({ length: 30 }, (_, i) => {
        const step = nextAssignment(design, seed, state, { site: i % 2 ? 's1' : 's2' });
        state = step.state;
        return step;
      });
    };
    const seed = deriveSeed(new Uint8Array(32), 'm');
    const steps = run(seed);
    expect(steps.map((s) => s.assignment.armId)).toEqual(run(seed).map((s) => s.assignment.armId));
    expect(steps.map((s) => s.assignment.armId)).not.toEqual(run(deriveSeed(seed, 'other')).map((s) => s.assignment.armId));
    const last = steps.at(-1)?.state;
    const s1 = last?.margins.site?.s1 ?? {};
    expect((s1.A ?? 0) + (s1.B ?? 0)).toBe(15);
    expect(last?.randomized).toBe(30);
  });
});
