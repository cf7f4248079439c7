import { describe, expect, it } from 'vitest';
import { builtinProtocols } from '../protocol/builtin/index.js';
import { checkTransition, type ParticipantStatus } from '../enrolment/participant-lifecycle.js';
import { syntheticCohort } from './synthetic-cohort.js';

const today = '2025-06-02';

describe.each(builtinProtocols.map((p) => [p.id, p] as const))('synthetic cohort for %s', (_, protocol) => {
  const cohort = syntheticCohort(protocol, 42, today);

  it('is the same for the same seed and differs for another', () => {
    expect(syntheticCohort(protocol, 42, today)).toEqual(cohort);
    expect(syntheticCohort(protocol, 43, today)).not.toEqual(cohort);
  });

  it('walks every participant along allowed transitions, with dates in order and none after today', () => {
    const randomized = protocol.design.allocation === 'randomized';
    for (const d of cohort) {
      let from: ParticipantStatus = 'screening';
      let last = '0000-00-00';
      for (const step of d.path) {
        const hasArm = d.armId !== null;
        expect(() => checkTransition(from, step.to, { randomized, hasArm, reason: step.reason })).not.toThrow();
        expect(step.date >= last, `${d.code} ${step.to} ${step.date} after ${last}`).toBe(true);
        expect(step.date <= today).toBe(true);
        last = step.date;
        from = step.to;
      }
    }
  });

  it('uses only the protocol sites, arms and unique codes', () => {
    const sites = new Set(protocol.sites.map((s) => s.id));
    const arms = new Set(protocol.arms.map((a) => a.id));
    expect(new Set(cohort.map((d) => d.code)).size).toBe(cohort.length);
    for (const d of cohort) {
      expect(sites.has(d.siteId)).toBe(true);
      if (d.armId !== null) expect(arms.has(d.armId)).toBe(true);
    }
  });
});

describe('synthetic cohort observations', () => {
  it('names only analytes the CTCAE grading knows (with their units) and subsets of the immune panel', async () => {
    const { labUnitTable, isLabAnalyte } = await import('../instruments/ctcae/lab-units.js');
    const { subsetIds } = await import('../instruments/immune/gating.js');
    for (const protocol of builtinProtocols) {
      for (const d of syntheticCohort(protocol, 7, today)) {
        for (const o of d.visits.flatMap((v) => v.observations)) {
          if (o.kind === 'lab') expect(isLabAnalyte(o.key) && labUnitTable[o.key].factors[o.unit as never] !== undefined, `${o.key} ${o.unit}`).toBe(true);
          if (o.kind === 'immune-panel') expect((subsetIds as readonly string[]).includes(o.key), o.key).toBe(true);
        }
      }
    }
  });
});
