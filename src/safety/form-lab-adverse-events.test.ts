import { describe, expect, it } from 'vitest';
import type { FilledEntry } from '../forms/validate-form.js';
import { formLabResults, gradeFormLabResult } from './form-lab-adverse-events.js';

const ck = (value: number, unit = 'U/L') => ({ path: 'ck', analyte: 'ck', value, unit });

describe('adverse events proposed from the extensible labs', () => {
  it('CK 1200 U/L = 6 × the default ULN of 200 U/L: CTCAE v5.0 "CPK increased" grade 3 (>5.0 – 10.0 × ULN), proposed after baseline', () => {
    expect(gradeFormLabResult(ck(1200), undefined, false)).toEqual({ gradings: [], worst: { grade: 3, term: 'CPK increased' }, proposals: [{ term: 'CPK increased', grade: 3 }] });
  });

  it('a baseline result is graded and proposes nothing; a normal result proposes nothing', () => {
    expect(gradeFormLabResult(ck(1200), undefined, true)).toEqual({ gradings: [], worst: { grade: 3, term: 'CPK increased' }, proposals: [] });
    expect(gradeFormLabResult(ck(150), undefined, false)).toMatchObject({ worst: { grade: 0 }, proposals: [] });
  });

  it("uses the site's ULN, converted to the result's unit: ULN 5 µkat/L = 300 U/L, so 1200 U/L = 4 × ULN is grade 2", () => {
    expect(gradeFormLabResult(ck(1200), { unit: 'ukat/L', uln: 5 }, false).proposals).toEqual([{ term: 'CPK increased', grade: 2 }]);
  });

  it('proteinuria 4000 mg/24h = 4.0 g/24h (≥3.5) is grade 3; 200 mg/24h is over the default ULN of 150 mg/24h: grade 1', () => {
    const p = (value: number) => gradeFormLabResult({ path: 'proteinuria-24h', analyte: 'proteinuria-24h', value, unit: 'mg/24h' }, undefined, false).proposals;
    expect(p(4000)).toEqual([{ term: 'Proteinuria', grade: 3 }]);
    expect(p(200)).toEqual([{ term: 'Proteinuria', grade: 1 }]);
  });

  it('an analyte CTCAE has no term for is not graded', () => {
    expect(gradeFormLabResult({ path: 'c3', analyte: 'c3', value: 0.2, unit: 'g/L' }, undefined, false)).toEqual({ gradings: [], worst: null, proposals: [] });
  });

  it('takes the top-level decimal entries of catalogue analytes in one of their units', () => {
    const entries: FilledEntry[] = [
      { path: 'ck', item: 'ck', type: 'decimal', value: 900, unit: 'U/L' },
      { path: 'c3', item: 'c3', type: 'decimal', value: null, unit: 'g/L' },
      { path: 'serum', item: 'serum', type: 'decimal', value: 80, unit: 'pg/mL' },
      { path: 'rows[0].ck', item: 'ck', group: 'rows', row: 0, type: 'decimal', value: 900, unit: 'U/L' },
    ];
    expect(formLabResults(entries)).toEqual([{ path: 'ck', analyte: 'ck', value: 900, unit: 'U/L' }]);
  });
});
