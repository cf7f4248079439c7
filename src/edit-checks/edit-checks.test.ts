import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { checkLabHardLimits } from './lab-hard-limits.js';
import { checkPlausibleDate, participantDateRange } from './plausible-date.js';
import { checkQueryField } from './query-field.js';

describe('edit checks', () => {
  it('dates: not before birth, not after today plus one day', () => {
    const range = participantDateRange('1970-05-04', '2025-06-02');
    expect(range).toEqual({ earliest: '1970-05-04', latest: '2025-06-03' });
    expect(() => checkPlausibleDate('date', '2025-06-03', range)).not.toThrow();
    expect(() => checkPlausibleDate('date', '9999-12-31', range)).toThrow('Field "date" (9999-12-31) is in the future: nothing after 2025-06-03 can have happened yet.');
    expect(() => checkPlausibleDate('onsetDate', '1900-01-01', range)).toThrow('Field "onsetDate" (1900-01-01) is before the participant was born (1970-05-04).');
  });

  it('labs: finite, non-negative and within the hard limit in the canonical unit', () => {
    expect(() => checkLabHardLimits([{ analyte: 'alt', value: 1e308, unit: 'U/L' }])).toThrow(
      'Field "labs.0.value" (1e+308 U/L) is beyond the physiological hard limit of alt (100000 U/L); check the value and its unit.',
    );
    expect(() => checkLabHardLimits([{ analyte: 'alt', value: Infinity, unit: 'U/L' }])).toThrow('is not a finite, non-negative number');
    // 12 g/dL = 120 g/L is ordinary; 35 g/dL = 350 g/L exceeds the 300 g/L limit (a g/L value typed as g/dL).
    expect(() => checkLabHardLimits([{ analyte: 'haemoglobin', value: 12, unit: 'g/dL' }])).not.toThrow();
    expect(() =>
      checkLabHardLimits([
        { analyte: 'alt', value: 30, unit: 'U/L' },
        { analyte: 'haemoglobin', value: 35, unit: 'g/dL' },
      ]),
    ).toThrow(/^Field "labs\.1\.value"/);
    expect(() => checkLabHardLimits([{ analyte: 'lymphocytes', value: -1, unit: '/mm3' }])).toThrow('Field "labs.0.value" (-1) is not a finite, non-negative number.');
  });

  it("queries: the field is an item of that visit's form", () => {
    const protocol = getBuiltinProtocol('als-il2');
    const week0 = protocol.visits.find((v) => v.id === 'week-0')!;
    expect(() => checkQueryField(week0, 'labs.lymphocytes')).not.toThrow();
    expect(() => checkQueryField(week0, 'date')).not.toThrow();
    expect(() => checkQueryField(week0, "'; DROP TABLE participants;--")).toThrow(`Field "field" names "'; DROP TABLE participants;--", which is not an item of the form of visit week-0.`);
    expect(() => checkQueryField(null, 'birthDate')).not.toThrow();
    expect(() => checkQueryField(null, 'labs.alt')).toThrow('which is not an item of the participant record');
  });
});
