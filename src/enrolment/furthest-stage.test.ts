import { describe, expect, it } from 'vitest';
import { funnelCounts } from './furthest-stage.js';
import type { ParticipantStatus } from './participant-lifecycle.js';

const p = (status: ParticipantStatus, enrolledOn: string | null = null, startDate: string | null = null, kitNumber: string | null = null) => ({ status, enrolledOn, startDate, kitNumber });

describe('screening funnel counts', () => {
  it('counts a withdrawn participant at the furthest stage their record shows, so "enrolled" equals those with an enrolment date', () => {
    const ps = [
      p('screening'),
      p('ineligible'),
      p('eligible'),
      p('consented'),
      p('enrolled', '2025-01-02'),
      p('randomized', '2025-01-02', null, 'K-1'),
      p('on-treatment', '2025-01-02', '2025-01-05', 'K-2'),
      p('completed', '2025-01-02', '2025-01-05', 'K-3'),
      // Withdrawn after day 1, after enrolment only, and before enrolment.
      p('withdrawn', '2025-01-02', '2025-01-05', 'K-4'),
      p('withdrawn', '2025-01-02'),
      p('withdrawn'),
    ];
    // By hand: 11 screened; eligible and consented: all but screening, ineligible and the early withdrawal = 8;
    // eligible 8, consented 7 (the eligible one drops); enrolled: 4 on path + 2 withdrawn = 6; randomized 4; on-treatment 3; completed 1.
    expect(funnelCounts(ps)).toEqual({ screening: 11, eligible: 8, consented: 7, enrolled: 6, randomized: 4, 'on-treatment': 3, completed: 1 });
    expect(funnelCounts(ps).enrolled).toBe(ps.filter((x) => x.enrolledOn !== null).length);
  });
});
