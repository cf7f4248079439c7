import { describe, expect, it } from 'vitest';
import type { Criterion } from './expression.js';
import { screenCsv, type ScreenResult, type ScreenRowError } from './screen.js';

const criteria: Criterion[] = [
  { id: 'age', side: 'inclusion', text: 'age', computability: 'computable', flags: [], expr: { kind: 'compare', fact: 'age', op: '>=', value: 18, unit: 'years' } },
  { id: 'exc-1', side: 'exclusion', text: 'weight', computability: 'computable', flags: [], expr: { kind: 'compare', fact: 'weight', op: '>', value: 80, unit: 'kg' } },
];
const ref = { screening: '2024-03-31' };

function screen(csv: string, capacity?: number, split = 7) {
  const out: (ScreenResult | ScreenRowError)[] = [];
  const s = screenCsv(criteria, ref, { onResult: (r) => out.push(r), ...(capacity ? { capacity } : {}) });
  // Fed in small pieces, so that cells and quoted cells run over the ends of the pieces.
  const bytes = new TextEncoder().encode(csv);
  for (let i = 0; i < bytes.length; i += split) s.push(bytes.subarray(i, i + split));
  return { out, funnel: s.end() };
}

describe('bulk screener', () => {
  it('screens rows, reports a bad row by row and column, goes on, and keeps a sequential funnel', () => {
    const csv = [
      'patient_id,age,weight',
      'p1,40,70', // eligible
      'p2,16,90', // fails age first (and exc-1): counted once, against age
      'p3,forty,70', // bad: text in a number column
      'p4,40,70 stone', // bad: unknown unit
      'p5,40,200 lb', // 90.7 kg > 80: excluded by exc-1
      'p6,40,', // weight missing: incomplete
    ].join('\r\n');
    for (const capacity of [undefined, 2]) {
      const { out, funnel } = screen(csv, capacity);
      expect(out.map((r) => (r.kind === 'result' ? r.status : 'bad'))).toEqual(['eligible', 'ineligible', 'bad', 'bad', 'ineligible', 'incomplete']);
      const bad = out[2];
      expect(bad?.kind === 'error' && bad.problems).toEqual(['row 3, column "age": "forty" is not a number (age is a number in years).']);
      const unit = out[3];
      expect(unit?.kind === 'error' && unit.problems[0]).toMatch(/^row 4, column "weight": unit "stone" is not accepted/);
      const p2 = out[1];
      expect(p2?.kind === 'result' && p2.failed).toEqual(['age', 'exc-1']);
      const p6 = out[5];
      expect(p6?.kind === 'result' && [p6.row, p6.patientId, p6.missing]).toEqual([6, 'p6', ['weight']]);
      // 4 screened; age removes p2 (1 → 3 left); exc-1 removes p5 (→ 2 left: p1 eligible, p6 incomplete).
      expect(funnel).toEqual({
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
  it('reads quoted cells, blank lines, short rows and columns it does not need', () => {
    const { out } = screen('patient_id,sex,age,weight\n"p ""1""",female," 40 ",70\n\np2,male,40\n');
    expect(out).toEqual([
      { kind: 'result', row: 1, patientId: 'p "1"', status: 'eligible', failed: [], missing: [] },
      { kind: 'result', row: 2, patientId: 'p2', status: 'incomplete', failed: [], missing: ['weight'] },
    ]);
  });
  it('reads a quoted cell that holds a newline, wherever the pieces are cut', () => {
    // p1's id holds a newline; p2's weight (200 lb = 90.7 kg) and p3 follow it.
    const csv = 'patient_id,age,weight\n"p\n1",40,70\np2,40,200 lb\np3,40,70\n';
    const expected = [
      { kind: 'result', row: 1, patientId: 'p\n1', status: 'eligible', failed: [], missing: [] },
      { kind: 'result', row: 2, patientId: 'p2', status: 'ineligible', failed: ['exc-1'], missing: [] },
      { kind: 'result', row: 3, patientId: 'p3', status: 'eligible', failed: [], missing: [] },
    ];
    for (let split = 1; split <= csv.length; split++) expect(screen(csv, undefined, split).out).toEqual(expected);
  });
  it('refuses a header with an unknown column or without the patient id', () => {
    expect(() => screen('patient_id,age,shoe_size\n')).toThrow(/column "shoe_size" that no fact has/);
    expect(() => screen('age\n')).toThrow(/no "patient_id" column/);
  });
});
