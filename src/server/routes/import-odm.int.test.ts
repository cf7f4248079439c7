import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { exportStudy } from '../../interop/export-files/export-study.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { createStudy, findStudy } from '../../store/studies.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, testNow } from '../test-app.js';

const study = 'sle-il2';
const dir = mkdtempSync(join(tmpdir(), 'il2trials-odm-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDatabases())('ODM import API on $kind', (database) => {
  it('takes an ODM file from a study administrator (201, what was imported); refuses a monitor (403) and a bad file (422 naming the element), writing nothing', async () => {
    const a = await database.fresh();
    await createStudy(a, { actor: 'test', at: testNow }, getBuiltinProtocol(study));
    await loadDemoCohorts(a, 1, '2025-06-02', testNow);
    const files = await exportStudy(a, { study: (await findStudy(a, study))!, format: 'odm', dir: join(dir, database.kind), blinded: true, at: testNow });
    const xml = readFileSync(files[1]!.path, 'utf8');
    const subjects = xml.match(/<SubjectData /g)!.length;

    const t = await testApp(await database.fresh());
    await t.user('admin', [{ studyId: study, siteId: null, role: 'admin' }]);
    await t.user('mon', [{ studyId: study, siteId: null, role: 'monitor' }]);
    const post = async (user: string, body: string) =>
      t.app.inject({ method: 'POST', url: `/api/studies/${study}/import/odm`, headers: { cookie: await t.login(user), 'content-type': 'application/xml' }, payload: body });
    const count = async () => (await t.app.inject({ method: 'GET', url: `/api/studies/${study}/participants`, headers: { cookie: await t.login('admin') } })).json().length as number;

    const forbidden = await post('mon', xml);
    expect(forbidden.statusCode).toBe(403);
    const bad = await post('admin', xml.replace(/<ItemDef OID="IT\.lab\.alt" Name="alt" DataType="float">/, '<ItemDef OID="IT.lab.alt" Name="alt">'));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'INTEROP_ODM_INVALID',
      message: expect.stringMatching(/^ODM <ItemDef OID="IT\.lab\.alt"> \(line \d+\): the required attribute DataType is missing\.$/),
    });
    expect(await count()).toBe(0);

    const done = await post('admin', xml);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ studyId: study, fileType: 'Transactional', participants: subjects, signatures: { kept: 0, reapplied: 0 } });
    expect(await count()).toBe(subjects);
  }, 240_000);
});
