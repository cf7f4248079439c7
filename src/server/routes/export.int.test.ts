import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp } from '../test-app.js';

const databases = testDatabases();
const study = 'sle-il2';
const site = getBuiltinProtocol(study).sites[0]!.id;

describe.each(databases)('export API for ODM, SDTM and Define-XML on $kind', (database) => {
  it('serves each file of a format to a study-wide reviewer, blinded while the study is open; refuses site roles, unknown formats and files', async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    await t.user('inv', [{ studyId: study, siteId: site, role: 'investigator' }]);
    await t.user('mon', [{ studyId: study, siteId: null, role: 'monitor' }]);
    const call = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(user) } });
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/studies/${study}/participants`,
      headers: { cookie: await t.login('inv') },
      payload: { siteId: site, code: 'SLE-001', sex: 'female', birthDate: '1980-01-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const to of ['eligible', 'consented'])
      expect(
        (await t.app.inject({ method: 'POST', url: `/api/participants/${created.json().id}/transition`, headers: { cookie: await t.login('inv') }, payload: { to, reason: 'screened on paper' } }))
          .statusCode,
      ).toBe(200);

    const dm = await call('mon', `/api/studies/${study}/export/sdtm/dm.json`);
    expect(dm.statusCode, dm.body).toBe(200);
    expect(dm.headers['content-type']).toMatch(/^application\/json/);
    expect(dm.headers['content-disposition']).toBe('attachment; filename="dm.json"');
    const doc = dm.json() as { name: string; rows: unknown[][]; columns: { name: string }[] };
    expect(doc.name).toBe('DM');
    // Consented, not randomized: no arm, and the reason it is empty (SDTMIG 3.4 ARMNRS).
    const armnrs = doc.columns.findIndex((c) => c.name === 'ARMNRS');
    expect(doc.rows.map((r) => [r[2], r[armnrs]])).toEqual([[`${study}-SLE-001`, 'NOT ASSIGNED']]);

    const xpt = await call('mon', `/api/studies/${study}/export/sdtm/dm.xpt`);
    expect(xpt.statusCode).toBe(200);
    expect(xpt.rawPayload.subarray(0, 48).toString('latin1')).toBe('HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!');
    expect(xpt.rawPayload.length % 80).toBe(0);
    const odm = await call('mon', `/api/studies/${study}/export/odm/${study}-odm-snapshot.xml`);
    expect(odm.statusCode).toBe(200);
    expect(odm.body).toContain('<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:il2="urn:il2trials:odm-extension:1" ODMVersion="1.3.2" FileType="Snapshot"');
    expect((await call('mon', `/api/studies/${study}/export/define/define.xml`)).body).toContain('def:DefineVersion="2.1.0"');

    expect((await call('inv', `/api/studies/${study}/export/sdtm/dm.json`)).statusCode).toBe(403);
    const format = await call('mon', `/api/studies/${study}/export/sas/dm.xpt`);
    expect(format.statusCode).toBe(400);
    expect(format.json().error).toMatchObject({ code: 'HTTP_INVALID_OPTION', path: 'format' });
    const file = await call('mon', `/api/studies/${study}/export/sdtm/randomization.xpt`);
    expect(file.statusCode).toBe(404);
    expect(file.json().error.message).toMatch(/^No file "randomization.xpt" in the sdtm export: its files are dm.json, dm.xpt, /);
  }, 120_000);
});
