import { describe, expect, it } from 'vitest';
import { parseFormDefinition } from '../../forms/definition.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { Protocol } from '../../protocol/schema.js';
import type { ParticipantData } from '../sdtm/participant-data.js';
import { readRecords } from './read-records.js';
import { recordLayout } from './record-layout.js';
import { recordRows } from './record-rows.js';
import { recordLines } from './redcap-export.js';
import { stringify } from 'csv-stringify/sync';

// A study form with a multiple choice and a repeating group (concomitant medications), due at week 0.
const conmeds = parseFormDefinition({
  id: 'conmeds',
  version: '1',
  title: 'Concomitant medications',
  items: [
    {
      id: 'routes',
      type: 'multiple-choice',
      label: 'Routes taken',
      choices: [
        { code: 1, label: 'Oral' },
        { code: 2, label: 'Intravenous' },
        { code: 3, label: 'Topical' },
      ],
    },
    {
      id: 'drugs',
      type: 'group',
      label: 'Medications',
      repeating: true,
      items: [
        { id: 'name', type: 'text', label: 'Drug' },
        { id: 'daily', type: 'yes-no', label: 'Taken daily' },
      ],
    },
  ],
});
const base = getBuiltinProtocol('sle-il2');
const protocol: Protocol = { ...base, forms: [conmeds], visits: base.visits.map((v) => (v.id === 'week-0' || v.id === 'week-4' ? { ...v, assessments: [...v.assessments, 'conmeds'] } : v)) };
const layout = recordLayout(protocol);
const other = (visitId: string, key: string, value: number | string) => ({
  id: key,
  visitId,
  date: '2025-03-03',
  kind: 'other',
  key: `conmeds.${key}`,
  valueNum: typeof value === 'number' ? value : null,
  valueText: typeof value === 'string' ? value : null,
  unit: null,
  grade: null,
  gradeTerm: null,
});
const d: ParticipantData = {
  code: 'SLE-001',
  siteId: 'peking-university',
  sex: 'female',
  birthDate: '1980-04-12',
  status: 'on-treatment',
  statusReason: null,
  consentedOn: null,
  enrolledOn: null,
  randomizedOn: null,
  startDate: null,
  armId: null,
  kitNumber: null,
  visits: [
    { visitId: 'week-0', date: '2025-03-03', status: 'done' },
    { visitId: 'week-4', date: '2025-03-31', status: 'done' },
  ],
  observations: [
    other('week-0', 'routes', '[1,3]'),
    other('week-0', 'drugs[0].name', 'Hydroxychloroquine'),
    other('week-0', 'drugs[0].daily', 1),
    other('week-0', 'drugs[1].name', 'Prednisone'),
    other('week-4', 'drugs[0].name', 'Prednisone'),
  ],
  doses: [],
  adverseEvents: [],
};

describe('REDCap flat records of a form with a checkbox and a repeating group', () => {
  const rows = recordRows(layout, d);

  it('writes the checkbox as var___code columns, 1/0 where shown and empty where never shown, and the group as repeating instrument rows', () => {
    expect(layout.columns).toEqual(expect.arrayContaining(['conmeds_routes___1', 'conmeds_routes___2', 'conmeds_routes___3', 'conmeds_complete', 'conmeds_name', 'conmeds_drugs_complete']));
    const week0 = rows.find((r) => r['redcap_event_name'] === 'week_0_arm_1' && !r['redcap_repeat_instrument'])!;
    expect([week0['conmeds_routes___1'], week0['conmeds_routes___2'], week0['conmeds_routes___3']]).toEqual(['1', '0', '1']);
    const week4 = rows.find((r) => r['redcap_event_name'] === 'week_4_arm_1' && !r['redcap_repeat_instrument'])!;
    expect([week4['conmeds_routes___1'] ?? '', week4['conmeds_routes___2'] ?? '']).toEqual(['', '']);
    const repeats = rows.filter((r) => r['redcap_repeat_instrument'] === 'conmeds_drugs');
    expect(repeats.map((r) => [r['redcap_event_name'], r['redcap_repeat_instance'], r['conmeds_name'], r['conmeds_daily'] ?? ''])).toEqual([
      ['week_0_arm_1', '1', 'Hydroxychloroquine', '1'],
      ['week_0_arm_1', '2', 'Prednisone', ''],
      ['week_4_arm_1', '1', 'Prednisone', ''],
    ]);
  });

  it('reads the rows back into the form values they came from (a never-shown checkbox stays absent)', () => {
    const csv = stringify([layout.columns as string[]]) + recordLines(layout, rows);
    const [record] = readRecords(csv, layout, ['peking-university']);
    expect(record!.visits.map((v) => [v.visitId, v.forms['conmeds']])).toEqual([
      ['week-0', { routes: [1, 3], drugs: [{ name: 'Hydroxychloroquine', daily: true }, { name: 'Prednisone' }] }],
      ['week-4', { drugs: [{ name: 'Prednisone' }] }],
    ]);
  });

  it('refuses a checkbox cell that is not 1, 0 or empty, naming its row and column', () => {
    const csv =
      stringify([layout.columns as string[]]) +
      recordLines(
        layout,
        rows.map((r) => (r['conmeds_routes___2'] === '0' ? { ...r, conmeds_routes___2: 'yes' } : r)),
      );
    expect(() => readRecords(csv, layout, ['peking-university'])).toThrow('REDCap records row 3, column "conmeds_routes___2": a checkbox column holds 1, 0 or nothing, not "yes".');
  });
});
