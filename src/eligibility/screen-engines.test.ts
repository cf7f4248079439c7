import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate.js';
import { readFacts } from './patient-facts.js';
import { randomCase } from './random-criteria.test-helper.js';
import { screenCsv, type ScreenResult, type ScreenRowError } from './screen.js';

/**
 * Property: the columnar CSV screener decides every patient as the one-patient evaluator does —
 * status, failed criteria and (for an incomplete one) missing facts — over random criteria and random patients with
 * missing facts (randomCase), for both anchors given and for the first-dose date left out.
 */
describe('columnar CSV screening agrees with one-patient evaluation', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}`, () => {
      const { criteria, header, rows } = randomCase(seed, 300);
      for (const ref of [{ screening: '2024-06-01', firstDose: '2024-06-15' }, { screening: '2024-06-01' }]) {
        const out: (ScreenResult | ScreenRowError)[] = [];
        const s = screenCsv(criteria, ref, { capacity: 64, onResult: (r) => out.push(r) });
        s.push(new TextEncoder().encode([header, ...rows].map((r) => r.join(',')).join('\n') + '\n'));
        s.end();
        expect(out).toHaveLength(rows.length);
        rows.forEach((row, i) => {
          const facts = readFacts(Object.fromEntries(header.slice(1).map((h, k) => [h, row[k + 1]])));
          const one = evaluateEligibility(criteria, facts, ref);
          expect(out[i]).toEqual({ kind: 'result', row: i + 1, patientId: row[0], status: one.status, failed: one.failed, missing: one.status === 'incomplete' ? one.missing : [] });
        });
      }
    });
  }
  it('a column the criteria read that the file lacks is missing in every row, chunk after chunk', () => {
    const { criteria, header, rows } = randomCase(9, 150);
    const keep = header.map((h, k) => ({ h, k })).filter(({ h }) => h !== 'weight' && h !== 'diagnoses');
    const out: (ScreenResult | ScreenRowError)[] = [];
    const s = screenCsv(criteria, { screening: '2024-06-01' }, { capacity: 32, onResult: (r) => out.push(r) });
    s.push(new TextEncoder().encode([keep.map(({ h }) => h), ...rows.map((r) => keep.map(({ k }) => r[k]))].map((r) => r.join(',')).join('\n')));
    s.end();
    rows.forEach((row, i) => {
      const facts = readFacts(Object.fromEntries(keep.slice(1).map(({ h, k }) => [h, row[k]])));
      const one = evaluateEligibility(criteria, facts, { screening: '2024-06-01' });
      expect(out[i]).toMatchObject({ status: one.status, failed: one.failed });
    });
  });
});
