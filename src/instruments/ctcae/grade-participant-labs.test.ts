import { describe, expect, it } from 'vitest';
import { gradeParticipantLabs, type ParticipantLab } from './grade-participant-labs.js';

const ranges = new Map([['alt', { unit: 'U/L', uln: 40 }]]);
const week24: ParticipantLab = { id: 'w24', visitId: 'week-24', analyte: 'alt', value: 130, unit: 'U/L' };
const baseline: ParticipantLab = { id: 'w0', visitId: 'week-0', analyte: 'alt', value: 100, unit: 'U/L' };

describe('gradeParticipantLabs', () => {
  it('grades week 24 against the baseline visit whatever the order of the results', () => {
    // Baseline 100 > ULN 40 is abnormal: ALT grade 1 needs ≥ 1.5 × 100 = 150 U/L, so 130 is grade 0.
    for (const labs of [
      [week24, baseline],
      [baseline, week24],
    ]) {
      const g = gradeParticipantLabs(labs, ranges, 'week-0');
      expect(g.get('w24')).toMatchObject({ worst: { grade: 0, term: 'Alanine aminotransferase increased' }, proposals: [] });
    }
  });

  it('without a baseline result the baseline counts as normal: 130 > 3 × ULN = 120 is grade 2 and proposes an AE', () => {
    expect(gradeParticipantLabs([week24], ranges, 'week-0').get('w24')).toMatchObject({ worst: { grade: 2 }, proposals: [{ term: 'Alanine aminotransferase increased', grade: 2 }] });
  });

  it('grades the baseline result against its range (100 > ULN 40: grade 1) and proposes no AE for it', () => {
    expect(gradeParticipantLabs([baseline, week24], ranges, 'week-0').get('w0')).toMatchObject({ worst: { grade: 1 }, proposals: [] });
  });

  it('converts a baseline in another unit into the unit of the result', () => {
    const bilirubin = new Map([['bilirubin', { unit: 'umol/L', uln: 21 }]]);
    // Baseline 2 mg/dL = 34.2 µmol/L > ULN 21 (abnormal); 60 µmol/L = 1.75 × baseline: > 1.5 and ≤ 3 × baseline, grade 2.
    const labs: ParticipantLab[] = [
      { id: 'b', visitId: 'week-0', analyte: 'bilirubin', value: 2, unit: 'mg/dL' },
      { id: 'x', visitId: 'week-12', analyte: 'bilirubin', value: 60, unit: 'umol/L' },
    ];
    expect(gradeParticipantLabs(labs, bilirubin, 'week-0').get('x')).toMatchObject({ worst: { grade: 2, term: 'Blood bilirubin increased' } });
  });
});
