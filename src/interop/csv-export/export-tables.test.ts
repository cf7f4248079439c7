import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportColumns, tableCsv, type StudyExportData } from './export-tables.js';

const data: StudyExportData = {
  participants: [
    { participant_code: 'SLE-001', site_id: 'pku', sex: 'female', birth_date: '1980-01-01', status: 'randomized', status_reason: null, enrolled_on: '2025-03-01', start_date: null, arm_id: 'active', kit_number: 'K0042' },
  ],
  visits: [],
  observations: [
    { participant_code: 'SLE-001', site_id: 'pku', visit_id: 'week-0', visit_date: '2025-03-01', kind: 'item', key: 'sledai-2k.seizure', value_num: 1, value_text: 'said "yes", then, no\nsecond line', unit: null, grade: null, grade_term: null },
  ],
  doses: [],
  adverse_events: [
    { participant_code: 'SLE-001', site_id: 'pku', status: 'confirmed', term: 'Injection site reaction', onset_date: '2025-03-03', resolved_date: null, grade: 1, serious: false, serious_criteria: '', relatedness: 'definite', action_taken: 'none', outcome: 'recovered' },
  ],
};

describe('CSV export tables', () => {
  it('gives a blinded reader no arm column at all, and an unblinded one the arm beside the kit', () => {
    expect(exportColumns('participants', { blinded: true })).not.toContain('arm_id');
    const blind = tableCsv(data, 'participants', { blinded: true });
    expect(blind.split('\n')[0]).toBe('participant_code,site_id,sex,birth_date,status,status_reason,enrolled_on,start_date,kit_number');
    expect(blind).not.toContain('active');
    const open = parse(tableCsv(data, 'participants', { blinded: false }), { columns: true }) as Record<string, string>[];
    expect(open[0]).toMatchObject({ arm_id: 'active', kit_number: 'K0042', status_reason: '', start_date: '' });
  });

  it('quotes commas, quotes and line breaks so the text reads back unchanged', () => {
    const csv = tableCsv(data, 'observations', { blinded: true });
    expect(csv).toContain('"said ""yes"", then, no\nsecond line"');
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row!['value_text']).toBe('said "yes", then, no\nsecond line');
    expect(row!['value_num']).toBe('1');
  });

  it('writes booleans as true/false and an empty table as its header alone', () => {
    expect(tableCsv(data, 'adverse_events', { blinded: true }).split('\n')[1]).toBe('SLE-001,pku,confirmed,Injection site reaction,2025-03-03,,1,false,,definite,none,recovered');
    expect(tableCsv(data, 'doses', { blinded: true })).toBe('participant_code,site_id,day,dose_date,status,reason\n');
  });
});
