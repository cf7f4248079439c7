import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { ParticipantData } from '../sdtm/participant-data.js';
import { csvHeader, csvLines, exportColumns, neutralise, tableRows, type ExportTableName } from './export-tables.js';

const protocol = getBuiltinProtocol('sle-il2');
const participant: ParticipantData = {
  code: 'SLE-001',
  siteId: 'peking-university',
  sex: 'female',
  birthDate: '1980-01-01',
  status: 'on-treatment',
  statusReason: null,
  consentedOn: '2025-02-20',
  enrolledOn: '2025-03-01',
  randomizedOn: '2025-03-01',
  startDate: '2025-03-03',
  armId: 'active',
  kitNumber: 'K0042',
  visits: [],
  observations: [
    { id: 'o1', visitId: 'week-0', date: '2025-03-03', kind: 'item', key: 'sledai-2k.seizure', valueNum: 1, valueText: 'said "yes", then, no\nsecond line', unit: null, grade: null, gradeTerm: null },
  ],
  doses: [
    { day: 1, date: '2025-03-03', status: 'given', reason: null },
    { day: 3, date: '2025-03-05', status: 'held', reason: '=HYPERLINK("http://x")' },
  ],
  adverseEvents: [
    {
      status: 'confirmed',
      term: 'Injection site reaction',
      onsetDate: '2025-03-03',
      resolvedDate: null,
      grade: 1,
      serious: false,
      seriousCriteria: [],
      relatedness: 'definite',
      actionTaken: 'none',
      outcome: 'recovered',
    },
  ],
};
const csv = (table: ExportTableName, blinded: boolean) => csvHeader(table, { blinded }) + csvLines(tableRows(protocol, table, participant, { blinded }), table, { blinded });

describe('CSV export tables', () => {
  it('gives a blinded reader no arm column at all, and an unblinded one the arm beside the kit', () => {
    expect(exportColumns('participants', { blinded: true })).not.toContain('arm_id');
    const blind = csv('participants', true);
    expect(blind.split('\n')[0]).toBe('participant_code,site_id,sex,birth_date,status,status_reason,enrolled_on,start_date,kit_number');
    expect(blind).not.toContain('active');
    const open = parse(csv('participants', false), { columns: true }) as Record<string, string>[];
    expect(open[0]).toMatchObject({ arm_id: 'active', kit_number: 'K0042', status_reason: '', start_date: '2025-03-03' });
  });

  it('quotes commas, quotes and line breaks so the text reads back unchanged', () => {
    const text = csv('observations', true);
    expect(text).toContain('"said ""yes"", then, no\nsecond line"');
    const [row] = parse(text, { columns: true }) as Record<string, string>[];
    expect(row!['value_text']).toBe('said "yes", then, no\nsecond line');
    expect(row!['value_num']).toBe('1');
  });

  it('writes each dose with its amount and unit from the protocol (sle-il2: 1 MIU every other day), booleans as true/false', () => {
    const lines = csv('doses', false).trim().split('\n');
    expect(lines[0]).toBe('participant_code,site_id,day,dose_date,status,dose,dose_unit,reason');
    expect(lines[1]).toBe('SLE-001,peking-university,1,2025-03-03,given,1,MIU,');
    expect(csv('adverse_events', true).split('\n')[1]).toBe('SLE-001,peking-university,confirmed,Injection site reaction,2025-03-03,,1,false,,definite,none,recovered');
  });

  it('keeps the dose for a blinded reader when active and placebo are dosed alike (sle-il2 matches placebo to the active schedule)', () => {
    expect(csv('doses', true).split('\n')[1]).toBe('SLE-001,peking-university,1,2025-03-03,given,1,MIU,');
  });

  it('neutralises text cells that a spreadsheet would run as a formula (OWASP CSV injection), leaving numbers alone', () => {
    expect(csv('doses', false).split('\n')[2]).toBe(`SLE-001,peking-university,3,2025-03-05,held,1,MIU,"'=HYPERLINK(""http://x"")"`);
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'ok', -1, null].map(neutralise)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", 'ok', -1, null]);
  });
});
