import { describe, expect, it } from 'vitest';
import { screeningFunnel } from './funnel.js';

describe('screening funnel', () => {
  it('counts a participant at every stage up to the current one', () => {
    // 3 screening, 2 ineligible, 1 eligible, 4 enrolled, 2 on-treatment, 1 withdrawn = 13 screened.
    // eligible reached: 1 + 4 + 2 = 7; consented and enrolled: 4 + 2 = 6; randomized, on-treatment: 2.
    const funnel = screeningFunnel({ screening: 3, ineligible: 2, eligible: 1, enrolled: 4, 'on-treatment': 2, withdrawn: 1 });
    expect(funnel.map((s) => [s.stage, s.reached])).toEqual([
      ['screening', 13],
      ['eligible', 7],
      ['consented', 6],
      ['enrolled', 6],
      ['randomized', 2],
      ['on-treatment', 2],
      ['completed', 0],
    ]);
  });
});
