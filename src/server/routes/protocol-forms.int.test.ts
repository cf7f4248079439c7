import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { testApp } from '../test-app.js';

const databases = testDatabases();
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const dfIl2 = (): Json => JSON.parse(readFileSync(new URL('../../../examples/df-il2.json', import.meta.url), 'utf8'));
const site = 'pitie-salpetriere';

// C-peptide (nmol/L) at 0, 15, 30, 60, 90 min, and 120 min entered as 400 pmol/L = 0.4 nmol/L.
// Trapezoid over 0-120 min / 120: (7.5·0.2 + 15·0.4 + 22.5·0.6 + 30·0.8 + 30·0.6 + 15·0.4) / 120 = 69 / 120 = 0.575.
const day1 = {
  weight: 70,
  done: true,
  c0: 0.2,
  c15: 0.4,
  c30: 0.6,
  c60: 0.8,
  c90: 0.6,
  c120: { value: 400, unit: 'pmol/L' },
  hba1c: 58,
  conmeds: [
    { drug: 'insulin glargine', insulin: true, 'daily-dose': 21, 'dose-unit': 'IU' },
    { drug: 'ramipril', insulin: false, 'daily-dose': 5, 'dose-unit': 'mg' },
  ],
};

describe.each(databases)("a protocol file's own form, end to end on $kind", (database) => {
  it('df-il2 with the MMTT form: created from the file, values entered (calculated AUC, branching, medication rows), exported; amended mid-study, the old record shows under version 1', async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    await t.user('root', [{ studyId: null, siteId: null, role: 'admin' }]);
    const admin = await t.login('root');
    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

    const misspelt = dfIl2();
    misspelt.visits[0].assessments[0] = 'mmt';
    const refused = await call(admin, 'POST', '/api/studies', misspelt);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'PROTOCOL_UNKNOWN_ASSESSMENT', path: 'visits[0].assessments[0]' });
    const badForm = dfIl2();
    badForm.forms[0].items[4].expression = '[c0] + [c7]';
    expect((await call(admin, 'POST', '/api/studies', badForm)).json().error).toMatchObject({ code: 'PROTOCOL_INVALID_PROTOCOL', path: 'forms[0].items[4].expression' });

    expect((await call(admin, 'POST', '/api/studies', dfIl2())).statusCode).toBe(201);
    expect((await call(admin, 'POST', '/api/studies/df-il2/activate')).statusCode).toBe(200);
    await t.user('coord', [{ studyId: 'df-il2', siteId: site, role: 'coordinator' }]);
    await t.user('inv', [{ studyId: 'df-il2', siteId: site, role: 'investigator' }]);
    await t.user('mon', [{ studyId: 'df-il2', siteId: null, role: 'monitor' }]);
    const coord = await t.login('coord');
    const id = (await call(coord, 'POST', '/api/studies/df-il2/participants', { siteId: site, code: 'DF-001', sex: 'female', birthDate: '1990-03-04' })).json().id as string;
    expect((await call(await t.login('inv'), 'POST', `/api/participants/${id}/transition`, { to: 'eligible', date: '2025-06-02', reason: 'screened on paper' })).statusCode).toBe(200);
    for (const to of ['consented', 'enrolled']) expect((await call(coord, 'POST', `/api/participants/${id}/transition`, { to, date: '2025-06-02' })).statusCode).toBe(200);
    expect((await call(coord, 'POST', `/api/participants/${id}/randomize`)).statusCode).toBe(200);

    const url = `/api/participants/${id}/visits/day-1/forms/mmtt`;
    const saved = await call(coord, 'POST', url, { date: '2025-06-02', values: day1 });
    expect(saved.statusCode, saved.body).toBe(201);
    const entry = (path: string) => saved.json().entries.find((e: { path: string }) => e.path === path)?.value;
    expect([entry('auc'), entry('conmeds[0].iu-per-kg'), entry('conmeds[1].iu-per-kg')]).toEqual([0.575, 0.3, undefined]);
    expect(saved.json()).toMatchObject({ formId: 'mmtt', formVersion: '1' });
    // Not done: the reason is required, the C-peptide values are hidden and not kept.
    const notDone = await call(coord, 'POST', `/api/participants/${id}/visits/day-60/forms/mmtt`, { date: '2025-07-31', values: { weight: 70, done: false, c0: 0.3 } });
    expect(notDone.json().error).toMatchObject({ code: 'FORM_VALUE_MISSING', path: 'values.not-done' });

    const mon = await t.login('mon');
    const csv = (await call(mon, 'GET', '/api/studies/df-il2/export/observations.csv')).body;
    expect(csv).toContain(',day-1,2025-06-02,score,mmtt,0.575,');
    expect(csv).toContain(',other,mmtt.conmeds[0].drug,,insulin glargine,');
    const qs = (await call(mon, 'GET', '/api/studies/df-il2/export/sdtm/qs.json')).json() as { rows: unknown[][]; columns: { name: string }[] };
    const col = (name: string) => qs.columns.findIndex((c) => c.name === name);
    // Items numbered in form order, numeric ones only: weight 01, done 02, c0-c120 03-08 (400 pmol/L standardized to 0.4 nmol/L), auc 09, hba1c 10, the score TOT.
    expect(qs.rows.map((r) => [r[col('QSTESTCD')], r[col('QSSTRESN')]])).toEqual([
      ['MMTT01', 70],
      ['MMTT02', 1],
      ['MMTT03', 0.2],
      ['MMTT04', 0.4],
      ['MMTT05', 0.6],
      ['MMTT06', 0.8],
      ['MMTT07', 0.6],
      ['MMTT08', 0.4],
      ['MMTT09', 0.575],
      ['MMTT10', 58],
      ['MMTTTOT', 0.575],
    ]);
    const odm = (await call(mon, 'GET', '/api/studies/df-il2/export/odm/df-il2-odm-snapshot.xml')).body;
    expect(odm).toContain('ItemOID="IT.other.mmtt.auc" Value="0.575"');
    expect(odm).toContain('ItemOID="IT.other.mmtt.conmeds[1].drug" Value="ramipril"');

    // Version 2 of the form adds fasting glucose; changing the form under version 1 is refused.
    const amended: Json = { ...dfIl2(), version: '2' };
    amended.forms[0].items.splice(1, 0, { id: 'glucose', type: 'decimal', label: 'Fasting glucose', units: [{ unit: 'mmol/L' }], precision: 1 });
    const sameVersion = await call(admin, 'POST', '/api/studies/df-il2/amendments', { protocol: amended, effectiveDate: '2025-07-01', reason: 'fasting glucose added' });
    expect(sameVersion.json().error).toMatchObject({ code: 'STUDY_AMENDMENT_REFUSED', path: 'forms[0].version' });
    amended.forms[0].version = '2';
    const ok = await call(admin, 'POST', '/api/studies/df-il2/amendments', { protocol: amended, effectiveDate: '2025-07-01', reason: 'fasting glucose added' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().changes).toEqual([{ path: 'forms[mmtt]', kind: 'changed' }]);

    const read = (await call(coord, 'GET', url)).json();
    expect(read.form.version).toBe('2');
    expect(read.saved).toMatchObject({ formVersion: '1', form: { version: '1' }, values: { weight: { value: 70, unit: 'kg' }, done: true } });
    expect(read.saved.form.items.map((i: { id: string }) => i.id)).not.toContain('glucose');

    // Re-saved under version 2 without HbA1c: the earlier HbA1c is removed, with the reason.
    const { hba1c: _dropped, ...without } = day1;
    const noReason = await call(coord, 'POST', url, { date: '2025-06-02', values: { ...without, glucose: 5.2 } });
    expect(noReason.json().error).toMatchObject({ code: 'AUDIT_REASON_REQUIRED' });
    const resaved = await call(coord, 'POST', url, { date: '2025-06-02', values: { ...without, glucose: 5.2 }, reason: 'HbA1c was from another visit' });
    expect(resaved.statusCode, resaved.body).toBe(201);
    expect(await db.query("SELECT count(*)::int AS n FROM observations WHERE key = 'mmtt.hba1c'")).toEqual([{ n: 0 }]);
    expect(await db.query("SELECT reason FROM audit WHERE entity = 'observations' AND action = 'delete'")).toEqual([{ reason: 'HbA1c was from another visit' }]);
    expect(await db.query("SELECT DISTINCT form_version FROM observations WHERE form_id = 'mmtt'")).toEqual([{ form_version: '2' }]);
    expect(await db.query('SELECT form_id, version FROM form_definitions ORDER BY version')).toEqual([
      { form_id: 'mmtt', version: '1' },
      { form_id: 'mmtt', version: '2' },
    ]);
  });
});
