import { describe, expect, it } from 'vitest';
import { gradeFormLab } from './grade-form-lab.js';

const grade = (analyte: string, value: number, unit: string, uln?: number) => {
  const g = gradeFormLab(analyte, value, unit, uln);
  return g.kind === 'graded' ? g.grade : g.kind;
};

describe('CTCAE v5.0 grading of the extensible labs', () => {
  it('grades CPK increased in multiples of the ULN (ULN 200 U/L: 2.5 × = 500, 5 × = 1000, 10 × = 2000)', () => {
    expect([150, 200, 201, 500, 501, 1000, 1001, 2000, 2001].map((v) => grade('ck', v, 'U/L', 200))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4]);
    expect(gradeFormLab('ck', 2001, 'U/L', 200)).toEqual({ kind: 'graded', term: 'CPK increased', grade: 4 });
  });

  it('converts CK from µkat/L (1 µkat/L = 60 U/L): 10 µkat/L = 600 U/L is grade 2 against a ULN of 3.5 µkat/L = 210 U/L', () => {
    // 600 / 210 = 2.86 × ULN: >2.5 – 5.0.
    expect(grade('ck', 10, 'ukat/L', 3.5)).toBe(2);
  });

  it('does not grade CK without a ULN', () => {
    expect(gradeFormLab('ck', 900, 'U/L')).toMatchObject({ kind: 'not-graded' });
  });

  it('grades proteinuria in g/24 h: ≥ULN – <1.0 is 1, 1.0 – <3.5 is 2, ≥3.5 is 3', () => {
    expect([0.1, 0.15, 0.99, 1, 3.49, 3.5, 6].map((v) => grade('proteinuria-24h', v, 'g/24h', 0.15))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    // 1200 mg/24h = 1.2 g/24h.
    expect(grade('proteinuria-24h', 1200, 'mg/24h')).toBe(2);
    expect(gradeFormLab('proteinuria-24h', 0.5, 'g/24h')).toMatchObject({ kind: 'not-graded' });
  });

  it('does not grade an analyte CTCAE has no term for, or a unit the analyte does not take', () => {
    expect(gradeFormLab('c3', 0.5, 'g/L')).toEqual({ kind: 'not-graded', reason: 'CTCAE v5.0 defines no term for c3.' });
    expect(gradeFormLab('ck', 500, 'mg/dL', 200)).toEqual({ kind: 'not-graded', reason: 'Unit "mg/dL" is not one of ck\'s units.' });
  });
});
