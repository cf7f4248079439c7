import { describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, testNow } from '../test-app.js';

const study = 'sle-il2';

describe.each(testDatabases())('REDCap and FHIR exports and the REDCap import through the API on $kind', (database) => {
  it('serves the FHIR Bundle without arms to a blinded reader, and takes the REDCap records into another database (201), refusing a monitor (403) and an unknown field (400), writing nothing', async () => {
    const source = await database.fresh();
    const a = await testApp(source);
    await loadDemoCohorts(source, 1, '2025-06-02', testNow);
    await a.user('mon', [{ studyId: study, siteId: null, role: 'monitor' }]);
    const get = async (url: string) => a.app.inject({ method: 'GET', url, headers: { cookie: await a.login('mon') } });
    const bundle = await get(`/api/studies/${study}/export/fhir/${study}-fhir-bundle.json`);
    expect(bundle.statusCode, bundle.body).toBe(200);
    const entries = bundle.json().entry as { resource: { resourceType: string } }[];
    expect(entries.some((e) => e.resource.resourceType === 'Patient')).toBe(true);
    expect(entries.some((e) => e.resource.resourceType === 'Group')).toBe(false);
    const records = await get(`/api/studies/${study}/export/redcap/${study}-redcap-records.csv`);
    expect(records.statusCode).toBe(200);
    const csv = records.body;

    const t = await testApp(await database.fresh());
    await t.user('admin', [{ studyId: study, siteId: null, role: 'admin' }]);
    await t.user('mon', [{ studyId: study, siteId: null, role: 'monitor' }]);
    const post = async (user: string, body: string) =>
      t.app.inject({ method: 'POST', url: `/api/studies/${study}/import/redcap`, headers: { cookie: await t.login(user), 'content-type': 'text/csv' }, payload: body });
    const count = async () => (await t.app.inject({ method: 'GET', url: `/api/studies/${study}/participants`, headers: { cookie: await t.login('admin') } })).json().length as number;
    expect((await post('mon', csv)).statusCode).toBe(403);
    const bad = await post('admin', csv.replace('record_id,', 'record_id,shoe_size,').replace(/\n(\S+?),/g, '\n$1,,'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'REDCAP_RECORDS_INVALID', message: expect.stringMatching(/^REDCap records row 1, column "shoe_size": /) });
    expect(await count()).toBe(0);
    const done = await post('admin', csv);
    expect(done.statusCode, done.body).toBe(201);
    expect(await count()).toBe(done.json().records);
    expect(done.json().records).toBeGreaterThan(3);
  }, 240_000);
});
