import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate.js';
import type { Criterion } from './expression.js';
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
        s.push(new TextEncoder().encode(`${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`));
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

  it('counts bad rows apart and each excluded patient once, against the first criterion', () => {
    const criteria: Criterion[] = [
      { id: 'age', side: 'inclusion', text: 'age', computability: 'computable', flags: [], expr: { kind: 'compare', fact: 'age', op: '>=', value: 18, unit: 'years' } },
      { id: 'exc-1', side: 'exclusion', text: 'weight', computability: 'computable', flags: [], expr: { kind: 'compare', fact: 'weight', op: '>', value: 80, unit: 'kg' } },
    ];
    // p1 eligible; p2 fails age (and exc-1); p3 and p4 bad (text, unknown unit); p5 200 lb = 90.7 kg > 80; p6 incomplete.
    const csv = ['patient_id,age,weight', 'p1,40,70', 'p2,16,90', 'p3,forty,70', 'p4,40,70 stone', 'p5,40,200 lb', 'p6,40,'].join('\r\n');
    for (const capacity of [2, 64]) {
      const s = screenCsv(criteria, { screening: '2024-03-31' }, { capacity });
      s.push(new TextEncoder().encode(csv));
      expect(s.end()).toEqual({
        screened: 4,
        badRows: 2,
        eligible: 1,
        incomplete: 1,
        ineligible: 2,
        steps: [
          { id: 'age', text: 'age', removed: 1, remaining: 3 },
          { id: 'exc-1', text: 'weight', removed: 1, remaining: 2 },
        ],
      });
    }
  });
});
