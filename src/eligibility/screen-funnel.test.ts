import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate.js';
import { readFacts } from './patient-facts.js';
import { randomCase } from './random-criteria.test-helper.js';
import { screenCsv } from './screen.js';

/**
 * Property: screening for the funnel alone (no per-patient results, where each criterion runs only
 * on the rows no earlier one excluded) counts what one-patient evaluation gives: each patient's
 * status, and each one excluded against the first criterion, in protocol order, that fails them.
 */
describe('the CSV funnel without per-patient results', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`agrees with one-patient evaluation, seed ${seed}`, () => {
      const { criteria, header, rows } = randomCase(seed, 400);
      for (const ref of [{ screening: '2024-06-01', firstDose: '2024-06-15' }, { screening: '2024-06-01' }]) {
        const s = screenCsv(criteria, ref, { capacity: 64 });
        s.push(new TextEncoder().encode([header, ...rows].map((r) => r.join(',')).join('\n') + '\n'));
        const funnel = s.end();
        const counts = { eligible: 0, incomplete: 0, ineligible: 0 };
        const removed = criteria.map(() => 0);
        for (const row of rows) {
          const one = evaluateEligibility(criteria, readFacts(Object.fromEntries(header.slice(1).map((h, k) => [h, row[k + 1]]))), ref);
          counts[one.status] += 1;
          if (one.failed.length > 0) removed[criteria.findIndex((c) => c.id === one.failed[0])]! += 1;
        }
        expect(funnel).toMatchObject({ screened: rows.length, badRows: 0, ...counts });
        expect(funnel.steps.map((st) => st.removed)).toEqual(removed);
      }
    });
  }
});
